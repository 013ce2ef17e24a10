import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";

// The probe worker's statements per model call, as plain SQL (issue 15, "the
// worker's writes per answer batched"). Each model call looks up the
// identical-call cache, counts itself on its run before it is sent, counts its
// usage when it comes back and stores its answer in the cache: four statements
// per call, hundreds a minute per worker. Through the query builder each one
// costs about 0.7–0.8 ms of CPU (the query is compiled and interpreted every
// time); as raw SQL about 0.2–0.3 ms (bench/probe-run.ts, profiled). The SQL is
// the same on SQLite and PostgreSQL: quoted identifiers, `ON CONFLICT DO
// NOTHING`, arithmetic on the columns the schema declares (ProbeRun counters,
// CallCache). Keep it in step with prisma/schema.prisma.

/** What a cache row answers with. */
export type CachedCallRow = { text: string; meta: string | null; promptTokens: number; completionTokens: number };

/** The identical-call cache row for `key`, or null. */
export async function findCachedCall(key: string): Promise<CachedCallRow | null> {
  const rows = await db.$queryRaw<CachedCallRow[]>`
    SELECT "text", "meta", "promptTokens", "completionTokens" FROM "CallCache" WHERE "key" = ${key}`;
  const row = rows[0];
  // Integers may come back as bigint from some drivers.
  return row ? { text: row.text, meta: row.meta, promptTokens: Number(row.promptTokens), completionTokens: Number(row.completionTokens) } : null;
}

/** Stores one call's answer in the cache; a row already there (a concurrent identical call stored it first) is kept. */
export async function insertCachedCall(data: { key: string; workspaceId: string; text: string; meta: string | null; promptTokens: number; completionTokens: number }): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "CallCache" ("key", "workspaceId", "text", "meta", "promptTokens", "completionTokens", "createdAt")
    VALUES (${data.key}, ${data.workspaceId}, ${data.text}, ${data.meta}, ${data.promptTokens}, ${data.completionTokens}, ${new Date()})
    ON CONFLICT DO NOTHING`;
}

/** Counter increments for one run (whole numbers, and US$ for costUsd). */
export type RunCounterDelta = { modelCalls: number; cacheHits: number; promptTokens: number; completionTokens: number; costUsd: number };

/**
 * Adds `delta` to the run's counters in one statement. costUsd is added only when `withCost` (a run whose
 * providers have prices); a null cost stays null, like Prisma's `increment`.
 */
export async function incrementRunCounters(runId: string, d: RunCounterDelta, withCost: boolean): Promise<void> {
  if (withCost) {
    await db.$executeRaw`
      UPDATE "ProbeRun" SET "modelCalls" = "modelCalls" + ${d.modelCalls}, "cacheHits" = "cacheHits" + ${d.cacheHits},
        "promptTokens" = "promptTokens" + ${d.promptTokens}, "completionTokens" = "completionTokens" + ${d.completionTokens},
        "costUsd" = "costUsd" + ${d.costUsd}
      WHERE "id" = ${runId}`;
  } else {
    await db.$executeRaw`
      UPDATE "ProbeRun" SET "modelCalls" = "modelCalls" + ${d.modelCalls}, "cacheHits" = "cacheHits" + ${d.cacheHits},
        "promptTokens" = "promptTokens" + ${d.promptTokens}, "completionTokens" = "completionTokens" + ${d.completionTokens}
      WHERE "id" = ${runId}`;
  }
}

/** A ProbeAnswer row as the worker stores it (column → value; `id` and `createdAt` are added here). */
export type AnswerInsert = Record<string, string | number | boolean | null | undefined>;

let idCounter = Math.floor(Math.random() * 36 ** 4);
const fingerprint = (process.pid.toString(36) + Math.random().toString(36).slice(2)).slice(0, 4).padStart(4, "0");

/** A collision-resistant id of the same shape as Prisma's cuid() (c + time + counter + fingerprint + random). */
export function newRowId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = Math.floor(Math.random() * 36 ** 8).toString(36).padStart(8, "0");
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${fingerprint}${random}`;
}

/**
 * Inserts one answer row unless its unique key (run, arm, trait, item, sample, turn) is taken; true when it
 * was inserted. The columns are the keys of `data` (the worker's own field names, never user input).
 */
export async function insertAnswerOnce(data: AnswerInsert): Promise<boolean> {
  const row: AnswerInsert = { id: newRowId(), ...data, createdAt: undefined };
  const cols = Object.keys(row).filter((c) => row[c] !== undefined);
  for (const c of cols) if (!/^[A-Za-z]+$/.test(c)) throw new Error(`Not a ProbeAnswer column: ${c}`);
  const names = Prisma.join(cols.map((c) => Prisma.raw(`"${c}"`)));
  const values = Prisma.join(cols.map((c) => row[c]));
  const inserted = await db.$executeRaw`
    INSERT INTO "ProbeAnswer" (${names}, "createdAt") VALUES (${values}, ${new Date()}) ON CONFLICT DO NOTHING`;
  return inserted > 0;
}
