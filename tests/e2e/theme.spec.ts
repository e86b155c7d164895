import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { openMenu } from "./navigate";

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

// Runs in both projects: on a phone the theme control sits in the Menu drawer (openMenu), which
// every page load closes. The test sets the system's colour scheme itself, whatever the project's.

test("pages follow the system's colour scheme until a theme is chosen, and the choice is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/login");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

  await signInAsDemo(page);
  const theme = page.getByRole("combobox", { name: "Theme" });
  await openMenu(page);
  await expect(theme).toHaveValue("system");
  const light = await background(page);
  await theme.selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await background(page)).not.toBe(light);

  // The script in the head applies the choice on its own, before the app's JavaScript loads.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/connections");
  expect(await isDark(page)).toBe(true);
  await page.unroute("**/_next/static/**/*.js");
  await page.reload();
  await openMenu(page);
  await expect(theme).toHaveValue("dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await isDark(page)).toBe(true);

  await theme.selectOption("light");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

  await openMenu(page);
  await theme.selectOption("system");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("aos-theme"))).toBeNull();
});
