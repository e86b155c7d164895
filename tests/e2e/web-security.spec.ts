import { expect, test } from "@playwright/test";
import { openNav } from "./navigate";

test("pages run under a nonce CSP without violations, and sign-in ignores a callbackUrl that leaves the site", async ({
  page,
  baseURL,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });

  const res = await page.goto("/login?callbackUrl=/%5Cevil.example");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  await page.getByLabel("Email").fill("demo@autonomos.dev");
  await page.getByLabel("Password").fill("autonomos-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/control-center`);

  // The lineage graph (React Flow) positions nodes with inline styles.
  await openNav(page, "Ontology");
  await expect(page.getByRole("heading", { name: "Ontology", exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});
