// npm test — the whole suite: unit + integration (Vitest) on SQLite and on
// PostgreSQL, then a fresh production build and the Playwright e2e suite in
// Debian Chromium. Ends with one line "N passed, N failed[, N skipped]" summed
// over all suites.
//
// PostgreSQL: PG_TEST_URL (a superuser URL) when set; otherwise a throwaway
// cluster of the machine's PostgreSQL (scripts/pg-cluster.mjs), stopped at the
// end. Without PostgreSQL the integration suite runs on SQLite only, said
// plainly; CI (.ci/run) installs it so CI always runs both. PG_TEST=off skips it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin, buildStudio, mustRun, root, run } from "./lib.mjs";
import { findPostgres, startCluster } from "./pg-cluster.mjs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`✖ Chromium is missing at ${chromium}. Install Debian's package, then run npm test again:\n    sudo apt-get update && sudo apt-get install -y chromium\n  (or point CHROMIUM_PATH at a Chromium binary)`);
    process.exit(1);
  }
  console.log("▸ Installing Debian Chromium for the e2e tests…");
  mustRun("apt-get", ["update"]);
  mustRun("apt-get", ["install", "-y", "chromium"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const skipE2E = process.argv.includes("--no-e2e");
if (!skipE2E) ensureChromium();

const vitestJson = path.join(results, "vitest.json");
const playwrightJson = path.join(results, "playwright.json");
for (const f of [vitestJson, playwrightJson]) writeFileSync(f, "");

let cluster = null;
if (process.env.PG_TEST === "off") {
  console.log("\n▸ PostgreSQL: off (PG_TEST=off) — the integration suite runs on SQLite only");
} else if (process.env.PG_TEST_URL) {
  console.log(`\n▸ PostgreSQL: ${process.env.PG_TEST_URL.replace(/\/\/[^@/]*@/, "//…@")} (PG_TEST_URL)`);
} else if (findPostgres()) {
  cluster = await startCluster();
  process.env.PG_TEST_URL = cluster.url;
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { cluster.stop(); process.exit(130); });
  console.log(`\n▸ PostgreSQL: a throwaway cluster at ${cluster.url}`);
} else if (process.env.CI) {
  console.error("\n✖ PostgreSQL is not installed, and CI must run the integration suite on both databases (.ci/run installs it: apt-get install -y postgresql)");
  writeFileSync(path.join(results, "summary.txt"), "0 passed, 1 failed\n");
  process.exit(1);
} else {
  console.log("\n▸ PostgreSQL: not installed — the integration suite runs on SQLite only (Debian: apt-get install -y postgresql)");
}

console.log("\n▸ Unit and integration tests (Vitest: unit, integration on SQLite" + (process.env.PG_TEST_URL ? ", integration-pg on PostgreSQL)" : ")"));
let vitestStatus;
try {
  vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
} finally {
  cluster?.stop();
}

let playwrightStatus = 0;
if (!skipE2E) {
  console.log("\n▸ Production build for the e2e tests");
  buildStudio();
  console.log("\n▸ End-to-end tests (Playwright, Chromium)");
  playwrightStatus = run(bin("playwright"), ["test"], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } });
}

const v = readJson(vitestJson);
const p = readJson(playwrightJson);
let passed = 0, failed = 0, skipped = 0;
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numRuntimeErrorTestSuites ?? 0);
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else {
  failed += 1; // the runner itself crashed before reporting
}
if (!skipE2E) {
  if (p?.stats) {
    passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
    failed += p.stats.unexpected ?? 0;
    skipped += p.stats.skipped ?? 0;
    failed += (p.errors ?? []).length;
  } else {
    failed += 1;
  }
}
if (failed === 0 && (vitestStatus !== 0 || playwrightStatus !== 0)) failed = 1;

const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
writeFileSync(path.join(results, "summary.txt"), `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
