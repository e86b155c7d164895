import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";

test("run the RevOps agent, read a finding's evidence and acknowledge it", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();

  const revops = page.getByTestId("agent").filter({ has: page.getByRole("heading", { name: "RevOps agent" }) });
  await expect(revops).toContainText("Built-in");
  await expect(revops).toContainText("daily at 06:00 UTC");
  await expect(revops.getByRole("switch", { name: "RevOps agent enabled" })).toHaveAttribute("aria-checked", "true");

  // The demo connection's first sync fills the views the agent reads.
  await expect(async () => {
    await page.reload();
    for (const entity of ["opportunity", "invoice"]) await expect(revops).toContainText(new RegExp(`${entity} \\([1-9][\\d,]* rows\\)`), { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });

  await revops.getByRole("button", { name: "Run now: RevOps agent" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Queued a run of RevOps agent" })).toBeVisible();
  // The page reloads its data while the run waits or runs.
  const latest = revops.getByTestId("latest-run");
  await expect(latest).toContainText("success", { timeout: 60_000 });
  await expect(latest).toContainText(/\d+ findings?, \d+ new/);
  await expect(latest).toContainText("RevOps agent:");

  await page.getByRole("combobox", { name: /^Agent\b/ }).selectOption("revops");
  await expect(page).toHaveURL(/\/agents\?agent=revops#findings$/);
  const findings = page.getByTestId("finding");
  await expect(findings.first()).toContainText("RevOps agent");
  await expect(findings.filter({ hasText: "FinOps agent" })).toHaveCount(0);

  const stalled = findings.filter({ hasText: "Stalled deal" }).filter({ has: page.getByTestId("finding-status").getByText("open", { exact: true }) }).first();
  const title = await stalled.getByRole("heading").innerText();
  const finding = findings.filter({ has: page.getByRole("heading", { name: title, exact: true }) }).first();
  await expect(finding).toContainText(/(USD|EUR|GBP|JPY) [\d,]+\.\d\d/);

  await finding.getByText(/^Evidence: the query/).click();
  await expect(finding.getByRole("button", { name: `Copy the SQL of ${title}` })).toBeVisible();
  await expect(finding.locator("pre")).toContainText("FROM opportunity");
  const rows = finding.getByTestId("finding-rows");
  await expect(rows.getByRole("columnheader", { name: "stage", exact: true })).toBeVisible();
  await expect(rows.locator("tbody tr").first()).toBeVisible();
  await expect(finding.getByRole("list", { name: "Source streams" })).toContainText("crm_opportunities.csv");

  const shots = process.env.E2E_SCREENSHOT_DIR;
  if (shots) await page.screenshot({ path: path.join(shots, "agents.png"), fullPage: true });

  await finding.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Acknowledged: ${title}` })).toBeVisible();
  await expect(finding.getByTestId("finding-status")).toHaveText("acknowledged");
  await expect(finding.getByTestId("finding-status-change")).toContainText("Acknowledged by Demo User");
  await expect(finding.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(finding.getByRole("button", { name: "Reopen" })).toBeVisible();
});
