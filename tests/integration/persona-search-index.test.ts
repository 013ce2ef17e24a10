import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbProvider } from "@/lib/db/client";
import { compactSearchIndex, searchIndexSegments } from "@/lib/db/persona-search";
import { ops } from "@/lib/http/operations";
import { startWorker, stopWorker } from "@/lib/jobs/runner";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// SQLite's persona search is an FTS5 index: every write transaction that creates,
// renames or deletes personas adds a segment, and a search reads all of them. The
// probe worker's maintenance merges them into one once there are more than a few
// (lib/db/persona-search, compactSearchIndex). PostgreSQL's trigram index needs none.

let owner: Member;
const sqlite = dbProvider === "sqlite";
/** FTS5's own merging, off while a test needs segments to pile up (a setting stored in the index). */
const automerge = (n: number) => db.$executeRawUnsafe(`INSERT INTO "PersonaSearch" ("PersonaSearch", rank) VALUES ('automerge', ${n})`);

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Indexer" });
  if (sqlite) await automerge(0);
});

afterAll(async () => {
  if (sqlite) await automerge(4); // FTS5's default
});

const searchNames = async (q: string) =>
  expectOk(ops.listPersonas, await owner.api.get(`${wsPath(owner.workspaceId)}/personas`, { q, sort: "name" })).personas.map((p) => p.name);

describe("the persona search index's maintenance", () => {
  it.runIf(sqlite)("merges the segments that single writes left into one, and finds the same personas after", async () => {
    for (const name of ["Harbour Pilot", "Night Nurse", "Tax Auditor", "Ferry Captain", "Nurse Educator", "Pilot Trainer"]) {
      await createPersona(owner, { name });
    }
    expect(await searchIndexSegments()).toBeGreaterThan(5);
    const before = [await searchNames("nurse"), await searchNames("pilot"), await searchNames("udi")];
    expect(before).toEqual([["Night Nurse", "Nurse Educator"], ["Harbour Pilot", "Pilot Trainer"], ["Tax Auditor"]]);

    expect(await compactSearchIndex()).toBe(true);
    expect(await searchIndexSegments()).toBe(1);
    expect([await searchNames("nurse"), await searchNames("pilot"), await searchNames("udi")]).toEqual(before);
    // One segment: nothing to merge until writes add more than the limit.
    expect(await compactSearchIndex()).toBe(false);
    await createPersona(owner, { name: "Second Nurse" });
    expect(await compactSearchIndex()).toBe(false);
    expect(await searchNames("nurse")).toEqual(["Night Nurse", "Nurse Educator", "Second Nurse"]);
  });

  it.runIf(sqlite)("is run by the probe worker's maintenance while it runs", async () => {
    for (let i = 0; i < 6; i++) await createPersona(owner, { name: `Lighthouse Keeper ${i}` });
    expect(await searchIndexSegments()).toBeGreaterThan(4);
    startWorker({ pollMs: 50, heartbeatMs: 100, log: { info: () => {}, error: console.error } });
    try {
      for (let i = 0; i < 100 && (await searchIndexSegments()) > 1; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stopWorker();
    }
    expect(await searchIndexSegments()).toBe(1);
    expect(await searchNames("keeper")).toHaveLength(6);
  });

  it.runIf(!sqlite)("has nothing to merge on PostgreSQL", async () => {
    await createPersona(owner, { name: "Postgres Nurse" });
    expect(await searchIndexSegments()).toBe(0);
    expect(await compactSearchIndex()).toBe(false);
    expect(await searchNames("nurse")).toEqual(["Postgres Nurse"]);
  });
});
