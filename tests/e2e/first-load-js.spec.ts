import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { SIGNED_IN_PAGES, SIGNED_OUT_PAGES } from "./pages";

// Runs in the desktop-light project only (playwright.config.ts): bytes are the same at any viewport.

/*
 * First-load JavaScript per page of the production build: the scripts its HTML loads (charts and
 * other parts imported on demand come after), gzipped as the server would send them. Prints the table; fails when
 * a page passes the budget. The pages that draw the lineage graph (@xyflow/react) have their own
 * budget, stated in the README.
 */

const BUDGET_KB = 250;
const GRAPH_BUDGET_KB = 300;
const GRAPH_PAGES = new Set(["/ontology"]);
const PAGES = [...SIGNED_OUT_PAGES, ...SIGNED_IN_PAGES];

/** The scripts a page's HTML loads (script tags and preloads): what the browser needs before the page works. */
async function firstLoadScripts(page: Page, url: string): Promise<string[]> {
  const html = await (await page.request.get(url)).text();
  // `noModule` scripts are polyfills only browsers without modules load.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\snoModule/i.test(tag))
    .map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]);
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\sas="script"/.test(tag))
    .map((tag) => /\shref="([^"]+)"/.exec(tag)?.[1]);
  return [
    ...new Set(
      [...scripts, ...preloads].filter((src): src is string => !!src).map((src) => new URL(src.replaceAll("&amp;", "&"), url).toString()),
    ),
  ];
}

test("first-load JavaScript per page stays within its budget", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page);
  const sizes = new Map<string, number>();
  const gzipped = async (url: string) => {
    if (!sizes.has(url)) sizes.set(url, gzipSync(Buffer.from(await (await page.request.get(url)).body())).length);
    return sizes.get(url)!;
  };
  const rows: { path: string; scripts: number; kb: number; budget: number }[] = [];
  for (const path of PAGES) {
    const scripts = await firstLoadScripts(page, new URL(path, baseURL).toString());
    const bytes = (await Promise.all(scripts.map(gzipped))).reduce((a, b) => a + b, 0);
    rows.push({
      path,
      scripts: scripts.length,
      kb: Math.round(bytes / 102.4) / 10,
      budget: GRAPH_PAGES.has(path) ? GRAPH_BUDGET_KB : BUDGET_KB,
    });
  }
  console.log(
    `\nFirst-load JavaScript (gzipped):\n${rows.map((r) => `  ${r.path.padEnd(20)} ${String(r.kb).padStart(7)} kB  (${r.scripts} scripts, budget ${r.budget} kB)`).join("\n")}\n`,
  );
  expect(rows.filter((r) => r.kb > r.budget).map((r) => `${r.path}: ${r.kb} kB > ${r.budget} kB`)).toEqual([]);
  await context.close();
});
