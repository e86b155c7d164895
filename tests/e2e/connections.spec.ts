import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { openNav } from "./navigate";
import { keepScreenshot } from "./screenshots";

/** The start of a PNG image: a file someone picks by mistake. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

test("the demo tenant's sources are synced on first start and their schemas are visible", async ({ page }) => {
  await signInAsDemo(page);
  await openNav(page, "Connections");
  await page.getByRole("link", { name: "Demo data (mock_sources)" }).click();
  await expect(page).toHaveURL(/\/connections\/[0-9a-f-]{36}$/);
  // The first sync runs in the background at startup.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("crm_accounts.csv").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("cloud_resources.jsonl").first()).toBeVisible();
  await expect(page.getByTestId("connection-kpis")).toContainText("Records held");

  // Schemas are folded into one line per stream until opened.
  const accounts = page.getByTestId("stream").filter({ hasText: "crm_accounts.csv" });
  await expect(accounts.locator("summary")).toContainText(/\d+ fields · \d+ records/);
  await expect(accounts.getByText("Account Name")).toBeHidden();
  await accounts.locator("summary").click();
  await expect(accounts.getByText("Account Name")).toBeVisible();

  // A "next connections" link whose connection is gone starts the list again instead of showing none.
  await page.goto("/connections?after=00000000-0000-4000-8000-000000000000");
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByRole("link", { name: "Demo data (mock_sources)" })).toBeVisible();
});

test("create an upload connection, upload a CSV, sync it, change its shape and see the drift, live; edit it and remove the file", async ({
  page,
}, testInfo) => {
  await signInAsDemo(page);
  await openNav(page, "Connections");
  const name = `E2E uploads ${testInfo.project.name} ${Date.now()}`;
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByLabel("Schema changes").selectOption("propagate_all");
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  const chooser = page.getByLabel("Upload CSV, TSV or JSON Lines");
  const upload = (content: string | Buffer, file = "people.csv") =>
    chooser.setInputFiles({ name: file, mimeType: "text/csv", buffer: Buffer.from(content) });
  await upload(PNG, "photo.csv");
  await expect(page.getByRole("alert").filter({ hasText: "photo.csv is not a text file" })).toBeVisible();
  await upload("id,email,phone\n1,a@example.test,555\n2,b@example.test,556\n3,c@example.test,557\n");
  await expect(page.getByTestId("uploaded-files")).toContainText("people.csv");
  await expect(page.getByTestId("uploaded-files")).not.toContainText("photo.csv");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("Sync queued")).toBeVisible();
  // No reload: the page follows the sync through the live event stream.
  await expect(page.getByText("a@example.test").first()).toBeVisible({ timeout: 30_000 });

  await upload("id,email_address\n1,a@example.test\n2,b@example.test\n3,c@example.test\n");
  // The replaced file (68 bytes) must be stored before the sync reads it.
  await expect(page.getByTestId("uploaded-files")).toContainText("68 B");
  await page.getByRole("button", { name: "Sync now" }).click();
  const changes = page.getByTestId("drift-event");
  await expect(changes.filter({ hasText: "email renamed to email_address in people.csv" })).toBeVisible({ timeout: 30_000 });
  await expect(changes.filter({ hasText: "1 field removed from people.csv: phone" })).toContainText("Applied");
  // Each record once, whatever its number of versions.
  await expect(page.getByTestId("connection-kpis")).toContainText("Records held3");
  await keepScreenshot(page, testInfo, "connection");

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const form = page.getByTestId("edit-connection-form");
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(`${name} (edited)`);
  await form.getByLabel("Schema changes").selectOption("require_approval");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `${name} (edited)` })).toBeVisible();
  await expect(page.getByTestId("connection-settings")).toContainText("Hold every change for review");

  await page.getByRole("button", { name: "Remove people.csv" }).click();
  await page.getByRole("group", { name: "Confirm removing people.csv" }).getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByText("No files yet")).toBeVisible();
});
