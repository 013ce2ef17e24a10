// npm start — apply migrations, build when the production build is missing or
// stale, then serve the studio (default http://localhost:3000, SQLite file,
// simulator provider). Nothing else to install or configure.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { bin, buildIsCurrent, fingerprintFile, mustRun, root, sourceFingerprint } from "./lib.mjs";

const port = process.env.PORT ?? "3000";
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
process.env.BETTER_AUTH_URL ??= `http://localhost:${port}`;

console.log(`▸ Database: ${process.env.DATABASE_URL}`);
mustRun(bin("prisma"), ["migrate", "deploy"]);

if (buildIsCurrent()) {
  console.log("▸ Production build is up to date");
} else {
  console.log("▸ Building the studio (first start or sources changed; ≈1 min)…");
  mustRun(bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(fingerprintFile, sourceFingerprint());
}

console.log(`▸ Persona Studio on http://localhost:${port}`);
const child = spawn(bin("next"), ["start", "-p", port, ...(process.env.HOST ? ["-H", process.env.HOST] : [])], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
