// Shared by the npm scripts: run a command, decide whether the production build is stale.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "../lib/crypto/database-url.mjs";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function mustRun(cmd, args, opts) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`\n✖ ${path.basename(cmd)} ${args.join(" ")} failed (exit ${status})`);
    process.exit(status);
  }
}

export { isPostgresUrl, redactUrl } from "../lib/crypto/database-url.mjs";

/** The Prisma CLI arguments for DATABASE_URL's database: PostgreSQL has its own schema and migrations. */
export const prismaConfigFor = (url) => (isPostgresUrl(url) ? ["--config", "prisma.postgres.config.ts"] : []);

/** `prisma migrate deploy` for `url` (default DATABASE_URL) — the one place that picks the migrations. Exits on failure. */
export function migrate(url = process.env.DATABASE_URL, opts = {}) {
  mustRun(bin("prisma"), ["migrate", "deploy", ...prismaConfigFor(url)], { ...opts, env: { ...opts.env, ...(url ? { DATABASE_URL: url } : {}) } });
}

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function walk(p, out) {
  if (!existsSync(p)) return;
  const s = statSync(p);
  if (s.isDirectory()) for (const e of readdirSync(p).sort()) walk(path.join(p, e), out);
  else out.push(`${path.relative(root, p)}:${s.size}:${s.mtimeMs}`);
}

/** Fingerprint of everything the production build depends on. */
export function sourceFingerprint() {
  const files = [];
  for (const s of SOURCES) walk(path.join(root, s), files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}

export const fingerprintFile = path.join(root, ".next", "source-fingerprint");

export function buildIsCurrent() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(fingerprintFile)) return false;
  return readFileSync(fingerprintFile, "utf8").trim() === sourceFingerprint();
}

/**
 * `next build`, then the fingerprint of the sources it was built from, so that
 * buildIsCurrent() says yes until they change. Every build goes through here: one
 * that skipped the fingerprint (bench:preview's did) left the next `npm start` and
 * the next bench to build again. Exits on failure.
 */
export function buildStudio() {
  mustRun(bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(fingerprintFile, sourceFingerprint());
}
