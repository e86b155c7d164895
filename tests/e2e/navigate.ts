import { expect, type Page } from "@playwright/test";

/**
 * Opens the navigation drawer when the page shows the Menu button (under 1,024 px the sidebar
 * sits behind it); does nothing on wide screens. Clicks until the drawer shows: a click before
 * the page is hydrated does nothing.
 */
export async function openMenu(page: Page) {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if (!(await menu.isVisible())) return;
  await expect(async () => {
    if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    await expect(page.locator(`#${await menu.getAttribute("aria-controls")}`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Follows a link of the Main navigation, as a person would at this width (through the Menu on a phone). A string matches the link's whole name. */
export async function openNav(page: Page, linkName: string | RegExp) {
  await openMenu(page);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: linkName, exact: typeof linkName === "string" })
    .click();
}

/** Signs out with the button at the foot of the sidebar (in the drawer on a phone). */
export async function signOut(page: Page) {
  await openMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
