import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deriveKey, parseSealed, seal } from "@/lib/crypto/sealed-box.mjs";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { mulberry32 } from "@/lib/math/random";
import { checkSealedKeys } from "@/scripts/check-secrets.mjs";
import { resealAll } from "@/scripts/reseal.mjs";
import { expectError, expectOk, type ApiResponse } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { otherDatabase, withRawDb } from "@/tests/factories/raw-db";
import { isPostgresTest } from "@/tests/setup/postgres";

// Provider keys when the studio's encryption key is lost or rotated: an unreadable
// key is the owner's to re-enter (409, never a 500), rotation keeps keys working,
// the studio never silently makes a new key that orphans the stored ones, and the
// start-up check refuses to start without the key.

const KEY = "sk-secrets-test-0123456789abcd";
const NEW_SECRET = "rotated-secret-0123456789abcdefghijklmnopqrstuv";
const OTHER_SECRET = "someone-elses-secret-0123456789abcdefghijklmno";
const dataDir = process.env.PERSONA_STUDIO_DATA_DIR!;
const keyFile = path.join(dataDir, "encryption-key");

let owner: Member;
let sim: Server;
let simUrl: string;
/** The generated key file's secret, as the first sealed key created it. */
let fileSecret: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Kim Keys" });
  sim = createSimulatorServer({ latencyMs: 0, apiKey: KEY });
  await new Promise<void>((r) => sim.listen(0, "127.0.0.1", r));
  simUrl = `http://127.0.0.1:${(sim.address() as AddressInfo).port}/v1`;
  await provider("First");
  fileSecret = readFileSync(keyFile, "utf8").trim();
});

afterAll(async () => {
  sim.closeAllConnections();
  await new Promise((r) => sim.close(r));
});

afterEach(async () => {
  delete process.env.PERSONA_STUDIO_SECRET;
  delete process.env.PERSONA_STUDIO_PREVIOUS_SECRETS;
  writeFileSync(keyFile, fileSecret, { mode: 0o600 });
  // Keys sealed with a secret the next test does not have would only confuse it.
  await db.modelProvider.deleteMany({ where: { workspaceId: owner.workspaceId } });
});

const ws = () => wsPath(owner.workspaceId);

async function provider(name: string) {
  return expectOk(ops.createProvider, await owner.api.post(`${ws()}/providers`, { name, baseUrl: simUrl, apiKey: KEY, defaultModel: "persona-sim-1" }));
}

async function keyState(id: string) {
  return expectOk(ops.listProviders, await owner.api.get(`${ws()}/providers`)).providers.find((p) => p.id === id);
}

const sealedOf = async (id: string) => (await db.modelProvider.findUniqueOrThrow({ where: { id } })).apiKeyEnc!;
const preview = (providerId: string) => owner.api.post(`${ws()}/preview`, { source: { kind: "spec", spec: buildSpec() }, message: "Hi", providerId, seed: 1 });
const testConnection = (providerId: string) => owner.api.post(`${ws()}/providers/test`, { baseUrl: simUrl, providerId });

function expectReEnter(res: ApiResponse, name: string) {
  const error = expectError(res, 409, "apiKey");
  expect(error.code).toBe("key_unreadable");
  expect(error.message).toContain(`"${name}"`);
  expect(error.message).toMatch(/re-enter this key/i);
  expect(JSON.stringify(res.body)).not.toContain(KEY);
}

/** A value in the landed code's format (v1, key = sha256(secret)). */
function sealV1(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", createHash("sha256").update(secret).digest(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

describe("a stored key the studio can no longer open", () => {
  it("shows as unreadable in the list, answers 409 're-enter this key' on every use, and works again once re-entered", async () => {
    const p = await provider("Lost Key");
    expect(await keyState(p.id)).toMatchObject({ hasKey: true, keyMask: "sk-…abcd", keyState: "ok" });

    writeFileSync(keyFile, OTHER_SECRET); // the key file was replaced (e.g. a restore without the data directory)
    expect(await keyState(p.id)).toMatchObject({ hasKey: true, keyMask: "sk-…abcd", keyState: "unreadable" });

    expectReEnter(await preview(p.id), "Lost Key");
    expectReEnter(await testConnection(p.id), "Lost Key");
    expectReEnter(await owner.api.post(`${ws()}/archetypes/suggest`, { traitTargets: { empathetic: 90 }, providerId: p.id }), "Lost Key");
    const persona = await createPersona(owner, { name: "Ada", spec: buildSpec() });
    expectReEnter(await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { targetProviderId: p.id }), "Lost Key");

    expectOk(ops.updateProvider, await owner.api.patch(`${ws()}/providers/${p.id}`, { apiKey: KEY }));
    expect(await keyState(p.id)).toMatchObject({ keyState: "ok" });
    const events = expectOk(ops.preview, await preview(p.id)) as { type: string }[];
    expect(events.at(-1)?.type).toBe("done");
  });

  it("ends a probe run whose provider key became unreadable as failed, with that message", async () => {
    const p = await provider("Run Key");
    const persona = await createPersona(owner, { name: "Bea", spec: buildSpec() });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { targetProviderId: p.id, traits: ["empathetic"] }));
    writeFileSync(keyFile, OTHER_SECRET);

    expect(await claimRun(run.id, "secrets-worker")).toBe(true);
    expect(await processRun(run.id, { workerId: "secrets-worker", sleep: async () => {}, rng: mulberry32(1) })).toBe("failed");
    const detail = expectOk(ops.getProbeRun, await owner.api.get(`${ws()}/probe-runs/${run.id}`));
    expect(detail.status).toBe("failed");
    expect(detail.error).toMatch(/re-enter this key/i);
  });

  it("never generates a new encryption key while stored keys need the lost one", async () => {
    const p = await provider("Deleted Key File");
    rmSync(keyFile);

    expect(await keyState(p.id)).toMatchObject({ keyState: "unreadable" });
    expectReEnter(await testConnection(p.id), "Deleted Key File");
    expect(() => readFileSync(keyFile)).toThrow(); // not silently replaced
    // Storing a new key needs the lost one too: a 409 for the owner, no path of the server in it, never a 500.
    const stored = await owner.api.post(`${ws()}/providers`, { name: "New", baseUrl: simUrl, apiKey: KEY, defaultModel: "persona-sim-1" });
    expect(expectError(stored, 409, "apiKey").message).toMatch(/encryption key is missing/);
    expect(JSON.stringify(stored.body)).not.toContain(dataDir);
    expect(() => readFileSync(keyFile)).toThrow();

    writeFileSync(keyFile, fileSecret); // put back from the backup: everything works again
    expect(await keyState(p.id)).toMatchObject({ keyState: "ok" });
    expect(expectOk(ops.testProvider, await testConnection(p.id))).toMatchObject({ ok: true });
  });
});

describe("rotating the encryption secret", () => {
  it("keeps keys working with the old secret in PERSONA_STUDIO_PREVIOUS_SECRETS and re-seals them with the new one on use", async () => {
    const p = await provider("Rotated");
    expect(parseSealed(await sealedOf(p.id))?.kid).toBe(deriveKey(fileSecret).kid);

    rmSync(keyFile);
    process.env.PERSONA_STUDIO_SECRET = NEW_SECRET;
    expect(await keyState(p.id)).toMatchObject({ keyState: "unreadable" });
    process.env.PERSONA_STUDIO_PREVIOUS_SECRETS = fileSecret;
    expect(await keyState(p.id)).toMatchObject({ keyState: "ok" });

    expect(expectOk(ops.testProvider, await testConnection(p.id))).toMatchObject({ ok: true });
    expect(parseSealed(await sealedOf(p.id))?.kid).toBe(deriveKey(NEW_SECRET).kid);

    delete process.env.PERSONA_STUDIO_PREVIOUS_SECRETS; // the old secret can go now
    expect(await keyState(p.id)).toMatchObject({ keyState: "ok" });
    expect(expectOk(ops.testProvider, await testConnection(p.id))).toMatchObject({ ok: true });
  });

  it("reads keys stored by the landed code (v1) and re-seals them in the new format on use", async () => {
    const p = await provider("Legacy");
    await db.modelProvider.update({ where: { id: p.id }, data: { apiKeyEnc: sealV1(KEY, fileSecret) } });
    expect(await keyState(p.id)).toMatchObject({ keyState: "ok" });
    const events = expectOk(ops.preview, await preview(p.id)) as { type: string }[];
    expect(events.at(-1)?.type).toBe("done");
    expect(parseSealed(await sealedOf(p.id))).toMatchObject({ version: "v2", kid: deriveKey(fileSecret).kid });
  });
});

describe("npm run secrets:reseal and secrets:forget-unreadable", () => {
  it("re-seals every key with the current secret, reports the ones it cannot open, and the last resort removes those", async () => {
    const [old, current, orphan] = [await provider("Old"), await provider("Current"), await provider("Orphan")];
    await db.modelProvider.update({ where: { id: current.id }, data: { apiKeyEnc: seal(KEY, deriveKey(NEW_SECRET)) } });
    await db.modelProvider.update({ where: { id: orphan.id }, data: { apiKeyEnc: seal(KEY, deriveKey(OTHER_SECRET)) } });
    rmSync(keyFile);
    const environment = { PERSONA_STUDIO_SECRET: NEW_SECRET, PERSONA_STUDIO_PREVIOUS_SECRETS: fileSecret };
    const options = { databaseUrl: process.env.DATABASE_URL, dataDir, environment };

    const result = await resealAll(options);
    expect(result.currentKeyId).toBe(deriveKey(NEW_SECRET).kid);
    expect(result.resealed).toBe(1);
    expect(result.unreadable.map((u) => u.id)).toEqual([orphan.id]);
    expect(parseSealed(await sealedOf(old.id))?.kid).toBe(deriveKey(NEW_SECRET).kid);

    // Without the previous secret, everything but the orphan still opens.
    process.env.PERSONA_STUDIO_SECRET = NEW_SECRET;
    expect(await keyState(old.id)).toMatchObject({ keyState: "ok" });
    expect(await keyState(orphan.id)).toMatchObject({ keyState: "unreadable" });
    expect(checkSealedKeys({ ...options, environment: { PERSONA_STUDIO_SECRET: NEW_SECRET } }).ok).toBe(false);

    const forgot = await resealAll({ ...options, environment: { PERSONA_STUDIO_SECRET: NEW_SECRET }, forgetUnreadable: true });
    expect(forgot.forgotten).toBe(1);
    expect(await db.modelProvider.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ apiKeyEnc: null, apiKeyMask: null });
    expect(await keyState(orphan.id)).toMatchObject({ hasKey: false, keyState: "none" });
    expect(await keyState(old.id)).toMatchObject({ keyState: "ok" });
    expect(checkSealedKeys({ ...options, environment: { PERSONA_STUDIO_SECRET: NEW_SECRET } })).toEqual({ ok: true });
  });
});

describe("the start-up check (scripts/check-secrets.mjs)", () => {
  const emptyDir = () => mkdtempSync(path.join(tmpdir(), "no-secrets-"));

  it("passes on a fresh install: no database, or no sealed keys", async () => {
    // SQLite: no file yet, then an empty file; PostgreSQL: a database without tables (not migrated yet).
    const fresh = await otherDatabase();
    try {
      expect(checkSealedKeys({ databaseUrl: fresh.url, dataDir: emptyDir(), environment: {} })).toEqual({ ok: true });
      if (!isPostgresTest) writeFileSync(fresh.url.slice("file:".length), "");
      expect(checkSealedKeys({ databaseUrl: fresh.url, dataDir: emptyDir(), environment: {} })).toEqual({ ok: true });
    } finally {
      await fresh.drop();
    }
  });

  it("reads the running studio's database and passes while the key file is there", async () => {
    await provider("Checked");
    // SQLite only: the studio runs it in WAL mode, which the check must read through (PostgreSQL has no such mode).
    if (!isPostgresTest) expect(await withRawDb((raw) => raw.all("PRAGMA journal_mode"))).toEqual([{ journal_mode: "wal" }]);
    expect(checkSealedKeys({ databaseUrl: process.env.DATABASE_URL, dataDir, environment: {} })).toEqual({ ok: true });
  });

  it("refuses when the key is missing, saying how to restore it; passes with the secret in the environment", async () => {
    await provider("Needs Key");
    const elsewhere = emptyDir();
    const result = checkSealedKeys({ databaseUrl: process.env.DATABASE_URL, dataDir: elsewhere, environment: {} });
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    expect(message).toContain(deriveKey(fileSecret).kid);
    expect(message).toContain(path.join(elsewhere, "encryption-key"));
    expect(message).toContain("PERSONA_STUDIO_SECRET");
    expect(message).toContain("PERSONA_STUDIO_PREVIOUS_SECRETS");
    expect(message).toContain("npm run secrets:forget-unreadable");
    expect(message).not.toContain(fileSecret);

    expect(checkSealedKeys({ databaseUrl: process.env.DATABASE_URL, dataDir: elsewhere, environment: { PERSONA_STUDIO_SECRET: fileSecret } })).toEqual({ ok: true });
    expect(checkSealedKeys({ databaseUrl: process.env.DATABASE_URL, dataDir: elsewhere, environment: { PERSONA_STUDIO_SECRET: NEW_SECRET, PERSONA_STUDIO_PREVIOUS_SECRETS: fileSecret } })).toEqual({ ok: true });
    // A different key in its place (what the landed code generated silently) is no better than none.
    writeFileSync(path.join(elsewhere, "encryption-key"), OTHER_SECRET);
    expect(checkSealedKeys({ databaseUrl: process.env.DATABASE_URL, dataDir: elsewhere, environment: {} }).ok).toBe(false);
  });

  it("checks old-format (v1) keys by opening them", async () => {
    const p = await provider("Legacy Check");
    await db.modelProvider.update({ where: { id: p.id }, data: { apiKeyEnc: sealV1(KEY, fileSecret) } });
    expect(checkSealedKeys({ databaseUrl: process.env.DATABASE_URL, dataDir, environment: {} })).toEqual({ ok: true });
    expect(checkSealedKeys({ databaseUrl: process.env.DATABASE_URL, dataDir: emptyDir(), environment: { PERSONA_STUDIO_SECRET: NEW_SECRET } }).ok).toBe(false);
  });
});
