import "server-only";
import { asNumber, readRow } from "@/lib/db/reader";
import { execute } from "@/lib/db/writer";

// The probe worker's statements per model call, as plain SQL (issue 15, "the
// worker's writes per answer batched"). Each model call looks up the
// identical-call cache, counts itself on its run before it is sent, counts its
// usage when it comes back and stores its answer in the cache: four statements
// per call, hundreds a minute per worker. Through the query builder each one
// costs about 0.7–0.8 ms of CPU (the query is compiled and interpreted every
// time). Even as Prisma raw SQL, each was compiled by Prisma's query compiler and
// prepared again by the SQLite driver on every call: with them, Prisma was a third
// of the worker's CPU in bench/probe-run (profiled). So they go through the
// driver, prepared once per connection (lib/db/reader, lib/db/writer: on SQLite a
// connection that never waits for a lock hands a locked statement to Prisma's
// queue). The SQL is the same on SQLite and PostgreSQL: quoted identifiers,
// `?` placeholders, `ON CONFLICT DO NOTHING`, arithmetic on the columns the schema
// declares (ProbeRun counters, CallCache). Keep it in step with prisma/schema.prisma.

/** What a cache row answers with. */
export type CachedCallRow = { text: string; meta: string | null; promptTokens: number; completionTokens: number };

/** The identical-call cache row for `key`, or null. */
export async function findCachedCall(key: string): Promise<CachedCallRow | null> {
  const row = await readRow<Record<string, unknown>>(
    `SELECT "text", "meta", "promptTokens", "completionTokens" FROM "CallCache" WHERE "key" = ?`, [key],
  );
  return row
    ? { text: row.text as string, meta: (row.meta ?? null) as string | null, promptTokens: asNumber(row.promptTokens), completionTokens: asNumber(row.completionTokens) }
    : null;
}

/** Stores one call's answer in the cache; a row already there (a concurrent identical call stored it first) is kept. */
export async function insertCachedCall(data: { key: string; workspaceId: string; text: string; meta: string | null; promptTokens: number; completionTokens: number }): Promise<void> {
  await execute(
    `INSERT INTO "CallCache" ("key", "workspaceId", "text", "meta", "promptTokens", "completionTokens", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [data.key, data.workspaceId, data.text, data.meta, data.promptTokens, data.completionTokens, new Date()],
  );
}

/** Counter increments for one run (whole numbers, and US$ for costUsd). */
export type RunCounterDelta = { modelCalls: number; cacheHits: number; promptTokens: number; completionTokens: number; costUsd: number };

/**
 * Adds `delta` to the run's counters in one statement. costUsd is added only when `withCost` (a run whose
 * providers have prices); a null cost stays null, like Prisma's `increment`.
 */
export async function incrementRunCounters(runId: string, d: RunCounterDelta, withCost: boolean): Promise<void> {
  const counters = `"modelCalls" = "modelCalls" + ?, "cacheHits" = "cacheHits" + ?, "promptTokens" = "promptTokens" + ?, "completionTokens" = "completionTokens" + ?`;
  const values = [d.modelCalls, d.cacheHits, d.promptTokens, d.completionTokens];
  if (withCost) await execute(`UPDATE "ProbeRun" SET ${counters}, "costUsd" = "costUsd" + ? WHERE "id" = ?`, [...values, d.costUsd, runId]);
  else await execute(`UPDATE "ProbeRun" SET ${counters} WHERE "id" = ?`, [...values, runId]);
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
  const inserted = await execute(
    `INSERT INTO "ProbeAnswer" (${cols.map((c) => `"${c}"`).join(", ")}, "createdAt") VALUES (${cols.map(() => "?").join(", ")}, ?) ON CONFLICT DO NOTHING`,
    [...cols.map((c) => row[c] as string | number | boolean | null), new Date()],
  );
  return inserted > 0;
}
