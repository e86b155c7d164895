import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { openNav } from "./navigate";
import { keepScreenshot } from "./screenshots";

const ENTITIES = ["account", "contact", "opportunity", "invoice", "cost", "resource"];
/** The demo files and the entity each one is (mock_sources/README.md). */
const DEMO_STREAMS = {
  "aws_cost_line_items.csv": "cost",
  "billing_invoices.csv": "invoice",
  "cloud_resources.jsonl": "resource",
  "crm_accounts.csv": "account",
  "crm_contacts.csv": "contact",
  "crm_opportunities.csv": "opportunity",
};
/** The built-in agents and the views each reads (lib/agents/builtins.ts). */
const AGENTS = {
  finops: { name: "FinOps agent", reads: ["cost", "resource"] },
  revops: { name: "RevOps agent", reads: ["opportunity", "invoice"] },
};

test("rebuild the demo tenant's views, see the lineage graph and browse the invoice view", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await signInAsDemo(page);
  await openNav(page, "Ontology");
  await expect(page.getByRole("heading", { name: "Ontology", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Rebuild views" }).click();
  // The rebuild (and the demo's first sync, which asks for one too) runs in the background.
  const views = page.getByTestId("unified-view");
  await expect(async () => {
    await page.reload();
    for (const entity of ENTITIES) {
      const row = views.filter({ has: page.getByRole("link", { name: entity, exact: true }) });
      await expect(row.getByTestId("unified-view-rows")).toHaveText(/^[1-9][\d,]*$/, { timeout: 1_000 });
    }
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId("built-at")).toContainText("Views built");

  // The job engine (started by instrumentation) and the pages are separate module graphs in one
  // `next start` process: after another rebuild, the page shows the build the API reports.
  const currentBuild = async () => (await (await page.request.get("/api/v1/dcl/views")).json()).builtAt as string;
  const before = await currentBuild();
  await expect(page.getByTestId("built-at").locator("time")).toHaveAttribute("datetime", before);
  await page.getByRole("button", { name: "Rebuild views" }).click();
  await expect.poll(currentBuild, { timeout: 60_000 }).not.toBe(before);
  const after = await currentBuild();
  await page.reload();
  await expect(page.getByTestId("built-at").locator("time")).toHaveAttribute("datetime", after);

  // Every node of the lineage, left to right: the connection, its streams, the views, the agents.
  // React Flow gives each node and edge the test id rf__node-<id> / rf__edge-<id>, with the ids of
  // lib/dcl/graph.ts (kind:...); a node's box carries its label as its title.
  const graph = page.getByTestId("lineage-graph");
  const node = (id: string) => graph.getByTestId(`rf__node-${id}`);
  const edge = (id: string) => graph.getByTestId(`rf__edge-${id}`);
  const demo = graph
    .locator('[data-testid^="rf__node-source_parent:"]')
    .filter({ has: page.getByTitle("Demo data (mock_sources)", { exact: true }) });
  await expect(demo).toBeVisible();
  await expect(demo).toContainText("6 streams");
  const connectionId = (await demo.getAttribute("data-id"))!.replace(/^source_parent:/, "");
  for (const [stream, entity] of Object.entries(DEMO_STREAMS)) {
    await expect(node(`source:${connectionId}:${stream}`)).toBeVisible();
    await expect(node(`source:${connectionId}:${stream}`)).toContainText(/[1-9][\d,]* records/);
    await expect(edge(`contains:${connectionId}:${stream}`)).toBeAttached();
    await expect(edge(`maps_to:${connectionId}:${stream}:${entity}`)).toBeAttached();
  }
  for (const entity of ENTITIES) {
    await expect(node(`ontology:${entity}`)).toBeVisible();
    await expect(node(`ontology:${entity}`)).toContainText(/[1-9][\d,]* rows/);
  }
  for (const [slug, agent] of Object.entries(AGENTS)) {
    await expect(node(`agent:${slug}`)).toContainText(agent.name);
    await expect(node(`agent:${slug}`)).toBeVisible();
    for (const entity of agent.reads) await expect(edge(`feeds:${entity}:${slug}`)).toBeAttached();
  }
  await keepScreenshot(page, testInfo, "ontology");

  await views.getByRole("link", { name: "invoice", exact: true }).click();
  await expect(page).toHaveURL(/\/ontology\/invoice$/);
  await expect(page.getByRole("heading", { name: "invoice", exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "amount", exact: true })).toBeVisible();
  await expect(page.getByTestId("view-row").first()).toBeVisible();
  await expect(page.getByTestId("view-range")).toContainText(/Rows 1–\d+ of [\d,]+/);

  await page.getByLabel("Filter field").selectOption("currency");
  await page.getByLabel("Filter value").fill("USD");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/currency=USD/);
  await expect(page.getByTestId("view-filter")).toHaveText(/currency = USD/);
  await expect(page.getByTestId("view-row").first()).toBeVisible();
  await keepScreenshot(page, testInfo, "ontology-invoice");
});
