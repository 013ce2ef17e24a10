import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { env, persistentSecret } from "@/lib/config/env";
import { isMultiInstance, sharedSecretsProblem } from "@/lib/config/shared-secrets.mjs";
import { drainDelayMs } from "@/scripts/server.mjs";

// Several web instances and workers (issue 15, stateless web instances) cannot
// each generate their own secrets into their own data directory: sessions signed
// by one would not verify on another, provider keys sealed by one would not open.
// A PostgreSQL deployment or MULTI_INSTANCE=true refuses to start — the web
// server, the worker, and persistentSecret itself — unless both come from the
// environment, and says which variables to set.

const PG = "postgresql://studio@db.internal:5432/studio";
const SECRET = "s".repeat(32);
const root = path.resolve(__dirname, "../..");
const saved = { MULTI_INSTANCE: process.env.MULTI_INSTANCE, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET };

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("sharedSecretsProblem", () => {
  it("asks nothing of a single SQLite studio", () => {
    expect(isMultiInstance({ DATABASE_URL: "file:./prisma/dev.db" })).toBe(false);
    expect(sharedSecretsProblem({ DATABASE_URL: "file:./prisma/dev.db" })).toBeNull();
  });

  it("names both variables on PostgreSQL without them, and only the missing one otherwise", () => {
    const both = sharedSecretsProblem({ DATABASE_URL: PG });
    expect(both).toContain("BETTER_AUTH_SECRET and PERSONA_STUDIO_SECRET must be set");
    expect(both).toContain("DATABASE_URL is PostgreSQL");
    expect(both).toContain("openssl rand -base64 32");
    expect(both).toContain("MULTI_INSTANCE=false");
    const one = sharedSecretsProblem({ DATABASE_URL: PG, BETTER_AUTH_SECRET: SECRET });
    expect(one).toContain("PERSONA_STUDIO_SECRET must be set");
    expect(one).not.toContain("BETTER_AUTH_SECRET");
    expect(sharedSecretsProblem({ DATABASE_URL: PG, BETTER_AUTH_SECRET: SECRET, PERSONA_STUDIO_SECRET: SECRET })).toBeNull();
  });

  it("refuses secrets shorter than 32 characters, MULTI_INSTANCE=true on SQLite, and lets MULTI_INSTANCE=false keep one PostgreSQL process on generated secrets", () => {
    expect(sharedSecretsProblem({ DATABASE_URL: PG, BETTER_AUTH_SECRET: "short", PERSONA_STUDIO_SECRET: SECRET })).toContain("BETTER_AUTH_SECRET must be set");
    expect(sharedSecretsProblem({ DATABASE_URL: "file:x.db", MULTI_INSTANCE: "true" })).toContain("because MULTI_INSTANCE=true");
    expect(sharedSecretsProblem({ DATABASE_URL: PG, MULTI_INSTANCE: "false" })).toBeNull();
  });

  it("keeps serving a few seconds into a drain only when several instances sit behind a load balancer (DRAIN_DELAY_MS overrides)", () => {
    expect(drainDelayMs({ DATABASE_URL: "file:x.db" })).toBe(0);
    expect(drainDelayMs({ DATABASE_URL: PG })).toBe(5000);
    expect(drainDelayMs({ DATABASE_URL: PG, DRAIN_DELAY_MS: "0" })).toBe(0);
    expect(drainDelayMs({ DRAIN_DELAY_MS: "12000" })).toBe(12000);
  });
});

describe("persistentSecret", () => {
  it("generates nothing per instance when multi-instance: it throws naming the variable, and no file appears", () => {
    process.env.MULTI_INSTANCE = "true";
    delete process.env.BETTER_AUTH_SECRET;
    expect(() => persistentSecret("BETTER_AUTH_SECRET", "auth-secret-multi")).toThrow(/BETTER_AUTH_SECRET must be set/);
    expect(existsSync(path.join(env.dataDir, "auth-secret-multi"))).toBe(false);
    process.env.BETTER_AUTH_SECRET = SECRET;
    expect(persistentSecret("BETTER_AUTH_SECRET", "auth-secret-multi")).toBe(SECRET);
  });

  it("still generates and keeps one on a single instance", () => {
    process.env.MULTI_INSTANCE = "false";
    delete process.env.BETTER_AUTH_SECRET;
    const first = persistentSecret("BETTER_AUTH_SECRET", "auth-secret-single");
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(persistentSecret("BETTER_AUTH_SECRET", "auth-secret-single")).toBe(first);
  });
});

describe("start-up refusal", () => {
  const run = (args: string[]) => {
    const environment: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH ?? "", DATABASE_URL: "postgresql://studio@127.0.0.1:1/none", PERSONA_STUDIO_DATA_DIR: env.dataDir };
    return spawnSync(process.execPath, args, { cwd: root, env: environment, encoding: "utf8", timeout: 60_000 });
  };

  it("the web server exits 1 before loading Next.js or touching the database, naming both variables", () => {
    const result = run(["--input-type=module", "-e", `const { serve } = await import(${JSON.stringify(path.join(root, "scripts/server.mjs"))}); await serve({ port: 0 });`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("BETTER_AUTH_SECRET and PERSONA_STUDIO_SECRET must be set");
  });

  it("the standalone worker exits 1 with the same message", () => {
    const result = run(["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("BETTER_AUTH_SECRET and PERSONA_STUDIO_SECRET must be set");
  });
});
