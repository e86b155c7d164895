import { expect, test } from "@playwright/test";
import { openNav, signOut } from "./navigate";
import { keepScreenshot } from "./screenshots";

test("register, see the signed-in shell, sign out, sign in again, sign out", async ({ page }, testInfo) => {
  const email = `e2e-${testInfo.project.name}-${Date.now()}@example.test`;
  const password = "a long enough passphrase";

  await page.goto("/control-center");
  await expect(page).toHaveURL(/\/login/);

  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Erin Example");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Company / workspace name").fill("Example Analytics");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/control-center/);
  await expect(page.getByRole("heading", { name: "Control center" })).toBeVisible();
  await expect(page.getByTestId("tenant-name")).toHaveText("Example Analytics");
  await expect(page.getByTestId("user-name")).toHaveText("Erin Example");
  await expect(page.getByTestId("member-count")).toHaveText("1");

  await signOut(page);
  await page.goto("/control-center");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/control-center/);
  // A task through the API with the browser's session (a same-origin request, as the app's own
  // pages send); the embedded engine picks it up.
  const created = await page.request.post("/api/v1/tasks", {
    headers: { origin: new URL(page.url()).origin },
    data: { type: "kb.ingest", input: { documentIds: ["6f1c2a44-0b7e-4c1e-9d52-3f7a1e2b9c10"] } },
  });
  expect(created.status()).toBe(201);
  await openNav(page, "Orchestration");
  await expect(page.getByTestId("engine-status")).toHaveText("Tasks run inside this app server: running.");
  const row = page.getByTestId("task-row");
  await expect(row).toContainText("Failed", { timeout: 20_000 });
  await expect(row).toContainText("Ingest a deleted document");
  await expect(row).toContainText("None of these documents exists");
  // The document does not exist, so retrying can never work: no Retry, and the row says why.
  await expect(row).toContainText("Can't be retried: the document was deleted.");
  await expect(row.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await row.getByRole("link", { name: "Ingest a deleted document" }).click();
  await expect(page).toHaveTitle("AOS Task");
  await expect(page.getByRole("heading", { name: "Ingest a deleted document" })).toBeVisible();
  await expect(page.getByTestId("task-attempt")).toContainText("Attempt 1 of 3");
  await expect(page.getByTestId("task-attempt")).toContainText("None of these documents exists");
  await openNav(page, "Team");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await keepScreenshot(page, testInfo, "team");

  await signOut(page);
});
