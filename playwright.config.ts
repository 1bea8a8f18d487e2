import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
export const e2eDataDir = ".e2e-data";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless=new",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // A production server on a fresh embedded database, with the demo seeded. The SMTP spec
        // runs its mail server on a random local port, so 127.0.0.1 is allow-listed here.
        command: `rm -rf ${e2eDataDir} && npx next start -H 127.0.0.1 -p ${port}`,
        url: `${baseURL}/sign-in`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: "pipe",
        env: { PARCOURS_DATA_DIR: e2eDataDir, PARCOURS_SEED_DEMO: "1", PARCOURS_TIME_TRAVEL: "1", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1", PARCOURS_PUBLIC_URL: baseURL, PARCOURS_OPERATORS: "admin@parcours.local", PARCOURS_ALLOWED_PRIVATE_HOSTS: "127.0.0.1" },
      },
});
