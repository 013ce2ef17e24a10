import { describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { dbProvider } from "@/lib/db/client";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 15: the list's first-page count, read from per-status counts kept by triggers
// (migrations 20261202150000_persona_status_counts on SQLite and
// 20261203021000_persona_status_counts_postgres). After every kind of write the count
// must be the rows a walk finds, and the kept rows a fresh count.

const STATUS_FILTERS = ["active", "all", "draft", "in_review", "approved", "changes_requested", "archived"] as const;

/** What the list says for a filter, and how many rows its pages really hold. */
async function countsOf(m: Member, status: string) {
  const first = expectOk(ops.listPersonas, await m.api.get(`${wsPath(m.workspaceId)}/personas`, { status, limit: "100" }));
  return { said: first.count, rows: first.personas.length };
}

async function expectCountsTrue(m: Member) {
  for (const status of STATUS_FILTERS) {
    const { said, rows } = await countsOf(m, status);
    expect({ status, said }).toEqual({ status, said: rows });
    // Sorted by status the page walks the status groups, the count riding on the first group that has rows.
    const byStatus = expectOk(ops.listPersonas, await m.api.get(`${wsPath(m.workspaceId)}/personas`, { status, sort: "status", limit: "100" }));
    expect({ status, said: byStatus.count }).toEqual({ status, said: rows });
  }
  {
    // The kept rows equal a fresh count, workspace by workspace (none left at zero).
    const kept = await db.$queryRawUnsafe<{ workspaceId: string; status: string; n: number | bigint }[]>(
      `SELECT "workspaceId", "status", "n" FROM "PersonaStatusCount" ORDER BY 1, 2`);
    const fresh = await db.$queryRawUnsafe<{ workspaceId: string; status: string; n: number | bigint }[]>(
      `SELECT "workspaceId", "status", count(*) AS "n" FROM "Persona" GROUP BY 1, 2 ORDER BY 1, 2`);
    const plain = (rows: typeof kept) => rows.map((r) => `${r.workspaceId} ${r.status} ${Number(r.n)}`);
    expect(plain(kept)).toEqual(plain(fresh));
  }
}

describe("the persona list's count after every kind of write", () => {
  it("stays exact through creates, status changes, archive and restore, deletes and a deleted workspace", async () => {
    const a = await signUpWithWorkspace({ name: "Cass" });
    const b = await signUpWithWorkspace({ name: "Dev" });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createPersona(a, { name: `Counted ${i}` }));
    await createPersona(b, { name: "Elsewhere" });
    await expectCountsTrue(a);

    // Several rows in one statement, two statuses mixed (PostgreSQL counts a statement's rows at once).
    const spec = JSON.stringify(made[0].spec);
    await db.persona.createMany({
      data: ["draft", "approved", "draft"].map((status, i) => ({
        workspaceId: a.workspaceId, slug: `bulk-${i}`, name: `Bulk ${i}`, archetype: "", status, spec,
        createdById: a.id, updatedById: a.id, updatedByName: "Cass",
      })),
    });
    await expectCountsTrue(a);

    // Archive two, restore one (the API), move one through review statuses (as the review flow writes them).
    for (const p of made.slice(0, 2)) expectOk(ops.archivePersona, await a.api.post(`${personaPath(a.workspaceId, p.id)}/archive`, { archived: true }));
    expectOk(ops.archivePersona, await a.api.post(`${personaPath(a.workspaceId, made[0].id)}/archive`, { archived: false }));
    await db.persona.update({ where: { id: made[2].id }, data: { status: "in_review" } });
    await db.persona.update({ where: { id: made[2].id }, data: { status: "changes_requested" } });
    await db.persona.updateMany({ where: { id: made[3].id }, data: { status: "approved", approvedVersion: null } });
    await expectCountsTrue(a);

    // An autosave (the driver-level UPDATE) does not touch the status.
    expectOk(ops.updateDraft, await a.api.patch(personaPath(a.workspaceId, made[4].id), { revision: made[4].revision, spec: { ...made[4].spec, background: "edited" } }));
    await expectCountsTrue(a);

    // Deletes, one through the API and a whole workspace through the cascade.
    expectOk(ops.deletePersona, await a.api.delete(personaPath(a.workspaceId, made[1].id)));
    await expectCountsTrue(a);
    await db.workspace.delete({ where: { id: b.workspaceId } });
    await expectCountsTrue(a);
    const left = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS "n" FROM "PersonaStatusCount" WHERE "workspaceId" = ${dbProvider === "sqlite" ? "?" : "$1"}`, b.workspaceId);
    expect(Number(left[0].n)).toBe(0);
  });
});
