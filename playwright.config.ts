import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const simPort = Number(process.env.SIM_PORT ?? 4011);

// Real Chromium from Debian (nothing is downloaded), against the production
// build served with a throwaway database (scripts/serve-e2e.mjs).
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "node scripts/serve-e2e.mjs",
      url: `${baseURL}/sign-in`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { E2E_PORT: String(port) },
    },
    {
      // The simulator as an OpenAI-compatible HTTP server, reached through the real openai SDK provider.
      command: `node node_modules/tsx/dist/cli.mjs scripts/sim.ts --port ${simPort} --host 127.0.0.1 --latency 20 --api-key e2e-sim-key-0123456789`,
      url: `http://127.0.0.1:${simPort}/v1/models`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
