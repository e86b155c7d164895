import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (Playwright's own browser download is impossible here).
// scripts/e2e.mjs builds the app, installs Chromium when missing and sets these variables.
const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * Specs that choose their own viewport and theme, or need none, run in desktop-light only (the
 * phone project ignores them; listed here, next to the projects, so the matrix reads in one place):
 * a11y.spec.ts audits every page in both themes and checks the phone width itself;
 * first-load-js.spec.ts measures bytes, the same at any size. theme.spec.ts runs in both: it sets
 * the system's scheme itself, but on a phone the theme control is in the Menu drawer.
 */
const DESKTOP_ONLY = ["**/a11y.spec.ts", "**/first-load-js.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  retries: 0,
  // The two projects share one server and its demo workspace: one test at a time.
  workers: 1,
  fullyParallel: false,
  reporter: process.env.PLAYWRIGHT_REPORTERS === "json" ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
    // Every test leaves a picture of its last page in test-results/ (the CI's artifacts), passed or failed.
    screenshot: { mode: "on", fullPage: true },
  },
  // Both projects share the one server and data directory below, so every spec makes its own
  // names (Date.now(), the project's name) and leaves the demo tenant as it found it.
  projects: [
    { name: "desktop-light", use: { viewport: { width: 1440, height: 900 }, colorScheme: "light" } },
    // Under 1,024 px the navigation sits behind the Menu button (tests/e2e/navigate.ts opens it).
    { name: "phone-dark", use: { viewport: { width: 390, height: 844 }, colorScheme: "dark" }, testIgnore: DESKTOP_ONLY },
  ],
  webServer: {
    // The app's own server (server.ts: Next.js plus the event WebSocket), as `npm start` runs it.
    command: `npx --no-install tsx --tsconfig tsconfig.server.json server.ts`,
    url: `http://127.0.0.1:${port}/api/v1/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    // `next start` is a production server: NEXTAUTH_URL is required, and the cross-site check compares Origin with it.
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AOS_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e",
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
