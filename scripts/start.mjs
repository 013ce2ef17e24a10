// npm start — apply migrations, build when the production build is missing or
// stale, then serve the studio (default http://localhost:3000, SQLite file,
// simulator provider). Nothing else to install or configure.
// The server runs in this process (scripts/server.mjs), so the SIGTERM / SIGINT
// that npm forwards reach it: it drains, releases the probe worker's leases and exits 0.
import { buildIsCurrent, buildStudio, migrate, redactUrl, root } from "./lib.mjs";
import { sharedSecretsProblem } from "../lib/config/shared-secrets.mjs";
import { serve } from "./server.mjs";

process.chdir(root);
const port = process.env.PORT ?? "3000";
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
process.env.BETTER_AUTH_URL ??= `http://localhost:${port}`;
// Before migrating or building: a team deployment without its shared secrets does not start (scripts/server.mjs checks again).
const secretsMissing = sharedSecretsProblem(process.env);
if (secretsMissing) {
  console.error(secretsMissing);
  process.exit(1);
}

console.log(`▸ Database: ${redactUrl(process.env.DATABASE_URL)}`);
migrate();

if (buildIsCurrent()) {
  console.log("▸ Production build is up to date");
} else {
  console.log("▸ Building the studio (first start or sources changed; ≈1 min)…");
  buildStudio();
}

const { stop } = await serve({ port: Number(port), hostname: process.env.HOST });
console.log(`▸ Persona Studio on http://${process.env.HOST ?? "localhost"}:${port}`);

// Under npm, npm is our parent and forwards signals. If it dies without doing so
// (kill -9), stop as well rather than keep serving as an orphan holding the port.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("npm exited");
  }, 1000).unref();
}
