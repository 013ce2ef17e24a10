// Playwright's web server: a throwaway SQLite database and data dir, migrated
// fresh, served by the production build on 127.0.0.1:$E2E_PORT.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { bin, mustRun, root } from "./lib.mjs";

const port = process.env.E2E_PORT ?? "3100";
const tmp = path.join(root, "tests", ".tmp", "e2e");
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const env = {
  DATABASE_URL: `file:${path.join(tmp, "e2e.db")}`,
  PERSONA_STUDIO_DATA_DIR: path.join(tmp, "data"),
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // The suite signs up several accounts within seconds; production keeps the limit.
  AUTH_RATE_LIMIT: "off",
};
Object.assign(process.env, env);
mustRun(bin("prisma"), ["migrate", "deploy"], { stdio: "ignore" });
const child = spawn(bin("next"), ["start", "-p", port, "-H", "127.0.0.1"], { cwd: root, stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
