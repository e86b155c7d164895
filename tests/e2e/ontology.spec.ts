import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";

const ENTITIES = ["account", "contact", "opportunity", "invoice", "cost", "resource"];


test("rebuild the demo tenant's views, see the lineage graph and browse the invoice view", async ({ page }) => {
  test.setTimeout(150_000);
  await signInAsDemo(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ontology", exact: true }).click();
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

  const graph = page.getByTestId("lineage-graph");
  await expect(graph.locator(".react-flow__node").first()).toBeVisible();
  await expect(graph.getByText("invoice", { exact: true })).toBeVisible();
  await expect(graph.getByText("FinOps agent", { exact: true })).toBeVisible();
  await expect(graph.locator(".react-flow__edge").first()).toBeAttached();

  // Set E2E_SCREENSHOT_DIR to keep a picture of the page for a look at its layout.
  const shots = process.env.E2E_SCREENSHOT_DIR;
  if (shots) await page.screenshot({ path: path.join(shots, "ontology.png"), fullPage: true });

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
  if (shots) await page.screenshot({ path: path.join(shots, "ontology-invoice.png"), fullPage: true });
});
