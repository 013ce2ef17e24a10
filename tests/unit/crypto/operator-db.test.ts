import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connect, isPostgresUrl, redactUrl, toPostgresPlaceholders } from "@/lib/crypto/operator-db.mjs";
import { prismaConfigFor } from "@/scripts/lib.mjs";

// The operator commands (migrate, start-up check, reseal, backup) pick the database
// from DATABASE_URL in one place; PostgreSQL's password never reaches their output.

describe("which database a DATABASE_URL names", () => {
  it("takes postgresql:// and postgres:// as PostgreSQL, everything else as SQLite", () => {
    for (const url of ["postgresql://u@h/db", "postgres://u:p@h:5432/db?sslmode=require"]) expect(isPostgresUrl(url)).toBe(true);
    for (const url of ["file:./prisma/dev.db", "file:/tmp/x.db", "", undefined, "mysql://h/db"]) expect(isPostgresUrl(url)).toBe(false);
  });

  it("migrates PostgreSQL with its own Prisma config and SQLite with the default one", () => {
    expect(prismaConfigFor("postgresql://u@h/db")).toEqual(["--config", "prisma.postgres.config.ts"]);
    expect(prismaConfigFor("file:./prisma/dev.db")).toEqual([]);
    expect(prismaConfigFor(undefined)).toEqual([]);
  });

  it("hides the password when it names the database", () => {
    expect(redactUrl("postgresql://studio:s3cret@db:5432/ps")).toBe("postgresql://studio:***@db:5432/ps");
    expect(redactUrl("postgresql://studio@db/ps")).toBe("postgresql://studio@db/ps");
    expect(redactUrl("file:./prisma/dev.db")).toBe("file:./prisma/dev.db");
  });
});

describe("one SQL text for both databases", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "operator-db-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("numbers the placeholders for PostgreSQL", () => {
    expect(toPostgresPlaceholders('UPDATE "T" SET "a" = ? WHERE "id" = ? AND "a" = ?')).toBe('UPDATE "T" SET "a" = $1 WHERE "id" = $2 AND "a" = $3');
  });

  it("has no database where SQLite's file does not exist yet, and runs quoted SQL on one that does", async () => {
    const url = `file:${path.join(dir, "ops.db")}`;
    expect(await connect(url)).toBeNull();
    const { default: Database } = await import("better-sqlite3");
    new Database(url.slice(5)).exec('CREATE TABLE "ModelProvider" ("id" TEXT PRIMARY KEY, "apiKeyEnc" TEXT)');
    const db = (await connect(url))!;
    try {
      expect(await db.run('INSERT INTO "ModelProvider" ("id", "apiKeyEnc") VALUES (?, ?)', ["p1", "v2:x"])).toBe(1);
      expect(await db.all('SELECT "id", "apiKeyEnc" FROM "ModelProvider" WHERE "id" = ?', ["p1"])).toEqual([{ id: "p1", apiKeyEnc: "v2:x" }]);
      expect(await db.tables()).toEqual(["ModelProvider"]);
    } finally {
      await db.close();
    }
  });

  it("refuses a URL of another database with a message naming both it accepts", async () => {
    await expect(connect("mysql://h/db")).rejects.toThrow(/file:… \(SQLite\) or postgresql:\/\/… \(PostgreSQL\)/);
  });
});
