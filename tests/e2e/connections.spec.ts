import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";


test("the demo tenant's sources are synced on first start and their schemas are visible", async ({ page }) => {
  await signInAsDemo(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connections" }).click();
  await page.getByRole("link", { name: "Demo data (mock_sources)" }).click();
  await expect(page).toHaveURL(/\/connections\/[0-9a-f-]{36}$/);
  // The first sync runs in the background at startup.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("crm_accounts.csv").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("cloud_resources.jsonl").first()).toBeVisible();
  await expect(page.getByText("Account Name").first()).toBeVisible();
});

test("create an upload connection, upload a CSV, sync it, change its shape and see the drift, live", async ({ page }) => {
  await signInAsDemo(page);
  await page.goto("/connections");
  const name = `E2E uploads ${Date.now()}`;
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByLabel("Schema changes").selectOption("propagate_all");
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  const upload = (content: string) =>
    page.getByLabel("Upload CSV, TSV or JSON Lines").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(content) });
  await upload("id,email,phone\n1,a@example.test,555\n2,b@example.test,556\n3,c@example.test,557\n");
  await expect(page.getByTestId("uploaded-files")).toContainText("people.csv");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("Sync queued")).toBeVisible();
  // No reload: the page follows the sync through the live event stream.
  await expect(page.getByText("a@example.test").first()).toBeVisible({ timeout: 30_000 });

  await upload("id,email_address\n1,a@example.test\n2,b@example.test\n3,c@example.test\n");
  // The replaced file (68 bytes) must be stored before the sync reads it.
  await expect(page.getByTestId("uploaded-files")).toContainText("68 B");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("field renamed").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("field removed").first()).toBeVisible();
});
