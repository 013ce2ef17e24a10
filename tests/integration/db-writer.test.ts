import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readRow } from "@/lib/db/reader";
import { execute } from "@/lib/db/writer";
import { createPersona, buildSpec, signUpWithWorkspace } from "@/tests/factories/personas";

// lib/db/writer: an autosave's writes go straight to the driver. On SQLite that is a
// second connection which must never wait for a lock synchronously (Prisma's
// connection may hold one across an await): a locked database sends the statement
// through Prisma, which waits its turn. On PostgreSQL the writes share the pool.

describe("plain-SQL writes (lib/db/writer)", () => {
  it("writes and counts the rows changed; dates read back as written", async () => {
    const owner = await signUpWithWorkspace({ name: "Wanda Writer" });
    const p = await createPersona(owner, { name: "Written", spec: buildSpec() });
    const at = new Date("2026-11-30T10:11:12.345Z");
    expect(await execute(`UPDATE "Persona" SET "name" = ?, "updatedAt" = ? WHERE "id" = ?`, ["Rewritten", at, p.id])).toBe(1);
    expect(await execute(`UPDATE "Persona" SET "name" = ? WHERE "id" = ?`, ["Nobody", "no-such-id"])).toBe(0);
    // Prisma reads what the driver wrote, with the same instant.
    expect(await db.persona.findUniqueOrThrow({ where: { id: p.id }, select: { name: true, updatedAt: true } })).toEqual({ name: "Rewritten", updatedAt: at });
    expect(await readRow(`SELECT "name" FROM "Persona" WHERE "id" = ?`, [p.id])).toEqual({ name: "Rewritten" });
  });

  it("waits for a transaction Prisma holds open across an await instead of blocking the process (or failing)", async () => {
    const owner = await signUpWithWorkspace({ name: "Lena Lock" });
    const [a, b] = [await createPersona(owner, { name: "A", spec: buildSpec() }), await createPersona(owner, { name: "B", spec: buildSpec() })];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const tx = db.$transaction(async (t) => {
      await t.persona.update({ where: { id: a.id }, data: { name: "A in a transaction" } }); // the write lock, on SQLite
      locked();
      await held;
    });
    await lockTaken;
    const write = execute(`UPDATE "Persona" SET "name" = ? WHERE "id" = ?`, ["B meanwhile", b.id]);
    // The event loop is free while the write waits: this timer fires, and ends the transaction.
    await new Promise((r) => setTimeout(r, 50));
    release();
    await tx;
    expect(await write).toBe(1);
    const names = await db.persona.findMany({ where: { id: { in: [a.id, b.id] } }, select: { name: true }, orderBy: { name: "asc" } });
    expect(names.map((n) => n.name)).toEqual(["A in a transaction", "B meanwhile"]);
  });
});
