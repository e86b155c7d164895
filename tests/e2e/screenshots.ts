import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

/** Keeps a full-page picture in E2E_SCREENSHOT_DIR when it is set, named after the project (desktop-light, phone-dark) so the projects keep theirs apart. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}-${testInfo.project.name}.png`), fullPage: true });
}
