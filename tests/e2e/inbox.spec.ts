import { expect, test, type Page } from "@playwright/test";
import { openNav } from "./navigate";
import { keepScreenshot } from "./screenshots";

const csv = (header: string, row: (i: number) => string) => `${header}\n${Array.from({ length: 12 }, (_, i) => row(i + 1)).join("\n")}\n`;
// Phone numbers and names the matcher is not sure of (proposals wait); emails it maps at once.
const FIRST = csv("id,email,phone,full_name", (i) => `${i},p${i}@example.test,555${i},Person ${i}`);
// The same records with another email each (a repair waits: same name, another meaning) and a new column (held by the policy).
const SECOND = csv("id,email,phone,full_name,city", (i) => `${i},other${i * 7}@elsewhere.test,555${i},Person ${i},City ${i}`);

/** A workspace of its own: what people decide is remembered per tenant and steers later proposals. */
async function registerWorkspace(page: Page, project: string) {
  await page.goto("/register");
  await page.getByLabel("Your name").fill("Ines Inbox");
  await page.getByLabel("Work email").fill(`e2e-inbox-${project}-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByLabel("Company / workspace name").fill("Inbox Examples");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/control-center/);
}

async function createHeldConnection(page: Page, name: string) {
  await openNav(page, "Connections");
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByLabel("Schema changes").selectOption("require_approval");
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const upload = (content: string) =>
    page
      .getByLabel("Upload CSV, TSV or JSON Lines")
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(content) });
  await upload(FIRST);
  await expect(page.getByTestId("uploaded-files")).toContainText("people.csv");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("p1@example.test").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await upload(SECOND);
  await expect(page.getByTestId("uploaded-files")).toContainText(`${Buffer.byteLength(SECOND)} B`);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("field added").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test("decide what waits in the inbox: accept a held change, reject a repair with its reason, correct a mapping, approve the rest, roll back", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await registerWorkspace(page, testInfo.project.name);
  await openNav(page, "Inbox");
  await expect(page.getByTestId("inbox-empty")).toHaveText(/^Nothing waits for a person/);
  await expect(page.getByTestId("inbox-badge")).toHaveCount(0);

  const name = `E2E inbox ${Date.now()}`;
  await createHeldConnection(page, name);
  await openNav(page, /^Inbox \d+ waiting$/);
  await expect(page.getByRole("heading", { name: "Inbox", exact: true })).toBeVisible();
  await page.getByLabel("Connection").selectOption({ label: name });
  await expect(page).toHaveURL(/\/inbox\?connection=[0-9a-f-]{36}$/);

  const items = page.getByTestId("inbox-item");
  const item = (kind: string, field: string) =>
    items.filter({ hasText: kind }).filter({ has: page.getByRole("heading", { name: field, exact: true }) });
  const status = (text: string) => page.getByRole("status").filter({ hasText: text });

  // The new column is held by the policy; accepting it lets the repair agent look at the stream.
  const city = item("Schema change", "city");
  await expect(city).toContainText("non breaking");
  await expect(city.getByRole("button", { name: "Edit target" })).toHaveCount(0);
  await city.getByRole("button", { name: "Accept" }).click();
  await expect(status("Accepted the schema change of city")).toBeVisible();

  const repair = item("Repair", "email");
  await expect(async () => {
    await page.reload();
    await expect(repair).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(repair).toContainText("its meaning may have changed");
  const values = repair.getByTestId("repair-values");
  await expect(values.getByRole("columnheader", { name: "before (email)" })).toBeVisible();
  await expect(values.getByRole("row").filter({ hasText: "p1@example.test" })).toContainText("other7@elsewhere.test");

  await keepScreenshot(page, testInfo, "inbox");

  await repair.getByRole("button", { name: "Reject" }).click();
  await repair.getByLabel("Reason for rejecting email (optional)").fill("the emails were replaced");
  await repair.getByRole("button", { name: "Confirm reject" }).click();
  await expect(status("Rejected the repair of email")).toBeVisible();
  await expect(repair).toHaveCount(0);

  const phone = item("Mapping", "phone");
  await phone.getByRole("button", { name: "Edit target" }).click();
  await phone.getByLabel("Target for phone").selectOption("contact.phone");
  await phone.getByRole("button", { name: "Approve this target" }).click();
  await expect(status("The views are being rebuilt")).toBeVisible();
  await expect(phone).toHaveCount(0);

  // Whatever else waits for this connection, approved at once.
  await page.getByLabel("Select all").check();
  const left = await items.count();
  await page.getByRole("button", { name: `Approve selected (${left})` }).click();
  await expect(page.getByTestId("inbox-empty")).toHaveText(/^Nothing waits here/);
  await expect(page.getByTestId("inbox-failures")).toHaveCount(0);
  await expect(page.getByTestId("inbox-badge")).toHaveCount(0);

  const decided = page.getByTestId("inbox-decision");
  await expect(decided.filter({ hasText: "the emails were replaced" })).toContainText("rejected (repair)");
  await expect(decided.filter({ hasText: "accepted (schema change)" })).toContainText("city");
  const corrected = decided.filter({ hasText: "edited, then approved" });
  await expect(corrected).toContainText("contact.phone");
  await corrected.getByRole("button", { name: /^Roll back phone/ }).click();
  await expect(status("Rolled back phone")).toBeVisible();
  await expect(decided.filter({ hasText: "rolled back" }).filter({ hasText: "phone" })).toBeVisible();
  await expect(corrected.getByRole("button", { name: /^Roll back/ })).toHaveCount(0);
});
