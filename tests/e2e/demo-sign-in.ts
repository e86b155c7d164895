import { expect, type Page } from "@playwright/test";

/** Signs in as the seeded demo user and waits for the control center. */
export async function signInAsDemo(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill("demo@autonomos.dev");
  await page.getByLabel("Password").fill("autonomos-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/control-center/);
}
