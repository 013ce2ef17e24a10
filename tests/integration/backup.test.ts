import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKey, open } from "@/lib/crypto/sealed-box.mjs";
import { ops } from "@/lib/http/operations";
import { backup } from "@/scripts/backup.mjs";
import { checkSealedKeys } from "@/scripts/check-secrets.mjs";
import { expectOk } from "@/tests/factories/api";
import { createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// `npm run backup` on a running studio: another process keeps committing rows
// (as the studio and its probe workers do) while the backup runs. The copy must
// be intact, hold everything committed before it started, and its provider keys
// must open with the secrets backed up beside it.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const KEY = "sk-backup-test-0123456789wxyz";
const databaseUrl = process.env.DATABASE_URL!;
const dbFile = databaseUrl.slice("file:".length);
const dataDir = process.env.PERSONA_STUDIO_DATA_DIR!;
const scratch = mkdtempSync(path.join(tmpdir(), "backup-test-"));

/** A second process that commits one row per turn of its event loop until killed. */
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.exec("CREATE TABLE IF NOT EXISTS backup_writer (n INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
const insert = db.prepare("INSERT INTO backup_writer (payload) VALUES (?)");
const pad = "x".repeat(1000);
db.transaction(() => { for (let i = 0; i < 3000; i++) insert.run(pad); })(); // a few MB to copy
(function loop() { insert.run(pad); setImmediate(loop); })();
`;

let owner: Member;
let providerId: string;
let writer: ChildProcess;

const live = () => new Database(dbFile, { readonly: true });
const maxRow = (db: Database.Database) => (db.prepare("SELECT COALESCE(MAX(n), 0) FROM backup_writer").pluck().get() as number);

async function until(what: string, check: () => boolean) {
  for (let i = 0; i < 2000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Bo Backup" });
  const created = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Backed up", baseUrl: "http://127.0.0.1:9/v1", apiKey: KEY, defaultModel: "m",
  }));
  providerId = created.id;
  await createPersona(owner);
});

afterAll(() => {
  if (writer && writer.exitCode === null) writer.kill();
  rmSync(scratch, { recursive: true, force: true });
});

describe("npm run backup while the studio writes", () => {
  it("copies a consistent snapshot with every row committed before it started, and secrets that open its keys", async () => {
    writer = spawn(process.execPath, ["-e", WRITER, dbFile], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    const db = live();
    try {
      await until("the writer to be writing", () => {
        try { return maxRow(db) > 3100; } catch { return false; }
      });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const committedBefore = maxRow(db);

      const out = path.join(scratch, "during-writes");
      const { dir, manifest } = await backup({ databaseUrl, dataDir, out, environment: {} });
      expect(dir).toBe(out);

      // The writer kept committing through the backup and after it.
      const copyDb = new Database(path.join(out, path.basename(dbFile)), { readonly: true });
      try {
        expect(copyDb.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(copyDb.pragma("journal_mode", { simple: true })).toBe("delete");
        const copied = maxRow(copyDb);
        expect(copied).toBeGreaterThanOrEqual(committedBefore);
        // A snapshot: rows 1..copied, none missing in between.
        expect(copyDb.prepare("SELECT COUNT(*) FROM backup_writer").pluck().get()).toBe(copied);
        await until("the writer to commit after the snapshot", () => maxRow(db) > copied);

        // The app's rows, and a provider key that opens with the backed-up encryption key.
        expect(copyDb.prepare("SELECT COUNT(*) FROM Persona WHERE workspaceId = ?").pluck().get(owner.workspaceId)).toBe(1);
        const sealed = copyDb.prepare("SELECT apiKeyEnc FROM ModelProvider WHERE id = ?").pluck().get(providerId) as string;
        const backedUpSecret = readFileSync(path.join(out, "data", "encryption-key"), "utf8").trim();
        expect(open(sealed, [deriveKey(backedUpSecret)]).plain).toBe(KEY);
      } finally {
        copyDb.close();
      }

      expect(manifest).toMatchObject({ database: { integrity: "ok", file: path.basename(dbFile) }, sealedProviderKeys: 1, warnings: [] });
      expect(manifest.rowCounts).toMatchObject({ ModelProvider: 1, Persona: 1 });
      expect(manifest.rowCounts.backup_writer).toBeGreaterThanOrEqual(committedBefore);
      expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining([path.basename(dbFile), "data/encryption-key", "data/auth-secret"]));
      expect(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"))).toEqual(manifest);
    } finally {
      writer.kill();
      db.close();
    }
  });

  it("restores by copying the database and the data directory back: the start-up check passes and the keys open", async () => {
    const out = path.join(scratch, "to-restore");
    await backup({ databaseUrl, dataDir, out, environment: {} });

    // The documented steps, into a fresh place (the studio would be stopped).
    const target = path.join(scratch, "restored");
    mkdirSync(target);
    cpSync(path.join(out, path.basename(dbFile)), path.join(target, "studio.db"));
    cpSync(path.join(out, "data"), path.join(target, "data"), { recursive: true });
    expect(checkSealedKeys({ databaseUrl: `file:${path.join(target, "studio.db")}`, dataDir: path.join(target, "data"), environment: {} })).toEqual({ ok: true });

    // Restoring the database without the secrets is caught before the studio starts.
    expect(checkSealedKeys({ databaseUrl: `file:${path.join(target, "studio.db")}`, dataDir: path.join(target, "nothing"), environment: {} }).ok).toBe(false);
  });

  it("runs as `npm run backup -- --out DIR` and prints where the backup went and how to restore it", () => {
    const out = path.join(scratch, "cli");
    const r = spawnSync(process.execPath, ["scripts/backup.mjs", "--out", out], {
      cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, PERSONA_STUDIO_DATA_DIR: dataDir },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Backup written to ${out}`);
    expect(r.stdout).toContain("To restore");
    expect(existsSync(path.join(out, "manifest.json"))).toBe(true);
  });

  it("says PostgreSQL is not supported yet", async () => {
    await expect(backup({ databaseUrl: "postgresql://studio@localhost/studio", dataDir, out: path.join(scratch, "pg") })).rejects.toThrow(/pg_dump/);
  });
});
