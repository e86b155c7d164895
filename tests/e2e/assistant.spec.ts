import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { openNav } from "./navigate";
import { keepScreenshot } from "./screenshots";

const POLICY = [
  "# Customer care policy",
  "",
  "## Refunds",
  "",
  "Refunds are paid back to the original card within 14 days of a written request. Escalations go to Jane Doe (jane.doe@acme.example).",
].join("\n");

test("read the CFO's figures, add a document, ask a question and read the cited answer", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signInAsDemo(page);
  await openNav(page, "Assistant");
  await expect(page.getByRole("heading", { name: "Assistant", level: 1 })).toBeVisible();

  // The demo connection's first sync fills the views the CFO's figures read.
  await expect(async () => {
    await page.reload();
    await expect(
      page
        .getByText("Invoiced (issued, not draft or void), last 90 days")
        .locator("..")
        .getByText(/USD [\d,]+/)
        .first(),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText("Demo", { exact: true })).toHaveCount(0);

  // The file is the project's own (the knowledge base refuses the same file twice), so the two projects never share one.
  const title = `Care policy ${testInfo.project.name.replaceAll("-", " ")}`;
  const content = `${POLICY}\n\nThis copy belongs to the ${testInfo.project.name} browser test.\n`;
  await page
    .locator("#kb-upload")
    .setInputFiles({ name: `care-policy-${testInfo.project.name}.md`, mimeType: "text/markdown", buffer: Buffer.from(content) });
  const documents = page.getByRole("list", { name: "Documents" });
  const document = documents.getByRole("listitem").filter({ hasText: title });
  await expect(document).toBeVisible();
  await expect(document).toContainText("ready", { timeout: 60_000 });
  await expect(document).toContainText(/\d+ redactions?/);

  await page.getByRole("textbox", { name: "Question" }).fill("Within how many days are refunds paid?");
  await page.getByRole("button", { name: "Ask" }).click();
  const answer = page.getByTestId("answer");
  await expect(answer).toContainText("within 14 days of a written request");
  await expect(answer).toContainText("[1] Care policy");
  await expect(answer).toContainText("quoted from the sources below");
  await expect(answer).not.toContainText("jane.doe@acme.example");
  await keepScreenshot(page, testInfo, "assistant");

  await document.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${title} is deleted` })).toBeVisible();
  await expect(document).toHaveCount(0);
});
