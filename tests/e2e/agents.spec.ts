import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { openNav } from "./navigate";
import { keepScreenshot } from "./screenshots";

test("run the RevOps agent, read a finding's evidence and acknowledge it", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signInAsDemo(page);
  await openNav(page, "Agents");
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();

  const revops = page.getByTestId("agent").filter({ has: page.getByRole("heading", { name: "RevOps agent" }) });
  await expect(revops).toContainText("Built-in");
  await expect(revops).toContainText("daily at 06:00 UTC");
  await expect(revops.getByRole("switch", { name: "RevOps agent enabled" })).toHaveAttribute("aria-checked", "true");

  // The demo connection's first sync fills the views the agent reads.
  await expect(async () => {
    await page.reload();
    for (const entity of ["opportunity", "invoice"])
      await expect(revops).toContainText(new RegExp(`${entity} \\([1-9][\\d,]* rows\\)`), { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });

  // The other project may have run it already: this run is the one started after that one.
  const latest = revops.getByTestId("latest-run");
  const previousStart = (await latest.count()) ? await latest.locator("time").first().getAttribute("datetime") : null;
  await revops.getByRole("button", { name: "Run now: RevOps agent" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Queued a run of RevOps agent" })).toBeVisible();
  // The page reloads its data while the run waits or runs.
  if (previousStart) await expect(latest.locator("time").first()).not.toHaveAttribute("datetime", previousStart, { timeout: 60_000 });
  await expect(latest).toContainText("success", { timeout: 60_000 });
  await expect(latest).toContainText(/\d+ findings?, \d+ new/);
  await expect(latest).toContainText("RevOps agent:");

  await page.getByRole("combobox", { name: /^Agent\b/ }).selectOption("revops");
  await expect(page).toHaveURL(/\/agents\?agent=revops#findings$/);
  const findings = page.getByTestId("finding");
  await expect(findings.first()).toContainText("RevOps agent");
  await expect(findings.filter({ hasText: "FinOps agent" })).toHaveCount(0);

  const stalled = findings
    .filter({ hasText: "Stalled deal" })
    .filter({ has: page.getByTestId("finding-status").getByText("open", { exact: true }) })
    .first();
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

  await keepScreenshot(page, testInfo, "agents");

  await finding.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Acknowledged: ${title}` })).toBeVisible();
  await expect(finding.getByTestId("finding-status")).toHaveText("acknowledged");
  await expect(finding.getByTestId("finding-status-change")).toContainText("Acknowledged by Demo User");
  await expect(finding.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  // Reopened, the demo tenant is as it was for the other project's run of this test.
  await finding.getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Reopened: ${title}` })).toBeVisible();
  await expect(finding.getByTestId("finding-status")).toHaveText("open");
  await expect(finding.getByRole("button", { name: "Acknowledge" })).toBeVisible();
});
