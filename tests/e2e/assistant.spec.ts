import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";

const POLICY = [
  "# Customer care policy",
  "",
  "## Refunds",
  "",
  "Refunds are paid back to the original card within 14 days of a written request. Escalations go to Jane Doe (jane.doe@acme.example).",
].join("\n");

test("read the CFO's figures, add a document, ask a question and read the cited answer", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assistant", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Assistant", level: 1 })).toBeVisible();

  // The demo connection's first sync fills the views the CFO's figures read.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Invoiced (issued, not draft or void), last 90 days").locator("..").getByText(/USD [\d,]+/).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText("Demo", { exact: true })).toHaveCount(0);

  await page.locator("#kb-upload").setInputFiles({ name: "care-policy.md", mimeType: "text/markdown", buffer: Buffer.from(POLICY) });
  const documents = page.getByRole("list", { name: "Documents" });
  await expect(documents.getByText("Care policy")).toBeVisible();
  await expect(documents).toContainText("ready", { timeout: 60_000 });
  await expect(documents).toContainText(/\d+ redactions?/);

  await page.getByRole("textbox", { name: "Question" }).fill("Within how many days are refunds paid?");
  await page.getByRole("button", { name: "Ask" }).click();
  const answer = page.getByTestId("answer");
  await expect(answer).toContainText("within 14 days of a written request");
  await expect(answer).toContainText("[1] Care policy");
  await expect(answer).toContainText("quoted from the sources below");
  await expect(answer).not.toContainText("jane.doe@acme.example");

  const shots = process.env.E2E_SCREENSHOT_DIR;
  if (shots) {
    await page.screenshot({ path: path.join(shots, "assistant.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, "assistant-phone-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  await documents.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Care policy is deleted" })).toBeVisible();
  await expect(documents).toHaveCount(0);
});
