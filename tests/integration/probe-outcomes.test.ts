import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, LEASE_MS, NEUTRAL_PROMPT, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { mulberry32 } from "@/lib/math/random";
import { probeTrait } from "@/lib/probing/traits/library";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { readRequestText } from "@/tests/factories/http-server";

// Empty, truncated and refused answers are outcomes of their own (issue 11 §6),
// end to end over the real openai_compatible provider: a proxy in front of the
// simulator's HTTP endpoint turns chosen answers into an empty answer, an
// answer cut at the token limit (finish_reason "length") or a refusal in
// OpenAI's `message.refusal` field, and reports the model that "served" it.

type Fault = "empty" | "length" | "refusal" | null;
type Chat = { model: string; seed?: number; messages: { role: string; content: string }[]; response_format?: unknown };

let sim: Server;
let proxy: Server;
let simOrigin: string;
let origin: string;
let owner: Member;
let providerId: string;

/** Which generation to break; set per test. */
let fault: (chat: Chat) => Fault = () => null;
const seen = { judge: 0, judgeOnEmpty: 0, judgedAnswers: [] as string[], baselineAnswers: new Set<string>() };

const SERVED = "persona-sim-1-2026-01";
const fenced = (text: string) => /<answer>\n([\s\S]*)\n<\/answer>/.exec(text)?.[1] ?? "";

async function serve(req: IncomingMessage, res: ServerResponse) {
  const raw = await readRequestText(req);
  const upstream = await fetch(`${simOrigin}${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: raw || undefined });
  const text = await upstream.text();
  if (!req.url?.endsWith("/chat/completions") || upstream.status !== 200) {
    res.writeHead(upstream.status, { "content-type": "application/json" }).end(text);
    return;
  }
  const chat = JSON.parse(raw) as Chat;
  const body = JSON.parse(text) as { model: string; choices: { message: { content: string | null; refusal: string | null }; finish_reason: string }[] };
  body.model = SERVED;
  const choice = body.choices[0];
  if (chat.response_format) {
    seen.judge++;
    const answer = fenced(chat.messages[1].content);
    seen.judgedAnswers.push(answer);
    if (!answer.trim()) seen.judgeOnEmpty++;
  } else {
    const f = fault(chat);
    if (f === "empty") choice.message.content = "";
    if (f === "length") { choice.message.content = (choice.message.content ?? "").split(" ").slice(0, 6).join(" "); choice.finish_reason = "length"; }
    if (f === "refusal") { choice.message.content = null; choice.message.refusal = "I'm sorry, I can't help with that."; }
    if (chat.messages[0].content === NEUTRAL_PROMPT) seen.baselineAnswers.add(choice.message.content ?? "");
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

beforeAll(async () => {
  sim = createSimulatorServer();
  proxy = createServer((req, res) => void serve(req, res));
  simOrigin = await listen(sim);
  origin = await listen(proxy);
  owner = await signUpWithWorkspace({ name: "Oona Outcome" });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Proxy", baseUrl: `${origin}/v1`, defaultModel: "persona-sim-1",
  })).id;
});

afterAll(async () => {
  await new Promise<void>((r) => proxy.close(() => r()));
  await new Promise<void>((r) => sim.close(() => r()));
});

const deps = (extra: Partial<WorkerDeps> = {}): WorkerDeps => ({ workerId: "outcome-worker", sleep: async () => {}, rng: mulberry32(3), ...extra });

async function startRun(targets: Record<string, number>, body: Record<string, unknown>) {
  const persona = await createPersona(owner, { name: "Odile", spec: buildSpec({ traitTargets: targets }) });
  return expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
    // No test–retest sample: its calls (new seed, by design not cached) would blur the judge-call counts here.
    targetProviderId: providerId, targetModel: "persona-sim-1", judgeProviderId: providerId, judgeModel: "persona-sim-1", retestShare: 0, ...body,
  }));
}

async function runToEnd(runId: string, d = deps()) {
  expect(await claimRun(runId, d.workerId)).toBe(true);
  return processRun(runId, d);
}

const detail = async (runId: string): Promise<ProbeRunDetail> =>
  expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));

/** The first sample of items 0, 1, 2 of every trait comes back empty, cut short, refused; every later sample is whole. */
const firstSampleFaults = (chat: Chat): Fault => {
  if ((chat.seed ?? 0) !== 0) return null;
  const user = chat.messages[1]?.content;
  for (const key of ["warm", "firm", "patient"]) {
    const items = probeTrait(key)!.probes;
    if (user === items[0].text) return "empty";
    if (user === items[1].text) return "length";
    if (user === items[2].text) return "refusal";
  }
  return null;
};

describe("answers that are not behaviour", () => {
  it("are stored with their outcome, never judged or scored, asked again once, and counted in the report", async () => {
    fault = firstSampleFaults;
    const judgedBefore = seen.judge;
    const run = await startRun({ warm: 80, firm: 70 }, { traits: ["warm", "firm"], concurrency: 2 });
    expect(await runToEnd(run.id)).toBe("completed");
    const rows = await db.probeAnswer.findMany({ where: { runId: run.id } });
    const at = (kind: string, trait: string, item: number, sample: number) =>
      rows.find((r) => r.kind === kind && r.traitKey === trait && r.itemIndex === item && r.sampleIndex === sample)!;

    for (const kind of ["persona", "baseline"]) {
      for (const trait of ["warm", "firm"]) {
        const empty = at(kind, trait, 0, 0);
        expect(empty).toMatchObject({ outcome: "empty", answer: "", scores: null, judgeOrder: null, finishReason: "stop", status: "done" });
        expect(at(kind, trait, 1, 0)).toMatchObject({ outcome: "truncated", finishReason: "length", scores: null });
        expect(at(kind, trait, 2, 0)).toMatchObject({ outcome: "refused", refusal: true, scores: null });
        // Each was asked again on the same item, with a new sample index, and that answer counts.
        for (const item of [0, 1, 2]) {
          const retried = rows.filter((r) => r.kind === kind && r.traitKey === trait && r.itemIndex === item && r.sampleIndex > 0);
          expect(retried.some((r) => r.outcome === "scored"), `${kind} ${trait} item ${item}`).toBe(true);
        }
      }
    }
    const scored = rows.filter((r) => r.outcome === "scored");
    expect(scored.length).toBeGreaterThan(20);
    for (const r of scored) {
      expect(r.servedModel).toBe(SERVED);
      expect(r.finishReason).toBe("stop");
      expect(r.promptTokens).toBeGreaterThan(0);
      expect([...(JSON.parse(r.judgeOrder!) as string[])].sort()).toEqual(["firm", "warm"]);
    }
    // No judge call was spent on an answer that cannot count.
    expect(seen.judgeOnEmpty).toBe(0);
    expect(seen.judge - judgedBefore).toBeLessThanOrEqual(scored.length);

    const report = (await detail(run.id)).report;
    const count = (kind: string, outcome: string) => rows.filter((r) => r.kind === kind && r.outcome === outcome).length;
    for (const kind of ["persona", "baseline"]) {
      expect(report.outcomes?.[kind]).toEqual({
        scored: count(kind, "scored"), empty: count(kind, "empty"), refused: count(kind, "refused"), truncated: count(kind, "truncated"), failed: 0,
      });
    }
    // The landing is over scored answers only.
    for (const row of report.rows) {
      expect(row.landing.n).toBe(scored.filter((r) => r.kind === "persona" && r.traitKey === row.key && JSON.parse(r.scores!)[row.key] !== null).length);
    }
  });

  it("a cached cut-short or refused answer keeps its outcome: the cache stores what the provider said with the text", async () => {
    fault = firstSampleFaults;
    const first = await startRun({ warm: 80 }, { traits: ["warm"], concurrency: 2 });
    expect(await runToEnd(first.id)).toBe("completed");
    // The provider now answers everything whole; the second run's baseline comes from the cache.
    fault = () => null;
    const second = await startRun({ warm: 75 }, { traits: ["warm"], concurrency: 2 });
    expect(await runToEnd(second.id)).toBe("completed");
    const base = (item: number) => db.probeAnswer.findFirstOrThrow({ where: { runId: second.id, kind: "baseline", traitKey: "warm", itemIndex: item, sampleIndex: 0 } });
    expect(await base(1)).toMatchObject({ outcome: "truncated", finishReason: "length", scores: null });
    expect(await base(2)).toMatchObject({ outcome: "refused", scores: null });
  });

  it("a model that only ever answers empty ends the run at its budget, with no judge call", async () => {
    fault = () => "empty";
    const judgedBefore = seen.judge;
    const run = await startRun({ warm: 80 }, { traits: ["warm", "patient"], budgetPerTrait: 10, seed: 11 });
    expect(await runToEnd(run.id)).toBe("completed");
    const rows = await db.probeAnswer.findMany({ where: { runId: run.id } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.outcome === "empty")).toBe(true);
    for (const kind of ["persona", "baseline"]) {
      for (const trait of ["warm", "patient"]) {
        const n = rows.filter((r) => r.kind === kind && r.traitKey === trait).length;
        expect(n, `${kind} ${trait}`).toBeGreaterThan(0);
        expect(n, `${kind} ${trait}`).toBeLessThanOrEqual(10);
      }
    }
    expect(seen.judge).toBe(judgedBefore);
    const d = await detail(run.id);
    expect(Object.values(JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).doneTraits))).toEqual(["budget", "budget"]);
    expect(d.report.outcomes?.persona.empty).toBe(rows.filter((r) => r.kind === "persona").length);
    expect(d.report.rows.every((r) => r.landing.n === 0)).toBe(true);
  });
});

describe("judge order fixed per answer", () => {
  it("a second run's cached baseline answers get their verdicts from the cache, not a new judge call", async () => {
    fault = () => null;
    const body = { traits: ["warm", "firm", "patient"], budgetPerTrait: 12, concurrency: 2, seed: 7 };
    const first = await startRun({ warm: 90 }, body);
    expect(await runToEnd(first.id)).toBe("completed");
    const baselineFromFirst = new Set(seen.baselineAnswers);
    const judgedBefore = seen.judgedAnswers.length;

    // Another persona, same model, same watched traits: its baseline answers come from the call cache.
    const second = await startRun({ firm: 90 }, body);
    expect(await runToEnd(second.id)).toBe("completed");
    const rejudged = seen.judgedAnswers.slice(judgedBefore).filter((a) => baselineFromFirst.has(a));
    expect(rejudged).toEqual([]);

    const baseline = await db.probeAnswer.findMany({ where: { runId: second.id, kind: "baseline", outcome: "scored" } });
    expect(baseline.length).toBeGreaterThan(10);
    // Same answer, same order: the judge request is identical in both runs.
    const firstBaseline = await db.probeAnswer.findMany({ where: { runId: first.id, kind: "baseline" } });
    const orderOf = new Map(firstBaseline.map((r) => [r.answer, r.judgeOrder]));
    for (const r of baseline) if (orderOf.has(r.answer)) expect(r.judgeOrder).toBe(orderOf.get(r.answer));
    // Baseline items the first run asked come from the cache (answer and verdict); its targeted trait may ask more
    // (an untargeted trait stops on the leak shift with fewer own items: lib/probing/stats/adaptive.ts).
    const reused = baseline.filter((r) => orderOf.has(r.answer)).length;
    expect(reused).toBeGreaterThan(10);
    const runRow = await db.probeRun.findUniqueOrThrow({ where: { id: second.id } });
    expect(runRow.cacheHits).toBeGreaterThanOrEqual(2 * reused - 2);
  });
});

describe("resume and arms", () => {
  it("a resumed run rebuilds its state from the stored outcomes and finishes without duplicates", async () => {
    fault = firstSampleFaults;
    const run = await startRun({ patient: 80 }, { traits: ["patient", "warm"], concurrency: 2, seed: 0, budgetPerTrait: 30 });
    const crash = new AbortController();
    let stored = 0;
    expect(await runToEnd(run.id, deps({ signal: crash.signal, onAnswer: () => { if (++stored === 9) crash.abort(); } }))).toBe("stopped");
    const kept = await db.probeAnswer.findMany({ where: { runId: run.id } });
    expect(kept.some((r) => r.outcome !== "scored")).toBe(true);

    expect(await claimRun(run.id, "other-worker", new Date(Date.now() + LEASE_MS + 1000))).toBe(true);
    expect(await processRun(run.id, deps({ workerId: "other-worker" }))).toBe("completed");
    const rows = await db.probeAnswer.findMany({ where: { runId: run.id } });
    const keys = rows.map((a) => `${a.kind}:${a.traitKey}:${a.itemIndex}:${a.sampleIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    const report = (await detail(run.id)).report;
    for (const row of report.rows) {
      const scored = rows.filter((r) => r.kind === "persona" && r.traitKey === row.key && r.outcome === "scored");
      expect(row.landing.n).toBe(scored.length);
      expect(row.done).not.toBeNull();
      expect(rows.filter((r) => r.kind === "persona" && r.traitKey === row.key).length).toBeLessThanOrEqual(30);
    }
  });

  it("answers an extra arm under its own prompt, on its own traits, and stores it under its kind", async () => {
    fault = () => null;
    const run = await startRun({ warm: 85, firm: 85 }, { traits: ["warm", "firm"], budgetPerTrait: 12 });
    const arm = { kind: "alone:warm", label: "Warm alone", role: "control", systemPrompt: "You are Odile. You are very warm.", traits: ["warm"] };
    await db.probeRun.update({ where: { id: run.id }, data: { arms: JSON.stringify([arm]) } });
    expect(await runToEnd(run.id)).toBe("completed");
    const rows = await db.probeAnswer.findMany({ where: { runId: run.id, kind: "alone:warm" } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(12);
    expect(new Set(rows.map((r) => r.traitKey))).toEqual(new Set(["warm"]));
    expect(rows.every((r) => r.outcome === "scored" && r.scores !== null)).toBe(true);
    const d = await detail(run.id);
    expect(d.report.outcomes?.["alone:warm"]?.scored).toBe(rows.length);
  });
});
