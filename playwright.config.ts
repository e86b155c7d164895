import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (Playwright's own browser download is impossible here).
// scripts/e2e.mjs builds the app, installs Chromium when missing and sets these variables.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_REPORTERS === "json" ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
    screenshot: "only-on-failure",
  },
  webServer: {
    // The app's own server (server.ts: Next.js plus the event WebSocket), as `npm start` runs it.
    command: `npx --no-install tsx --tsconfig tsconfig.server.json server.ts`,
    url: `http://127.0.0.1:${port}/api/v1/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    // `next start` is a production server: NEXTAUTH_URL is required, and the cross-site check compares Origin with it.
    env: { NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", AOS_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e", DATABASE_URL: "", NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
