import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { dbProvider } from "@/lib/db/client";
import { serializeSpec } from "@/lib/persona/normalize";
import { emptySpec } from "@/lib/schemas/persona";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 15: the persona list at scale — cursor pages, a capped count, indexed
// search, /api/me without persona counts, slugs found through the unique index.

let owner: Member;
const page = async (m: Member, query: Record<string, string> = {}) =>
  expectOk(ops.listPersonas, await m.api.get(`${wsPath(m.workspaceId)}/personas`, query));

/** Every page of a listing, following nextCursor. */
async function walk(m: Member, query: Record<string, string>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const p = await page(m, { ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...p.personas.map((x) => x.name));
    if (i > 0) expect(p.count).toBeNull();
    cursor = p.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("the cursor never ended");
}

/** Rows written straight to the database (1,000+ through the API would take minutes). */
async function bulk(m: Member, rows: { name: string; slug: string; archetype?: string; status?: string; updatedAt?: Date }[]) {
  await db.persona.createMany({
    data: rows.map((r) => ({
      workspaceId: m.workspaceId, slug: r.slug, name: r.name, archetype: r.archetype ?? "", status: r.status ?? "draft",
      spec: serializeSpec({ ...emptySpec(r.name), archetype: r.archetype ?? "" }),
      createdById: m.id, updatedById: m.id, updatedByName: m.name, ...(r.updatedAt ? { updatedAt: r.updatedAt } : {}),
    })),
  });
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Pia" });
  // Eleven personas, six of them edited at the very same instant: ties the cursor must not skip or repeat.
  const same = new Date("2026-01-01T12:00:00Z");
  await bulk(owner, Array.from({ length: 11 }, (_, i) => ({
    name: `P${String(i).padStart(2, "0")}`, slug: `p${i}`, archetype: i % 2 ? "a ferry captain" : "a triage nurse",
    status: i % 3 === 0 ? "approved" : i === 10 ? "archived" : "draft",
    updatedAt: i < 6 ? same : new Date(same.getTime() + i * 1000),
  })));
});

describe("cursor pages of the persona list", () => {
  it("walks every sort page by page without skipping or repeating a row, ties included", async () => {
    for (const sort of ["updated", "created", "name", "status"]) {
      for (const status of ["active", "all", "approved"]) {
        const whole = (await page(owner, { sort, status, limit: "200" })).personas.map((p) => p.name);
        const paged = await walk(owner, { sort, status, limit: "2" });
        expect(paged, `${sort}/${status}`).toEqual(whole);
      }
    }
    expect(await walk(owner, { sort: "name", status: "all", limit: "3" })).toEqual(Array.from({ length: 11 }, (_, i) => `P${String(i).padStart(2, "0")}`));
  });

  it("walks a search in every sort page by page: the unsearched list's matching rows, in its order, counted once", async () => {
    for (const sort of ["updated", "created", "name", "status"]) {
      for (const status of ["active", "all", "approved"]) {
        const rows = (await page(owner, { sort, status, limit: "200" })).personas;
        for (const q of ["captain", "NURSE", "p1"]) {
          // The oracle: the list without a search, filtered here by the search's meaning (a case-insensitive substring).
          const expected = rows.filter((r) => [r.name, r.archetype, r.slug].some((v) => v.toLowerCase().includes(q.toLowerCase()))).map((r) => r.name);
          expect(await walk(owner, { sort, status, q, limit: "2" }), `${sort}/${status}/${q}`).toEqual(expected);
          expect((await page(owner, { sort, status, q, limit: "2" })).count, `${sort}/${status}/${q}`).toBe(expected.length);
        }
      }
    }
  });

  it("counts the matches on the first page and says nextCursor only when there is more", async () => {
    const first = await page(owner, { limit: "4" });
    expect(first).toMatchObject({ count: 10 });
    expect(first.personas).toHaveLength(4);
    expect(first.nextCursor).toEqual(expect.any(String));
    const all = await page(owner, { limit: "10" });
    expect(all.nextCursor).toBeNull();
    expect((await page(owner, { q: "captain" })).count).toBe(5);
  });

  it("refuses a cursor that is not one, or that belongs to another sort, naming the field", async () => {
    const next = (await page(owner, { limit: "2", sort: "name" })).nextCursor!;
    expect(expectError(await owner.api.get(`${wsPath(owner.workspaceId)}/personas`, { cursor: "garbage" }), 422).field).toBe("cursor");
    expect(expectError(await owner.api.get(`${wsPath(owner.workspaceId)}/personas`, { cursor: next, sort: "updated" }), 422).field).toBe("cursor");
    expectError(await owner.api.get(`${wsPath(owner.workspaceId)}/personas`, { limit: "1000" }), 422);
  });

  it("lists no spec-derived field from a parsed blob, yet still counts the traits", async () => {
    const p = await createPersona(owner, { name: "Traits three", spec: buildSpec({ traitTargets: { warm: 80, firm: 70, curious: 60 } }) });
    const [row] = (await page(owner, { q: "Traits three" })).personas;
    expect(row).toMatchObject({ id: p.id, traitCount: 3 });
    // The count is kept by the database from the spec (migration 20261202195655): it
    // follows an autosave that adds or removes targets, and a restored version.
    await saveVersion(owner, p.id, p.revision, "three traits");
    const two = await saveDraft(owner, p.id, p.revision, { ...p.spec, traitTargets: { warm: 80, firm: 70 } });
    expect((await page(owner, { q: "Traits three" })).personas[0]).toMatchObject({ traitCount: 2 });
    const none = await saveDraft(owner, p.id, two.revision, { ...p.spec, traitTargets: {} });
    expect((await page(owner, { q: "Traits three" })).personas[0]).toMatchObject({ traitCount: 0 });
    const five = await saveDraft(owner, p.id, none.revision, { ...p.spec, traitTargets: { warm: 1, firm: 2, curious: 3, formal: 4, playful: 5 } });
    expect((await page(owner, { q: "Traits three", sort: "name" })).personas[0]).toMatchObject({ traitCount: 5 });
    expectOk(ops.restoreVersion, await owner.api.post(`${personaPath(owner.workspaceId, p.id)}/versions/1/restore`, { revision: five.revision }));
    expect((await page(owner, {})).personas.find((r) => r.id === p.id)).toMatchObject({ traitCount: 3 });
    await owner.api.delete(personaPath(owner.workspaceId, p.id));
  });

  it("pages past the old 500-row stop and counts every match", async () => {
    const PERSONA_COUNT_CAP = 1000;
    const big = await signUpWithWorkspace({ name: "Max" });
    await bulk(big, Array.from({ length: PERSONA_COUNT_CAP + 5 }, (_, i) => ({ name: `Bulk ${i}`, slug: `bulk-${i}`, archetype: i === 777 ? "a lighthouse keeper" : "" })));
    const first = await page(big, { limit: "200" });
    expect(first).toMatchObject({ count: PERSONA_COUNT_CAP + 5 });
    const names = await walk(big, { limit: "200", sort: "name" });
    expect(names).toHaveLength(PERSONA_COUNT_CAP + 5);
    expect(new Set(names).size).toBe(PERSONA_COUNT_CAP + 5);
    expect((await page(big, { q: "LIGHTHOUSE" })).personas.map((p) => p.name)).toEqual(["Bulk 777"]);
    // A search matching more rows than one query can bind ids for: merged from parts, still one order.
    expect(await page(big, { q: "bulk 1" })).toMatchObject({ count: 116 });
    expect(await page(big, { q: "bulk" })).toMatchObject({ count: PERSONA_COUNT_CAP + 5 });
    expect(await walk(big, { q: "bulk", limit: "150", sort: "name" })).toEqual(names);
    const byUpdate = (await walk(big, { q: "bulk", limit: "90" }));
    expect(byUpdate).toEqual(await walk(big, { limit: "200" }));
  });
});

describe("persona search through the index", () => {
  it("matches a case-insensitive substring of name, archetype or slug; quotes, % and _ are literal", async () => {
    const names = async (q: string) => (await page(owner, { q, status: "all", sort: "name" })).personas.map((p) => p.name);
    await bulk(owner, [
      { name: 'The "Quoted" One', slug: "quoted" },
      { name: "50%_off", slug: "fifty" },
      { name: "Ünïcode Ömer", slug: "omer" },
    ]);
    expect(await names("RRY CAP")).toHaveLength(5); // inside the archetype "a ferry captain"
    expect(await names('"quoted"')).toEqual(['The "Quoted" One']);
    expect(await names("%_o")).toEqual(["50%_off"]);
    expect(await names("0%")).toEqual(["50%_off"]);
    expect(await names("p1")).toEqual(["P01", "P10"]); // slug, shorter than a trigram
    expect(await names("ömer")).toEqual(["Ünïcode Ömer"]);
    expect(await names("xyz")).toEqual([]);
  });

  it("follows renames and deletions (the index is kept in sync)", async () => {
    const p = await createPersona(owner, { name: "Ephemeral Egon" });
    const path = personaPath(owner.workspaceId, p.id);
    const names = async (q: string) => (await page(owner, { q, status: "all" })).personas.map((x) => x.name);
    expect(await names("egon")).toEqual(["Ephemeral Egon"]);
    expectOk(ops.updateDraft, await owner.api.patch(path, { revision: p.revision, spec: { ...p.spec, name: "Renamed Rolf" } }));
    expect(await names("rolf")).toEqual(["Renamed Rolf"]);
    expect(await names("ephemeral egon")).toEqual([]);
    expect(await names("ephemeral-egon")).toEqual(["Renamed Rolf"]); // the slug stays
    await owner.api.delete(path);
    expect(await names("rolf")).toEqual([]);
  });

  it("follows status changes, autosaves and renames in every order (the search rows keep the list's keys)", async () => {
    const names = async (q: string, query: Record<string, string> = {}) => (await page(owner, { q, ...query })).personas.map((x) => x.name);
    const made = [];
    for (const name of ["Keeper Kay", "Keeper Lou", "Keeper Mo"]) made.push(await createPersona(owner, { name, spec: buildSpec({ name, archetype: "a lighthouse keeper" }) }));
    expect(await names("lighthouse")).toEqual(["Keeper Mo", "Keeper Lou", "Keeper Kay"]);
    // An autosave moves the oldest first in the updated order; a rename moves it in the name order.
    const [kay, lou, mo] = made;
    const saved = expectOk(ops.updateDraft, await owner.api.patch(personaPath(owner.workspaceId, kay.id), { revision: kay.revision, spec: { ...kay.spec, name: "Keeper Zed" } }));
    expect(await names("lighthouse")).toEqual(["Keeper Zed", "Keeper Mo", "Keeper Lou"]);
    expect(await names("lighthouse", { sort: "name" })).toEqual(["Keeper Lou", "Keeper Mo", "Keeper Zed"]);
    // Archived: out of the active search, in the archived one; the count follows.
    expectOk(ops.archivePersona, await owner.api.post(`${personaPath(owner.workspaceId, lou.id)}/archive`, { archived: true }));
    expect(await page(owner, { q: "lighthouse" })).toMatchObject({ count: 2 });
    expect(await names("lighthouse", { status: "archived" })).toEqual(["Keeper Lou"]);
    expect(await names("lighthouse", { sort: "status", status: "all" })).toEqual(["Keeper Lou", "Keeper Zed", "Keeper Mo"]);
    for (const p of [saved, lou, mo]) await owner.api.delete(personaPath(owner.workspaceId, p.id));
  });

  it("is backed by the search index the migration made", async () => {
    if (dbProvider === "postgresql") {
      // The trigram indexes sit on the narrow search rows, none on the wide persona rows (an autosave writes no trigram entry).
      const rows = await db.$queryRaw<{ tablename: string; indexname: string }[]>`SELECT tablename::text AS tablename, indexname::text AS indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY 2`;
      expect(rows).toEqual([{ tablename: "PersonaSearchRow", indexname: "PersonaSearchRow_haystack_trgm_idx" }]);
    }
    // One search row per persona, carrying its keys.
    const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PersonaSearchRow" WHERE "workspaceId" = ${owner.workspaceId}`;
    expect(Number(n)).toBe(await db.persona.count({ where: { workspaceId: owner.workspaceId } }));
  });
});

describe("GET /api/me", () => {
  it("carries no per-persona work: no persona count", async () => {
    const me = expectOk(ops.me, await owner.api.get("/api/me"));
    expect(me.workspaces[0]).not.toHaveProperty("personaCount");
    expect(me.workspaces[0]).toMatchObject({ id: owner.workspaceId, memberCount: 1 });
  });
});

describe("slugs of personas with the same name", () => {
  it("takes the next free suffix past the first batch of candidates, and a random one when many are taken", async () => {
    const m = await signUpWithWorkspace({ name: "Sam" });
    await bulk(m, Array.from({ length: 25 }, (_, i) => ({ name: "Twin", slug: i === 0 ? "twin" : `twin-${i + 1}` })));
    expect((await createPersona(m, { name: "Twin" })).slug).toBe("twin-26");
    await bulk(m, Array.from({ length: 40 }, (_, i) => ({ name: "Twin", slug: `twin-${i + 27}` })));
    expect((await createPersona(m, { name: "Twin" })).slug).toMatch(/^twin-[0-9a-f]{8}$/);
  });
});

describe("cursor pages of the activity trail", () => {
  it("walks the trail through the X-Next-Cursor header, ties included, with the body still a plain array", async () => {
    const p = await createPersona(owner, { name: "Chatty" });
    const at = new Date("2026-02-02T10:00:00Z");
    await db.activity.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        workspaceId: owner.workspaceId, personaId: p.id, actorId: owner.id, actorName: owner.name,
        kind: "commented", summary: `note ${i}`, updatedAt: i < 4 ? at : new Date(at.getTime() - i * 1000),
      })),
    });
    const path = `${personaPath(owner.workspaceId, p.id)}/activity`;
    const whole = expectOk(ops.listActivity, await owner.api.get(path, { limit: 500 })).map((a) => a.summary);
    expect(whole).toHaveLength(8); // "created the persona" + 7
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await owner.api.get(path, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...expectOk(ops.listActivity, res).map((a) => a.summary));
      cursor = res.headers.get("x-next-cursor");
    } while (cursor);
    expect(seen).toEqual(whole);
    expect(expectError(await owner.api.get(path, { cursor: "nope" }), 422).field).toBe("cursor");
  });
});
