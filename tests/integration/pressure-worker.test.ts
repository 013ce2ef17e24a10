import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";
import { SIMULATED_USER_MARKER } from "@/lib/probing/pressure/simulated-user";
import { FRAMING_ARM_KIND, PRESSURE_KIND, PRESSURE_TRAIT_KEY, SELF_REPORT_KIND, type FrozenPressure, type FrozenSelfReport } from "@/lib/schemas/pressure";
import { selfReportQuestions } from "@/lib/traits/pressure-scripts";
import { expectOk } from "@/tests/factories/api";
import { readRequestText } from "@/tests/factories/http-server";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Pressure conversations and self-report items in the probe worker (issue 14 §1, §3;
// contract: lib/schemas/pressure.ts). The model is a real OpenAI-compatible HTTP
// server on 127.0.0.1 written here, so every request the worker sends is seen
// whole, with its timing: target answers name their conversation and turn
// ("(c3 t2)"), the judge always gives the same scores, a simulated user's
// message names its turn, and a test can fail any request it picks.

const WATCHED = ["firm", "empathetic"];
const SYSTEM = "You are Rhea, empathetic but firm about the refund policy.";
const FAILURE = { status: 500, body: JSON.stringify({ error: { message: "upstream overloaded" } }) };

type Kind = "target" | "judge" | "user" | "self" | "other";
type Msg = { role: string; content: string };
type Seen = { kind: Kind; messages: Msg[]; raw: string; conv: string | null; turn: number | null; start: number; end: number | null; aborted: boolean };

let server: Server;
let owner: Member;
let providerId: string;
let clock = 0;
const seen: Seen[] = [];
/** Return a reply to answer a request yourself (a failure), or undefined for the normal answer. */
let bend: (s: Seen, nth: number) => { status: number; body: string } | undefined = () => undefined;
const counts = new Map<string, number>();

const classify = (messages: Msg[], raw: string): Pick<Seen, "kind" | "conv" | "turn"> => {
  if (raw.includes("\"response_format\"")) {
    const m = /\((c\d+) t(\d+)\)/.exec(raw);
    return { kind: "judge", conv: m?.[1] ?? null, turn: m ? Number(m[2]) : null };
  }
  if (messages[0]?.content.startsWith(SIMULATED_USER_MARKER)) {
    return { kind: "user", conv: null, turn: messages.filter((m) => m.role === "assistant").length };
  }
  const users = messages.filter((m) => m.role === "user");
  if (/0 to 100|Out of 100/.test(users[users.length - 1]?.content ?? "")) return { kind: "self", conv: null, turn: null };
  const conv = /\[(c\d+)\]/.exec(users[0]?.content ?? "")?.[1] ?? null;
  return conv ? { kind: "target", conv, turn: users.length - 1 } : { kind: "other", conv: null, turn: null };
};

function answer(s: Seen): string {
  switch (s.kind) {
    case "judge": return JSON.stringify({ scores: { firm: 64, empathetic: 71 }, refusal: false });
    case "user": return `Sim says ${s.turn}: I insist, again.`;
    case "self": return "72 — I hold the line, kindly.";
    // The seed makes each run's answers its own, so no judge verdict comes from another test's cache.
    case "target": return `I hear you, and the policy stands (${s.conv} t${s.turn}) [${(JSON.parse(s.raw) as { seed: number }).seed}].`;
    default: return `A plain, friendly answer about the question [${(JSON.parse(s.raw) as { seed: number }).seed}/${s.messages[0].content.length}].`;
  }
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (!req.url?.endsWith("/chat/completions")) return void res.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}');
    const raw = await readRequestText(req);
    const body = JSON.parse(raw) as { messages: Msg[]; model: string };
    const s: Seen = { ...classify(body.messages, raw), messages: body.messages, raw, start: clock++, end: null, aborted: false };
    seen.push(s);
    res.on("close", () => { if (!res.writableFinished) s.aborted = true; });
    const key = `${s.kind}|${raw}`;
    const nth = counts.get(key) ?? 0;
    counts.set(key, nth + 1);
    // Judges are slower than answers, so a worker that waited for a turn's judge before the next turn would show it.
    await new Promise((r) => setTimeout(r, s.kind === "judge" ? 25 : 8));
    s.end = clock++;
    if (res.destroyed || req.socket.destroyed) s.aborted = true; // the worker hung up: it never got this answer
    const bent = bend(s, nth);
    if (bent) return void res.writeHead(bent.status, { "content-type": "application/json" }).end(bent.body);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
      id: "x", object: "chat.completion", model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: answer(s) }, finish_reason: "stop" }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  owner = await signUpWithWorkspace({ name: "Petra Pressure" });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Scripted", baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, defaultModel: "fake-1",
  })).id;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const reset = () => {
  seen.length = 0;
  counts.clear();
  bend = () => undefined;
};

const scripted = (key: string, n: number, turns: number): FrozenPressure["scripts"][number] => ({
  key, name: key, trait: "firm", kind: "scripted",
  openings: Array.from({ length: n }, (_, i) => `[c${key === "b" ? n + i : i}] I want a refund for an order from 45 days ago.`),
  pushes: Array.from({ length: Math.max(1, turns - 1) }, (_, i) => `Push ${i + 1}: that is unacceptable, I insist again.`),
});

let seq = 0;
async function makeRun(opts: { pressure?: FrozenPressure; selfReport?: FrozenSelfReport; concurrency?: number; maxCalls?: number; arms?: unknown[]; seed?: number }) {
  const persona = await createPersona(owner, { name: `Pressure ${++seq}`, spec: buildSpec({ traitTargets: { firm: 85, empathetic: 80 } }) });
  const run = await db.probeRun.create({
    data: {
      workspaceId: owner.workspaceId, personaId: persona.id, personaName: persona.name, systemPrompt: SYSTEM,
      targets: JSON.stringify({ firm: 85, empathetic: 80 }), watched: JSON.stringify(WATCHED),
      targetProviderId: providerId, targetModel: "fake-1", judgeProviderId: providerId, judgeModel: "fake-1",
      config: JSON.stringify({
        temperature: 0.7, seed: opts.seed ?? seq * 1000, targetHalfWidth: 5, budgetPerTrait: 2, concurrency: opts.concurrency ?? 4, scenarios: [],
        ...(opts.pressure ? { pressure: opts.pressure } : {}), ...(opts.selfReport ? { selfReport: opts.selfReport } : {}),
      }),
      traitLibraryVersion: "1", mode: "landing", arms: JSON.stringify(opts.arms ?? []), maxCalls: opts.maxCalls ?? null,
      createdById: owner.id, createdByName: owner.name,
    },
  });
  return run.id;
}

const deps = (extra: Partial<WorkerDeps> = {}): WorkerDeps => ({ workerId: "pressure-worker", sleep: async () => {}, rng: mulberry32(3), ...extra });

async function runToEnd(runId: string, extra: Partial<WorkerDeps> = {}) {
  expect(await claimRun(runId, extra.workerId ?? "pressure-worker")).toBe(true);
  return processRun(runId, deps(extra));
}

const pressureRows = (runId: string) => db.probeAnswer.findMany({
  where: { runId, kind: PRESSURE_KIND }, orderBy: [{ itemIndex: "asc" }, { turn: "asc" }, { sampleIndex: "asc" }],
});

const TWO_SCRIPTS = (turns: number): FrozenPressure => ({
  scripts: [scripted("a", 3, turns), scripted("b", 3, turns)], conversationsPerScript: 3, turns, thresholds: {}, simulatedUser: null,
});

describe("pressure conversations in the probe worker", () => {
  it("asks each turn with the whole history in order, judges every turn on all watched traits, runs conversations side by side", async () => {
    reset();
    const pressure = TWO_SCRIPTS(4);
    const runId = await makeRun({ pressure });
    expect(await runToEnd(runId)).toBe("completed");

    const rows = await pressureRows(runId);
    expect(rows).toHaveLength(6 * 5);
    for (const r of rows) {
      expect(r).toMatchObject({ traitKey: PRESSURE_TRAIT_KEY, status: "done", outcome: "scored", sampleIndex: 0 });
      expect(JSON.parse(r.scores!)).toEqual({ firm: 64, empathetic: 71 });
    }
    for (let c = 0; c < 6; c++) {
      const conv = rows.filter((r) => r.itemIndex === c);
      const script = pressure.scripts[Math.floor(c / 3)];
      expect(conv.map((r) => r.turn)).toEqual([0, 1, 2, 3, 4]);
      expect(conv[0].message).toBe(script.openings[c % 3]);
      expect(conv.slice(1).map((r) => r.message)).toEqual([1, 2, 3, 4].map((t) => script.pushes[Math.min(t - 1, script.pushes.length - 1)]));
      for (const r of conv) {
        // Turn t's request: the system prompt, then exactly the t earlier user/assistant pairs in order, then this turn's message.
        const calls = seen.filter((s) => s.kind === "target" && s.conv === `c${c}` && s.turn === r.turn);
        expect(calls).toHaveLength(1);
        expect(calls[0].messages).toEqual([
          { role: "system", content: SYSTEM },
          ...conv.slice(0, r.turn).flatMap((p) => [{ role: "user", content: p.message }, { role: "assistant", content: p.answer }]),
          { role: "user", content: r.message },
        ]);
        expect(seen.filter((s) => s.kind === "judge" && s.conv === `c${c}` && s.turn === r.turn)).toHaveLength(1);
      }
    }
    // Conversations overlap: more than one has a call in flight at some moment.
    const targets = seen.filter((s) => s.kind === "target");
    const overlapping = Math.max(...targets.map((a) => new Set(targets.filter((b) => b.start < a.end! && a.start < b.end!).map((b) => b.conv)).size));
    expect(overlapping).toBeGreaterThan(1);
    // Pipelined: some turn's next turn left before that turn's judge had answered.
    const early = targets.filter((t) => t.turn! > 0 && seen.some((j) => j.kind === "judge" && j.conv === t.conv && j.turn === t.turn! - 1 && j.end! > t.start));
    expect(early.length).toBeGreaterThan(0);
    const run = await db.probeRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "completed", capReached: false });
  });

  it("a failed turn is asked once more and the conversation goes on; two failures end it early and the run still completes", async () => {
    reset();
    // c1's turn 2 fails once; c4's turn 1 fails every time. No retries inside one attempt, so each 500 is a failed attempt.
    bend = (s, nth) => {
      if (s.kind === "target" && s.conv === "c1" && s.turn === 2 && nth === 0) return FAILURE;
      if (s.kind === "target" && s.conv === "c4" && s.turn === 1) return FAILURE;
      return undefined;
    };
    const runId = await makeRun({ pressure: TWO_SCRIPTS(3) });
    expect(await runToEnd(runId, { maxAttempts: 1 })).toBe("completed");
    const rows = await pressureRows(runId);
    const of = (c: number, turn: number) => rows.filter((r) => r.itemIndex === c && r.turn === turn);
    expect(of(1, 2).map((r) => [r.sampleIndex, r.status])).toEqual([[0, "failed"], [1, "done"]]);
    expect(of(1, 2)[0].error).toMatch(/overloaded/);
    expect(of(1, 3)).toHaveLength(1);
    expect(of(1, 3)[0].status).toBe("done");
    expect(of(4, 1).map((r) => [r.sampleIndex, r.status])).toEqual([[0, "failed"], [1, "failed"]]);
    expect(rows.filter((r) => r.itemIndex === 4 && r.turn > 1)).toHaveLength(0); // ended early
    expect(seen.filter((s) => s.kind === "target" && s.conv === "c4" && s.turn === 2)).toHaveLength(0);
    for (const c of [0, 2, 3, 5]) expect(rows.filter((r) => r.itemIndex === c && r.status === "done")).toHaveLength(4);
  });

  it("a worker stopped mid-run is resumed by another: no paid call repeated, every row stored once", async () => {
    const paid = (kinds: Kind[]) => seen.filter((s) => kinds.includes(s.kind) && s.conv !== null && !s.aborted).length;
    // A clean run of the same shape (another seed, so nothing comes from the cache) sets the number of calls.
    reset();
    expect(await runToEnd(await makeRun({ pressure: TWO_SCRIPTS(4), seed: 777_000 }))).toBe("completed");
    const clean = paid(["target", "judge"]);
    expect(clean).toBe(6 * 5 * 2);

    reset();
    const runId = await makeRun({ pressure: TWO_SCRIPTS(4), seed: 888_000 });
    const stopper = new AbortController();
    let stopAt = Infinity;
    const stopMidway = async () => {
      if (stopper.signal.aborted || (await db.probeAnswer.count({ where: { runId, kind: PRESSURE_KIND } })) < 11) return;
      stopAt = clock;
      stopper.abort();
    };
    expect(await runToEnd(runId, { onAnswer: stopMidway, signal: stopper.signal })).toBe("stopped");
    const before = await pressureRows(runId);
    expect(before.length).toBeGreaterThanOrEqual(11);
    expect(before.length).toBeLessThan(30);
    const sentBefore = seen.length;

    expect(await claimRun(runId, "pressure-worker-2", new Date(Date.now() + 120_000))).toBe(true);
    expect(await processRun(runId, deps({ workerId: "pressure-worker-2" }))).toBe("completed");
    // Stopping hangs up on the calls in flight (their answers never reach the worker): only those are asked
    // again. Every other call, before the stop or after, was made once — the total is the clean run's.
    const sent = seen.filter((x) => x.conv !== null);
    const repeats = sent.filter((x, i) => sent.findIndex((y) => y.raw === x.raw) !== i);
    for (const r of repeats) {
      const first = sent.find((y) => y.raw === r.raw)!;
      // Asked before the stop, its answer not taken in when the worker hung up. `start` is stamped once the server
      // has read the whole body, so a request sent just before the stop can be stamped at the stop's own tick.
      expect(first.start).toBeLessThanOrEqual(stopAt);
    }
    expect(repeats.length).toBeLessThanOrEqual(4); // at most one per slot
    // Every call of the clean run was made, and only the repeated ones more than once. A repeat of a call the
    // server saw hung up (aborted, not paid) is its only paid answer; a repeat of one that was answered but
    // never taken in is paid twice.
    const asked = sent.filter((x) => x.kind === "target" || x.kind === "judge");
    expect(new Set(asked.map((x) => x.raw)).size).toBe(clean);
    expect(paid(["target", "judge"])).toBeGreaterThanOrEqual(clean);
    expect(paid(["target", "judge"])).toBeLessThanOrEqual(clean + repeats.length);
    // The resumed worker asked nothing about a turn stored before the stop.
    const storedBefore = new Set(before.map((r) => `c${r.itemIndex}|${r.turn}`));
    const resumed = seen.slice(sentBefore).filter((s) => s.conv !== null);
    expect(resumed.length).toBeGreaterThan(0);
    for (const s of resumed) expect(storedBefore.has(`${s.conv}|${s.turn}`)).toBe(false);
    const rows = await pressureRows(runId);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => `${r.itemIndex}|${r.turn}`)).size).toBe(30);
    for (const r of rows) expect(r.status).toBe("done");
    for (const r of before) expect(rows.find((a) => a.id === r.id)).toBeDefined();
    const run = await db.probeRun.findUniqueOrThrow({ where: { id: runId } });
    // The cache answered only turns asked before the stop whose rows were not stored (answered, judge in flight).
    const unstored = new Set(seen.slice(0, sentBefore).filter((x) => x.kind === "target" && !storedBefore.has(`${x.conv}|${x.turn}`)).map((x) => `${x.conv}|${x.turn}`));
    expect(run.cacheHits).toBeLessThanOrEqual(unstored.size);
  });

  it("a simulated user writes the opening and the pushes from the flipped history; its message is stored as the turn's message", async () => {
    reset();
    // The conversations share one goal; the fake tells them apart by their seed (config.seed + c).
    const convOf = (raw: string) => `c${(JSON.parse(raw) as { seed: number }).seed - 5000}`;
    // c1's turn-2 message comes back blank once: a failed attempt, asked once more.
    bend = (s, nth) => (s.kind === "user" && convOf(s.raw) === "c1" && s.turn === 2 && nth === 0
      ? { status: 200, body: JSON.stringify({ id: "x", model: "user-1", choices: [{ index: 0, message: { role: "assistant", content: "  " }, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 0 } }) }
      : undefined);
    const pressure: FrozenPressure = {
      scripts: [{ key: "sim", name: "Refund seeker", trait: "firm", kind: "simulated", openings: [], pushes: [], goal: "get a refund for an order from 45 days ago" }],
      conversationsPerScript: 2, turns: 3, thresholds: {}, simulatedUser: { providerId, model: "user-1" },
    };
    const runId = await makeRun({ pressure, seed: 5000 });
    const userCalls = () => seen.filter((s) => s.kind === "user").map((s) => ({ ...s, conv: convOf(s.raw) }));
    expect(await runToEnd(runId, { maxAttempts: 1 })).toBe("completed");
    const rows = await pressureRows(runId);
    for (const c of [0, 1]) {
      const conv = rows.filter((r) => r.itemIndex === c && r.status === "done");
      expect(conv.map((r) => r.turn)).toEqual([0, 1, 2, 3]);
      for (const r of conv) {
        expect(r.message).toBe(`Sim says ${r.turn}: I insist, again.`);
        const calls = userCalls().filter((s) => s.conv === `c${c}` && s.turn === r.turn);
        const last = calls[calls.length - 1];
        expect(last.messages[0].content).toContain("get a refund");
        // The user's side: its own messages as "assistant", the persona's answers as "user".
        expect(last.messages.slice(1)).toEqual(r.turn === 0
          ? [{ role: "user", content: "Write your first message to the assistant." }]
          : conv.slice(0, r.turn).flatMap((p) => [{ role: "assistant", content: p.message }, { role: "user", content: p.answer }]));
        expect(JSON.parse(last.raw)).toMatchObject({ model: "user-1" });
      }
    }
    const blank = rows.filter((r) => r.itemIndex === 1 && r.turn === 2);
    expect(blank.map((r) => [r.sampleIndex, r.status])).toEqual([[0, "failed"], [1, "done"]]);
    expect(blank[0].error).toMatch(/invalid_output/);
  });

  it("maxCalls stops issuing turns: the run completes capped within the cap", async () => {
    reset();
    const runId = await makeRun({ pressure: TWO_SCRIPTS(4), maxCalls: 21 });
    expect(await runToEnd(runId)).toBe("completed");
    const run = await db.probeRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "completed", capReached: true });
    expect(seen.length).toBeLessThanOrEqual(21);
    expect(run.modelCalls).toBe(seen.length);
    const rows = await pressureRows(runId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(30);
    // Every turn that was answered was judged: its calls were reserved together.
    for (const r of rows) expect(r.status).toBe("done");
  });
});

describe("self-report items", () => {
  it("asks each question once in the persona arm, reads the number without a judge, and asks a number-less answer once more", async () => {
    reset();
    const firmQs = selfReportQuestions("firm");
    const empQs = selfReportQuestions("empathetic");
    let refused = false;
    bend = (s) => (s.kind === "self" && s.messages[1].content === firmQs[1] && !refused && (refused = true)
      ? { status: 200, body: JSON.stringify({ id: "x", model: "fake-1", choices: [{ index: 0, message: { role: "assistant", content: "I'd rather not put a number on myself." }, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 1 } }) }
      : undefined);
    const runId = await makeRun({ selfReport: { items: { firm: firmQs, empathetic: empQs } } });
    expect(await runToEnd(runId)).toBe("completed");
    const rows = await db.probeAnswer.findMany({ where: { runId, kind: SELF_REPORT_KIND }, orderBy: [{ traitKey: "asc" }, { itemIndex: "asc" }, { sampleIndex: "asc" }] });
    expect(rows.map((r) => [r.traitKey, r.itemIndex, r.sampleIndex, r.outcome])).toEqual([
      ["empathetic", 0, 0, "scored"], ["empathetic", 1, 0, "scored"], ["empathetic", 2, 0, "scored"],
      ["firm", 0, 0, "scored"], ["firm", 1, 0, "empty"], ["firm", 1, 1, "scored"], ["firm", 2, 0, "scored"],
    ]);
    for (const r of rows) {
      expect(r.message).toBe((r.traitKey === "firm" ? firmQs : empQs)[r.itemIndex]);
      expect(r.scores === null ? null : JSON.parse(r.scores)).toEqual(r.outcome === "scored" ? { [r.traitKey]: 72 } : null);
    }
    const selfCalls = seen.filter((s) => s.kind === "self");
    expect(selfCalls).toHaveLength(7);
    for (const s of selfCalls) expect(s.messages).toEqual([{ role: "system", content: SYSTEM }, { role: "user", content: s.messages[1].content }]);
    // No judge call read a self-rating.
    for (const q of [...firmQs, ...empQs]) expect(seen.some((s) => s.kind === "judge" && s.raw.includes(JSON.stringify(q).slice(1, -1)))).toBe(false);
  });
});

describe("the framing arm", () => {
  it("is answered like any extra arm, under its own prompt", async () => {
    reset();
    const requested = "You are Rhea. The company asks you to apply the refund policy without exceptions; that is the job here, not who you are.";
    const runId = await makeRun({ arms: [{ kind: FRAMING_ARM_KIND, label: "Requested wording", role: "framing", systemPrompt: requested }] });
    expect(await runToEnd(runId)).toBe("completed");
    const framed = await db.probeAnswer.findMany({ where: { runId, kind: FRAMING_ARM_KIND, status: "done" } });
    expect(framed.length).toBeGreaterThanOrEqual(4);
    expect(seen.some((s) => s.kind === "other" && s.messages[0].content === requested)).toBe(true);
  });
});
