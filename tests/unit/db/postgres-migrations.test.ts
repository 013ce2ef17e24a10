import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// `prisma migrate deploy --config prisma.postgres.config.ts` runs each migration
// through @prisma/adapter-pg's executeScript, which splits the file at EVERY ";"
// (script.split(";")) — inside comments, string literals and $$ bodies too. A
// migration with such a ";" passes the test suite (tests/setup/postgres.ts sends
// each file whole) and then fails in production with a syntax error, leaving the
// migration marked failed (P3009) and every later start refused.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dir = path.join(root, "prisma/postgres/migrations");

/** Where a ";" sits inside a comment, a quoted string or a dollar-quoted body: [line, where]. */
function semicolonsOutsideStatements(sql: string): [number, string][] {
  const found: [number, string][] = [];
  let state: "code" | "line" | "block" | "single" | "double" | "dollar" = "code";
  let dollarTag = "";
  let line = 1;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "\n") line++;
    if (state === "code") {
      if (c === "-" && next === "-") state = "line";
      else if (c === "/" && next === "*") state = "block";
      else if (c === "'") state = "single";
      else if (c === '"') state = "double";
      else if (c === "$") {
        const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
        if (tag) {
          state = "dollar";
          dollarTag = tag;
          i += tag.length - 1;
        }
      }
      continue;
    }
    if (c === ";") found.push([line, state === "line" || state === "block" ? "a comment" : state === "dollar" ? "a $$ body" : "a quoted string"]);
    if (state === "line" && c === "\n") state = "code";
    else if (state === "block" && c === "*" && next === "/") (state = "code"), i++;
    else if (state === "single" && c === "'") state = "code";
    else if (state === "double" && c === '"') state = "code";
    else if (state === "dollar" && sql.startsWith(dollarTag, i)) (state = "code"), (i += dollarTag.length - 1);
  }
  return found;
}

describe("PostgreSQL migrations survive prisma migrate deploy's statement splitting", () => {
  it("finds a ; in a comment, a string and a $$ body, and none between statements", () => {
    expect(semicolonsOutsideStatements("CREATE TABLE a (x int);\nCREATE INDEX i ON a (x);\n")).toEqual([]);
    expect(semicolonsOutsideStatements("-- Raw SQL; not Prisma's\nSELECT 1;")).toEqual([[1, "a comment"]]);
    expect(semicolonsOutsideStatements("SELECT 1;\nSELECT 'a;b';")).toEqual([[2, "a quoted string"]]);
    expect(semicolonsOutsideStatements("DO $$ BEGIN PERFORM 1; END $$;")).toEqual([[1, "a $$ body"]]);
    expect(semicolonsOutsideStatements("/* a; b */ SELECT 1;")).toEqual([[1, "a comment"]]);
  });

  const migrations = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  it.each(migrations)("%s has a ; only at the end of a statement", (name) => {
    const where = semicolonsOutsideStatements(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    expect(where.map(([line, inside]) => `line ${line}: ";" inside ${inside}`)).toEqual([]);
  });
});
