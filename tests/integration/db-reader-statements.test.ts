import { describe, expect, it } from "vitest";
import { searchSql } from "@/lib/db/persona-search";
import { asDate, asIso, pgQuery, pgTimestamp, readRows } from "@/lib/db/reader";
import { createPersona, signUpWithWorkspace } from "@/tests/factories/personas";

// lib/db/reader names its PostgreSQL statements (prepared once per connection, plans
// kept) except those whose best plan depends on a LIKE pattern's value.

describe("the plain-SQL reader's statements", () => {
  it("names a statement once per text and leaves LIKE statements unnamed", () => {
    const plain = pgQuery(`SELECT "id" FROM "Persona" WHERE "workspaceId" = ? AND "status" = ?`, ["w", "draft"]);
    expect(plain.text).toBe(`SELECT "id" FROM "Persona" WHERE "workspaceId" = $1 AND "status" = $2`);
    expect(plain.name).toMatch(/^studio_\d+$/);
    expect(pgQuery(`SELECT "id" FROM "Persona" WHERE "workspaceId" = ? AND "status" = ?`, ["v", "approved"]).name).toBe(plain.name);
    expect(pgQuery(`SELECT "id" FROM "Persona" WHERE "workspaceId" = ?`, ["w"]).name).not.toBe(plain.name);
    expect(pgQuery(`SELECT "id" FROM "Persona" p WHERE p."name" ILIKE ?`, ["%a%"]).name).toBeUndefined();
  });

  it("prepares a LIKE when its caller says one plan fits every value, and keeps the two apart", () => {
    const sql = `SELECT "id" FROM "Persona" p WHERE p."name" LIKE ? AND p."workspaceId" = ?`;
    const kept = pgQuery(sql, ["%nurse%", "w"], { plan: "prepared" });
    expect(kept.name).toMatch(/^studio_\d+$/);
    expect(pgQuery(sql, ["%captain%", "v"], { plan: "prepared" }).name).toBe(kept.name);
    // The same text planned each time stays unnamed, before and after it was prepared.
    expect(pgQuery(sql, ["%a%", "w"], { plan: "each" }).name).toBeUndefined();
    expect(pgQuery(sql, ["%a%", "w"]).name).toBeUndefined();
    const plain = `SELECT "id" FROM "Persona" WHERE "slug" = ?`;
    expect(pgQuery(plain, ["x"], { plan: "each" }).name).toBeUndefined();
    expect(pgQuery(plain, ["x"]).name).toMatch(/^studio_\d+$/);
  });

  it("keeps a search's plan when its query has a trigram to look up, and plans a shorter one with its value", () => {
    expect(searchSql("nurse").plan).toBe("prepared");
    expect(searchSql(" ada ").plan).toBe("prepared");
    expect(searchSql("ad").plan).toBe("each");
    expect(searchSql("é").plan).toBe("each");
  });

  it("answers each call with its own values, many times over on every pooled connection", async () => {
    const a = await signUpWithWorkspace({ name: "Reader A" });
    const b = await signUpWithWorkspace({ name: "Reader B" });
    await createPersona(a, { name: "Only in A" });
    await createPersona(b, { name: "Only in B" });
    const names = (workspaceId: string) =>
      readRows<{ name: string }>(`SELECT "name" FROM "Persona" WHERE "workspaceId" = ? ORDER BY "name"`, [workspaceId]).then((r) => r.map((x) => x.name));
    // Concurrent calls spread over the pool's connections: each prepares the statement once and reuses it.
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => names(i % 2 ? b.workspaceId : a.workspaceId)));
    results.forEach((r, i) => expect(r).toEqual([i % 2 ? "Only in B" : "Only in A"]));
  });

  it("reads dates as the API's ISO text from either database's shapes", () => {
    expect(asIso("2026-12-02T19:48:00.123+00:00")).toBe("2026-12-02T19:48:00.123Z"); // Prisma on SQLite
    expect(asIso("2026-12-02T19:48:00.123+02:00")).toBe("2026-12-02T17:48:00.123Z"); // another offset: converted
    expect(asIso("2026-12-02 19:48:00")).toBe("2026-12-02T19:48:00.000Z"); // CURRENT_TIMESTAMP: UTC without a zone
    expect(asIso(new Date("2026-12-02T19:48:00.5Z"))).toBe("2026-12-02T19:48:00.500Z"); // a Date
    expect(asIso("2026-12-02T19:48:00.500Z")).toBe("2026-12-02T19:48:00.500Z"); // PostgreSQL (pgTimestamp)
  });

  it("reads PostgreSQL's timestamp text as the API's ISO text, the same instant as parsing it would give", () => {
    expect(pgTimestamp("2026-12-02 19:48:00.123")).toBe("2026-12-02T19:48:00.123Z");
    expect(pgTimestamp("2026-12-02 19:48:00.12")).toBe("2026-12-02T19:48:00.120Z"); // trailing zeros dropped by PostgreSQL
    expect(pgTimestamp("2026-12-02 19:48:00.1")).toBe("2026-12-02T19:48:00.100Z");
    expect(pgTimestamp("2026-12-02 19:48:00")).toBe("2026-12-02T19:48:00.000Z"); // a whole second: no fraction
    expect(pgTimestamp("2026-12-02 19:48:00.123456")).toBe("2026-12-02T19:48:00.123Z"); // microseconds: cut as Date does
    // Shapes outside the fast path are parsed, as before.
    expect(pgTimestamp("12026-12-02 19:48:00")).toBeInstanceOf(Date);
    expect(pgTimestamp("0044-03-15 12:00:00 BC")).toBeInstanceOf(Date);
    expect(pgTimestamp("infinity")).toBeInstanceOf(Date);
    // Against the old parse, over many instants and every fraction length PostgreSQL prints.
    for (let i = 0; i < 2000; i++) {
      const iso = new Date(Date.UTC(1970 + (i % 120), i % 12, 1 + (i % 28), i % 24, (i * 7) % 60, (i * 13) % 60, (i * 37) % 1000)).toISOString();
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`.replace(/\.?0+$/, "");
      const read = pgTimestamp(text);
      expect(read, text).toBe(new Date(`${text.replace(" ", "T")}Z`).toISOString());
      expect(asDate(read).getTime()).toBe(Date.parse(iso));
      expect(asIso(read)).toBe(iso);
    }
  });
});
