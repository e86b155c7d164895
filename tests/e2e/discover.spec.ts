import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { openNav } from "./navigate";

/** The demo files and the entity each one is (mock_sources/README.md). */
const DEMO_ENTITIES = {
  "aws_cost_line_items.csv": "cost",
  "billing_invoices.csv": "invoice",
  "cloud_resources.jsonl": "resource",
  "crm_accounts.csv": "account",
  "crm_contacts.csv": "contact",
  "crm_opportunities.csv": "opportunity",
};

test("discover the demo connection's streams and their proposed entities, find a field in the universe, and open an FAQ answer", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInAsDemo(page);

  // The demo's first sync and the mapping proposals after it run in the background.
  const demo = page.getByRole("article", { name: "Demo data (mock_sources)" });
  const entityOf = (stream: string) => demo.getByTestId("discovered-stream").filter({ hasText: stream }).getByTestId("proposed-entity");
  await expect(async () => {
    await page.goto("/discover");
    await expect(entityOf("crm_opportunities.csv")).toContainText("opportunity", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Discover", exact: true })).toBeVisible();
  for (const [stream, entity] of Object.entries(DEMO_ENTITIES)) await expect(entityOf(stream)).toContainText(entity);
  await expect(page.getByTestId("unmapped-summary")).toContainText(/of [\d,]+ fields seen map to no canonical field/);
  await expect(page.getByRole("link", { name: "Connect a source" })).toHaveAttribute("href", "/connections");

  // The universe starts collapsed; a search opens the source and table holding the field.
  await expect(page.getByTestId("universe-field")).toHaveCount(0);
  await page.getByLabel("Search sources, tables and fields").fill("Probability (%)");
  const field = page.getByTestId("universe-field").filter({ hasText: "Probability (%)" });
  await expect(field).toBeVisible();
  await expect(field).toContainText("opportunity.probability");
  await expect(page.getByRole("button", { name: "crm_opportunities.csv" })).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "crm_opportunities.csv" }).click();
  await expect(field).toHaveCount(0);

  await openNav(page, "FAQ");
  await expect(page.getByRole("heading", { name: "Frequently asked questions" })).toBeVisible();
  const answer = page.getByText(/Tick Safe mode when you create a connection/);
  await expect(answer).toBeHidden();
  await page.getByText("What is safe mode?", { exact: true }).click();
  await expect(answer).toBeVisible();
  await page.getByLabel("Search the questions").fill("retry");
  await expect(page.getByText("What happens when a task fails?", { exact: true })).toBeVisible();
  await expect(page.getByText("What is safe mode?", { exact: true })).toHaveCount(0);
});
