// Playwright's web server: a throwaway SQLite database and data dir, migrated
// fresh, served by the production build on 127.0.0.1:$E2E_PORT through the same
// custom server as `npm start` (scripts/server.mjs), so e2e tests exercise it.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate, root } from "./lib.mjs";
import { serve } from "./server.mjs";

const port = process.env.E2E_PORT ?? "3100";
// One directory per port: two suites on different ports never delete each other's database.
const tmp = path.join(root, "tests", ".tmp", port === "3100" ? "e2e" : `e2e-${port}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(tmp, "e2e.db")}`,
  PERSONA_STUDIO_DATA_DIR: path.join(tmp, "data"),
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // The suite signs up several accounts within seconds from one address; production keeps
  // better-auth's per-address limit (the per-account sign-in backoff stays on here too).
  AUTH_RATE_LIMIT: "off",
});
process.chdir(root);
migrate(process.env.DATABASE_URL, { stdio: "ignore" });
await serve({ port: Number(port), hostname: "127.0.0.1" });
console.log(`▸ e2e server on http://127.0.0.1:${port}`);
