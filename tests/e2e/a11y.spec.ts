import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "./demo-sign-in";
import { SIGNED_IN_PAGES, SIGNED_OUT_PAGES } from "./pages";

// Runs in the desktop-light project only (playwright.config.ts): it audits both themes and sets the phone width itself.

const THEMES = ["light", "dark"] as const;
const PHONE = { width: 390, height: 844 };

/** The page's serious and critical axe findings (WCAG 2.1 A/AA and best practice), one readable entry per element. */
async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${label}: ${v.impact} ${v.id} (${v.help})\n    at ${n.target.join(" ")}\n    ${(n.failureSummary ?? "").replaceAll("\n", "\n    ")}`,
      ),
    );
}

/** Opens a page and waits for its heading, past any loading state. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
}

async function auditInBothThemes(page: Page, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const path of paths) {
      await open(page, path);
      if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      problems.push(...(await seriousViolations(page, `${path} (${theme})`)));
    }
  }
  return problems;
}

/** The demo connection's page, once its first sync has read the streams, and the invoice view once it has rows. */
async function demoPages(page: Page): Promise<string[]> {
  await page.goto("/connections");
  const connection = await page.getByRole("link", { name: "Demo data (mock_sources)" }).getAttribute("href");
  expect(connection).toMatch(/^\/connections\/[0-9a-f-]{36}$/);
  await expect(async () => {
    await page.goto("/ontology/invoice");
    await expect(page.getByTestId("view-row").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  return [connection!];
}

test("the sign-in and registration pages have no serious accessibility violations, light and dark", async ({ page }) => {
  const problems = await auditInBothThemes(page, SIGNED_OUT_PAGES);
  expect(problems, problems.join("\n\n")).toEqual([]);
});

test("every signed-in page has no serious accessibility violations, light and dark", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsDemo(page);
  const pages = [...SIGNED_IN_PAGES, ...(await demoPages(page))];
  const problems = await auditInBothThemes(page, pages);

  // The phone layout's open menu is part of every page.
  await page.setViewportSize(PHONE);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await open(page, "/connections");
    await page.getByRole("button", { name: "Menu" }).click();
    problems.push(...(await seriousViolations(page, `/connections with the menu open (${theme}, phone)`)));
  }
  expect(problems, problems.join("\n\n")).toEqual([]);
});

test("no page scrolls sideways on a phone, and its menu opens, closes on Escape and on navigation", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  const wide: string[] = [];
  const measure = async (path: string) => {
    await open(page, path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) wide.push(`${path} is ${width} px wide`);
  };
  for (const path of SIGNED_OUT_PAGES) await measure(path);
  await signInAsDemo(page);
  for (const path of [...SIGNED_IN_PAGES, ...(await demoPages(page))]) await measure(path);
  expect(wide, wide.join("\n")).toEqual([]);

  await open(page, "/control-center");
  const menu = page.getByRole("button", { name: "Menu" });
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(main).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(`#${await menu.getAttribute("aria-controls")}`)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(main).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await main.getByRole("link", { name: "Ontology", exact: true }).click();
  await expect(page).toHaveURL(/\/ontology$/);
  await expect(main).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page).toHaveTitle("AOS Ontology");
});
