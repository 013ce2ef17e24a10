import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type OperatorDb } from "@/lib/crypto/operator-db.mjs";
import { deriveKey, open } from "@/lib/crypto/sealed-box.mjs";
import { ops } from "@/lib/http/operations";
import { backup, restoreSteps } from "@/scripts/backup.mjs";
import { checkSealedKeys } from "@/scripts/check-secrets.mjs";
import { expectOk } from "@/tests/factories/api";
import { createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { otherDatabase, withRawDb } from "@/tests/factories/raw-db";
import { isPostgresTest } from "@/tests/setup/postgres";

// `npm run backup` on a running studio: another process keeps committing rows
// (as the studio and its probe workers do) while the backup runs. The copy must
// be intact, hold everything committed before it started, and its provider keys
// must open with the secrets backed up beside it. On SQLite the copy is a file
// (online backup API); on PostgreSQL a pg_dump archive, checked by restoring it.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const KEY = "sk-backup-test-0123456789wxyz";
const databaseUrl = process.env.DATABASE_URL!;
const dbFile = isPostgresTest ? null : databaseUrl.slice("file:".length);
const copyName = dbFile ? path.basename(dbFile) : "database.dump";
const dataDir = process.env.PERSONA_STUDIO_DATA_DIR!;
const scratch = mkdtempSync(path.join(tmpdir(), "backup-test-"));
const restored: { drop: () => Promise<void> }[] = [];

/** A second process that commits one row at a time until killed (the database's URL or file is its argument). */
const WRITER = isPostgresTest
  ? `
const pg = require("pg");
const client = new pg.Client({ connectionString: process.argv[1] });
(async () => {
  await client.connect();
  await client.query("CREATE TABLE IF NOT EXISTS backup_writer (n SERIAL PRIMARY KEY, payload TEXT NOT NULL)");
  await client.query("INSERT INTO backup_writer (payload) SELECT repeat('x', 1000) FROM generate_series(1, 3000)"); // a few MB to copy
  for (;;) await client.query("INSERT INTO backup_writer (payload) VALUES (repeat('x', 1000))");
})().catch((e) => { console.error(e); process.exit(1); });
`
  : `
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

const one = async (db: OperatorDb, sql: string, params: unknown[] = []) => Number(Object.values((await db.all(sql, params))[0] as object)[0]);
const maxRow = (db: OperatorDb) => one(db, "SELECT COALESCE(MAX(n), 0) AS n FROM backup_writer");

async function until(what: string, check: () => Promise<boolean>) {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The database a backup holds, as the documented restore makes it: SQLite — the
 * copied file put in place; PostgreSQL — `pg_restore --clean --if-exists` into a
 * new database (twice: restoring over a restored database must work too).
 */
async function restore(out: string): Promise<string> {
  if (!isPostgresTest) {
    const target = path.join(mkdtempSync(path.join(scratch, "restored-")), "studio.db");
    cpSync(path.join(out, copyName), target);
    return `file:${target}`;
  }
  const target = await otherDatabase();
  restored.push(target);
  for (let i = 0; i < 2; i++) {
    const r = spawnSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--dbname", target.url, path.join(out, copyName)], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  }
  return target.url;
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Bo Backup" });
  const created = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Backed up", baseUrl: "http://127.0.0.1:9/v1", apiKey: KEY, defaultModel: "m",
  }));
  providerId = created.id;
  await createPersona(owner);
});

afterAll(async () => {
  if (writer && writer.exitCode === null) writer.kill();
  for (const db of restored) await db.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe("npm run backup while the studio writes", () => {
  it("copies a consistent snapshot with every row committed before it started, and secrets that open its keys", async () => {
    writer = spawn(process.execPath, ["-e", WRITER, dbFile ?? databaseUrl], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    const live = (await connect(databaseUrl, { readonly: true }))!;
    try {
      await until("the writer to be writing", async () => {
        try { return (await maxRow(live)) > 3100; } catch { return false; }
      });
      // SQLite only: the studio's mode, in which a plain file copy could miss committed rows.
      if (!isPostgresTest) expect(await live.all("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
      const committedBefore = await maxRow(live);

      const out = path.join(scratch, "during-writes");
      const { dir, manifest } = await backup({ databaseUrl, dataDir, out, environment: {} });
      expect(dir).toBe(out);

      // The writer kept committing through the backup and after it.
      const copyUrl = await restore(out);
      await withRawDb(async (copy) => {
        if (!isPostgresTest) {
          // SQLite only: a self-contained file (no -wal beside it) that passes SQLite's own check.
          expect(await copy.all("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
          expect(await copy.all("PRAGMA journal_mode")).toEqual([{ journal_mode: "delete" }]);
        }
        const copied = await maxRow(copy);
        expect(copied).toBeGreaterThanOrEqual(committedBefore);
        // A snapshot: rows 1..copied, none missing in between.
        expect(await one(copy, "SELECT COUNT(*) AS n FROM backup_writer")).toBe(copied);
        expect(manifest.rowCounts.backup_writer).toBe(copied); // the manifest describes that same snapshot
        await until("the writer to commit after the snapshot", async () => (await maxRow(live)) > copied);

        // The app's rows, and a provider key that opens with the backed-up encryption key.
        expect(await one(copy, 'SELECT COUNT(*) AS n FROM "Persona" WHERE "workspaceId" = ?', [owner.workspaceId])).toBe(1);
        const [{ apiKeyEnc }] = await copy.all<{ apiKeyEnc: string }>('SELECT "apiKeyEnc" FROM "ModelProvider" WHERE "id" = ?', [providerId]);
        const backedUpSecret = readFileSync(path.join(out, "data", "encryption-key"), "utf8").trim();
        expect(open(apiKeyEnc, [deriveKey(backedUpSecret)]).plain).toBe(KEY);
      }, copyUrl);

      expect(manifest).toMatchObject({
        database: { kind: isPostgresTest ? "postgresql" : "sqlite", integrity: "ok", file: copyName },
        sealedProviderKeys: 1,
        warnings: [],
      });
      expect(manifest.rowCounts).toMatchObject({ ModelProvider: 1, Persona: 1 });
      expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining([copyName, "data/encryption-key", "data/auth-secret"]));
      expect(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"))).toEqual(manifest);
    } finally {
      writer.kill();
      await live.close();
    }
  });

  it("restores as its steps say: the start-up check passes with the backed-up secrets, and fails without them", async () => {
    const out = path.join(scratch, "to-restore");
    const result = await backup({ databaseUrl, dataDir, out, environment: {} });
    expect(restoreSteps(result)).toContain(
      isPostgresTest ? `pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" "${path.join(out, copyName)}"` : `cp "${path.join(out, copyName)}"`,
    );

    // The documented steps, into a fresh place (the studio would be stopped).
    const target = mkdtempSync(path.join(scratch, "restored-data-"));
    const restoredUrl = await restore(out);
    cpSync(path.join(out, "data"), path.join(target, "data"), { recursive: true });
    expect(checkSealedKeys({ databaseUrl: restoredUrl, dataDir: path.join(target, "data"), environment: {} })).toEqual({ ok: true });

    // Restoring the database without the secrets is caught before the studio starts.
    expect(checkSealedKeys({ databaseUrl: restoredUrl, dataDir: path.join(target, "nothing"), environment: {} }).ok).toBe(false);
  });

  it("runs as `npm run backup -- --out DIR` and prints where the backup went and how to restore it", () => {
    const out = path.join(scratch, "cli");
    const r = spawnSync(process.execPath, ["scripts/backup.mjs", "--out", out], {
      cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, PERSONA_STUDIO_DATA_DIR: dataDir },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Backup written to ${out}`);
    expect(r.stdout).toContain("To restore");
    expect(r.stdout).toContain(isPostgresTest ? "pg_restore" : "cp ");
    expect(existsSync(path.join(out, "manifest.json"))).toBe(true);
    expect(existsSync(path.join(out, copyName))).toBe(true);
  });

  it("says clearly when pg_dump is missing, before writing anything", async () => {
    const out = path.join(scratch, "no-pg-dump");
    await expect(
      backup({ databaseUrl: "postgresql://studio@localhost/studio", dataDir, out, environment: {}, pgDump: path.join(scratch, "missing", "pg_dump") }),
    ).rejects.toThrow(/pg_dump was not found .*postgresql-client/);
    expect(existsSync(out)).toBe(false);
  });
});
