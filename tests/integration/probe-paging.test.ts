import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { ops } from "@/lib/http/operations";
import type { ProbeRun } from "@/lib/schemas/probe";
import { probeRunPages } from "@/lib/query/probe-hooks";
import { expectError, expectOk, rawSend } from "@/tests/factories/api";
import { addProbeAnswer } from "@/tests/factories/probe-answers";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 15 §4: a persona's run history and a run's answers page by cursor, the
// body still a plain array and the next page's cursor in the X-Next-Cursor header.
// Rows are written straight to the database so that many share one createdAt
// (runs queued together, answers written in one batch): ties must neither skip
// nor repeat a row.

let owner: Member;
let other: Member;
let personaId: string;
let template: Awaited<ReturnType<typeof db.probeRun.findUniqueOrThrow>>;
const AT = new Date("2026-03-03T12:00:00Z");

const runsPath = (pid = personaId) => `${personaPath(owner.workspaceId, pid)}/probe-runs`;
const answersPath = (runId: string) => `${wsPath(owner.workspaceId)}/probe-runs/${runId}/answers`;

/** `n` copies of the template run on `pid`, with the given createdAt each. */
async function cloneRuns(pid: string, createdAt: (i: number) => Date, n: number) {
  const { id: _id, ...row } = template;
  await db.probeRun.createMany({ data: Array.from({ length: n }, (_, i) => ({ ...row, personaId: pid, createdAt: createdAt(i) })) });
}

/** Every page of a list, following X-Next-Cursor; each page's body must be a plain array. */
async function walk(path: string, query: Record<string, string | number>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const res = await owner.api.get(path, { ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    ids.push(...(res.body as { id: string }[]).map((r) => r.id));
    cursor = res.headers.get("x-next-cursor");
    if (!cursor) return ids;
  }
  throw new Error("the cursor never ended");
}

afterEach(() => vi.unstubAllGlobals());

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Paula Pager" });
  other = await signUpWithWorkspace({ name: "Olga Other" });
  const persona = await createPersona(owner, { name: "Paged", spec: buildSpec({ name: "Paged", traitTargets: { firm: 70 } }) });
  personaId = persona.id;
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${runsPath()}`, { traits: ["firm", "warm"], budgetPerTrait: 12 }));
  template = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
  // Five runs queued in the same instant, four older ones a second apart; the API's own run is the newest.
  await cloneRuns(personaId, (i) => (i < 5 ? AT : new Date(AT.getTime() - (i + 1) * 1000)), 9);
});

describe("the run history a page at a time", () => {
  it("walks every run exactly once, newest first, ties on createdAt included", async () => {
    const rows = await db.probeRun.findMany({ where: { personaId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(rows).toHaveLength(10);
    const first = await owner.api.get(runsPath());
    expect(first.headers.get("x-next-cursor")).toBeNull();
    expect(expectOk(ops.listProbeRuns, first).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    for (const limit of [1, 3, 4]) expect(await walk(runsPath(), { limit })).toEqual(rows.map((r) => r.id));
  });

  it("keeps 100 runs as the default page and says when there are more", async () => {
    const big = await createPersona(owner, { name: "Busy" });
    await cloneRuns(big.id, (i) => new Date(AT.getTime() - Math.floor(i / 10) * 1000), 101);
    const first = await owner.api.get(runsPath(big.id));
    expect(expectOk(ops.listProbeRuns, first)).toHaveLength(100);
    const cursor = first.headers.get("x-next-cursor");
    expect(cursor).toBeTruthy();
    const rest = await owner.api.get(runsPath(big.id), { cursor: cursor! });
    expect(expectOk(ops.listProbeRuns, rest)).toHaveLength(1);
    expect(rest.headers.get("x-next-cursor")).toBeNull();
    expect(expectError(await owner.api.get(runsPath(big.id), { limit: 201 }), 422).field).toBe("limit");
  });

  it("the studio's history follows X-Next-Cursor to the older runs (the hook behind “Show older runs”)", async () => {
    const big = await createPersona(owner, { name: "Archive" });
    await cloneRuns(big.id, (i) => new Date(AT.getTime() - Math.floor(i / 7) * 1000), 103);
    // The browser's fetch, answered by the real route handlers with the owner's session.
    const seen: string[] = [];
    vi.stubGlobal("fetch", (path: string, init: RequestInit) => {
      seen.push(path);
      return rawSend(init.method as "GET", path, { cookie: owner.cookie });
    });
    const qc = new QueryClient();
    const data = await qc.fetchInfiniteQuery({ ...probeRunPages(owner.workspaceId, big.id), pages: 3 });
    expect(data.pages.map((p) => p.items.length)).toEqual([100, 3]);
    expect(data.pages[1].nextCursor).toBeNull();
    expect(seen[1]).toMatch(/\?cursor=/);
    const rows = await db.probeRun.findMany({ where: { personaId: big.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(data.pages.flatMap((p) => p.items.map((r) => r.id))).toEqual(rows.map((r) => r.id));
  });

  it("cancels and resumes a run that is not on the first page", async () => {
    const big = await createPersona(owner, { name: "Crowded" });
    await cloneRuns(big.id, () => AT, 3);
    const oldest = await db.probeRun.create({ data: { ...(({ id: _id, ...r }) => r)(template), personaId: big.id, createdAt: new Date(AT.getTime() - 60_000) } });
    expect(expectOk(ops.listProbeRuns, await owner.api.get(runsPath(big.id), { limit: 3 })).map((r) => r.id)).not.toContain(oldest.id);
    const cancelled: ProbeRun = expectOk(ops.cancelProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${oldest.id}/cancel`));
    expect([cancelled.id, cancelled.status, cancelled.personaId]).toEqual([oldest.id, "cancelled", big.id]);
    const resumed: ProbeRun = expectOk(ops.resumeProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${oldest.id}/resume`));
    expect(resumed.id).toBe(oldest.id);
    expect(resumed.watched).toEqual(cancelled.watched);
    // The worker may already have claimed it: queued or beyond, never cancelled.
    expect(resumed.status).not.toBe("cancelled");
    await db.probeRun.update({ where: { id: oldest.id }, data: { status: "cancelled" } });
  });
});

describe("a run's answers a page at a time", () => {
  let runId: string;
  beforeAll(async () => {
    const { id: _id, ...row } = template;
    runId = (await db.probeRun.create({ data: { ...row, status: "completed", createdAt: new Date(AT.getTime() - 3_600_000) } })).id;
    // 16 answers: firm and warm, persona and baseline, in three write batches of identical createdAt and a few alone.
    const at = (i: number) => (i < 6 ? AT : i < 11 ? new Date(AT.getTime() + 1000) : new Date(AT.getTime() + 2000 + i));
    for (let i = 0; i < 16; i++) {
      await addProbeAnswer(runId, { traitKey: i % 2 ? "warm" : "firm", kind: i % 3 ? "persona" : "baseline", itemIndex: i, sampleIndex: 0, createdAt: at(i) });
    }
  });

  const expected = async (where: Record<string, string> = {}) =>
    (await db.probeAnswer.findMany({ where: { runId, ...where }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } })).map((a) => a.id);

  it("walks every answer exactly once, oldest first, ties on createdAt included", async () => {
    const all = await expected();
    expect(all).toHaveLength(16);
    const whole = await owner.api.get(answersPath(runId));
    expect(whole.headers.get("x-next-cursor")).toBeNull();
    expect(expectOk(ops.listProbeAnswers, whole).map((a) => a.id)).toEqual(all);
    for (const limit of [1, 4, 5]) expect(await walk(answersPath(runId), { limit })).toEqual(all);
  });

  it("applies the trait and kind filters on every page", async () => {
    const firm = await expected({ traitKey: "firm" });
    expect(await walk(answersPath(runId), { trait: "firm", limit: 2 })).toEqual(firm);
    const warmPersona = await expected({ traitKey: "warm", kind: "persona" });
    expect(warmPersona.length).toBeGreaterThan(2);
    expect(await walk(answersPath(runId), { trait: "warm", kind: "persona", limit: 2 })).toEqual(warmPersona);
    const baseline = await expected({ kind: "baseline" });
    expect(await walk(answersPath(runId), { kind: "baseline", limit: 1 })).toEqual(baseline);
  });

  it("answers a malformed cursor, or another list's, with a 422 naming cursor", async () => {
    const runsCursor = (await owner.api.get(runsPath(), { limit: 1 })).headers.get("x-next-cursor")!;
    const answersCursor = (await owner.api.get(answersPath(runId), { limit: 1 })).headers.get("x-next-cursor")!;
    const activity = await owner.api.get(`${personaPath(owner.workspaceId, personaId)}/activity`, { limit: 1 });
    const activityCursor = activity.headers.get("x-next-cursor") ?? Buffer.from(JSON.stringify({ s: "activity", k: [AT.toISOString(), "x"] })).toString("base64url");
    const wrongShape = Buffer.from(JSON.stringify({ s: "probe-runs", k: ["not a date", "x"] })).toString("base64url");
    for (const cursor of ["nope", answersCursor, activityCursor, wrongShape, "x".repeat(501)]) {
      expect(expectError(await owner.api.get(runsPath(), { cursor }), 422).field).toBe("cursor");
    }
    for (const cursor of ["%%%", runsCursor, activityCursor]) {
      expect(expectError(await owner.api.get(answersPath(runId), { cursor }), 422).field).toBe("cursor");
    }
  });

  it("keeps another workspace's runs and answers not found, cursor or not", async () => {
    const cursor = (await owner.api.get(answersPath(runId), { limit: 1 })).headers.get("x-next-cursor")!;
    expectError(await other.api.get(runsPath()), 404);
    expectError(await other.api.get(answersPath(runId), { cursor }), 404);
    expectError(await other.api.get(`${wsPath(other.workspaceId)}/probe-runs/${runId}/answers`, { cursor }), 404);
    expectError(await other.api.get(`${personaPath(other.workspaceId, personaId)}/probe-runs`), 404);
  });
});
