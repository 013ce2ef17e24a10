import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// prisma/schema.prisma is the one schema we edit; the PostgreSQL schema is made
// from it (scripts/postgres-schema.mjs) and each database has its own migrations.
// These checks catch a schema change that reached only one database.

const root = path.resolve(__dirname, "../../..");
const folders = (dir: string) =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/** The PostgreSQL migrations start with one "init" made from the whole schema when PostgreSQL support came. */
const PG_INIT = "20261202050000_init";

describe("the two databases", () => {
  it("the PostgreSQL schema is the SQLite schema regenerated (node scripts/postgres-schema.mjs)", () => {
    const res = spawnSync(process.execPath, ["scripts/postgres-schema.mjs", "--check"], { cwd: root, encoding: "utf8" });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
  });

  it("every SQLite migration after PostgreSQL's init has a PostgreSQL twin of the same name, and no other", () => {
    const sqlite = folders("prisma/migrations").filter((d) => d > PG_INIT);
    const postgres = folders("prisma/postgres/migrations");
    expect(postgres[0]).toBe(PG_INIT);
    expect(postgres.slice(1)).toEqual(sqlite);
  });

  it("each migration folder's lock names its database", () => {
    expect(readFileSync(path.join(root, "prisma/migrations/migration_lock.toml"), "utf8")).toMatch(/provider = "sqlite"/);
    expect(readFileSync(path.join(root, "prisma/postgres/migrations/migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
  });
});
