import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assertSharedSecrets } from "@/lib/config/shared-secrets.mjs";

// Runtime configuration in one place. Every variable is documented in the README's
// configuration table; defaults make `npm start` work on a fresh machine.

export const env = {
  databaseUrl: process.env.DATABASE_URL ?? "file:./prisma/dev.db",
  dataDir: path.resolve(/*turbopackIgnore: true*/ process.env.PERSONA_STUDIO_DATA_DIR ?? ".data"),
  authUrl: process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`,
  trustedOrigins: (process.env.TRUSTED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  allowSignUp: (process.env.ALLOW_SIGN_UP ?? "true") !== "false",
  authRateLimit: (process.env.AUTH_RATE_LIMIT ?? "on") !== "off",
  /** "any" (local single-user default: Ollama on localhost works) or "public" (shared deployments: no loopback/private/link-local/metadata provider addresses). */
  providerNetwork: (process.env.PROVIDER_NETWORK ?? "any") === "public" ? ("public" as const) : ("any" as const),
  /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed; empty: the socket address is the client. */
  trustedProxies: (process.env.TRUSTED_PROXIES ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  /** Largest request body in bytes (imports have their own, larger cap). */
  bodyLimitBytes: positiveInt(process.env.BODY_LIMIT_BYTES, 1024 * 1024),
  // Imports carry the file base64-encoded in JSON: an 8 MB file (MAX_IMPORT_BYTES) is ≈10.7 MB of body.
  importBodyLimitBytes: positiveInt(process.env.IMPORT_BODY_LIMIT_BYTES, 12 * 1024 * 1024),
  /** "off" disables the per-member / per-token limits on costly routes (never in production). */
  costRateLimit: (process.env.COST_RATE_LIMIT ?? "on") !== "off",
  /**
   * redis://… : rate-limit counts (costly routes and sign-in/sign-up) live in Redis, shared by every
   * instance, with the database as the fallback while Redis is unreachable. Unset: the database.
   * Read when first needed, not at import.
   */
  get redisUrl(): string | null {
    return process.env.REDIS_URL?.trim() || null;
  },
  /** PostgreSQL only: connections this process keeps open (each web instance and each worker has its own pool). */
  databasePoolSize: positiveInt(process.env.DATABASE_POOL_SIZE, 10),
};

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * A secret from the environment, or one generated once and kept in the data
 * directory (never in the database), so a fresh install needs no setup and a
 * restart keeps sessions valid — on a single instance only: with several
 * (lib/config/shared-secrets.mjs) it must come from the environment. `beforeGenerate` may throw to refuse generating
 * (the encryption key must not be replaced while values sealed with it exist).
 */
export function persistentSecret(envName: string, fileName: string, options: { beforeGenerate?: () => void } = {}): string {
  const fromEnv = process.env[envName];
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  if (fromEnv) throw new Error(`${envName} must be at least 32 characters`);
  // Several instances (a PostgreSQL team deployment, MULTI_INSTANCE=true) would each generate their own.
  assertSharedSecrets(process.env, [envName]);
  const file = path.join(/*turbopackIgnore: true*/ env.dataDir, fileName);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    options.beforeGenerate?.();
    mkdirSync(env.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      // Another process created it first: use theirs.
      return readFileSync(file, "utf8").trim();
    }
  }
}
