import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addReplyUsage, startSimulatorProxy, type ProxiedReply, type SimulatorProxy } from "@/tests/factories/simulator-proxy";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The caps hold for every call that reaches the provider (issue 12 §5): retries of
// a failed call are reserved before they are sent, and the very first batch of a
// money-capped run is sized from a projection of the requests' cost, before any
// cost is known. A proxy in front of the simulator's HTTP endpoint counts every
// chat request that reaches it — the provider's own count, to hold the caps to.

const PRICES = { inputPricePerM: 2, outputPricePerM: 8 };

let proxy: SimulatorProxy;
let owner: Member;
let priced: string;

const bill = { requests: 0, inFlight: 0, maxInFlight: 0, promptTokens: 0, completionTokens: 0 };
/** Each distinct request body that `flaky` picks is refused with a 500 `failFirst` times, then answered. */
let failFirst = 0;
let flaky: (raw: string) => boolean = () => true;
const seen = new Map<string, number>();
const reset = (fail: number, only: (raw: string) => boolean = () => true) => {
  Object.assign(bill, { requests: 0, inFlight: 0, maxInFlight: 0, promptTokens: 0, completionTokens: 0 });
  failFirst = fail;
  flaky = only;
  seen.clear();
};
/** The judge's requests ask for structured output; the target's do not. */
const isJudge = (raw: string) => raw.includes("\"response_format\"");

const isChat = (req: IncomingMessage) => Boolean(req.url?.endsWith("/chat/completions"));

beforeAll(async () => {
  proxy = await startSimulatorProxy({
    intercept: (req, raw) => {
      if (!isChat(req)) return undefined;
      bill.requests++; // every request that reaches the provider, failed or not
      const n = seen.get(raw) ?? 0;
      seen.set(raw, n + 1);
      if (flaky(raw) && n < failFirst) return { status: 500, text: JSON.stringify({ error: { message: "upstream overloaded" } }) };
      bill.maxInFlight = Math.max(bill.maxInFlight, ++bill.inFlight);
      return undefined;
    },
    onResponse: (req: IncomingMessage, _raw: string, reply: ProxiedReply) => {
      if (!isChat(req)) return;
      bill.inFlight--;
      addReplyUsage(bill, reply);
    },
  });
  owner = await signUpWithWorkspace({ name: "Rita Retry" });
  priced = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Flaky metered", baseUrl: `${proxy.origin}/v1`, defaultModel: "persona-sim-1", ...PRICES,
  })).id;
});

afterAll(() => proxy.close());

const deps = (): WorkerDeps => ({ workerId: "cap-worker", sleep: async () => {}, rng: mulberry32(9) });

let personaCount = 0;
async function runToEnd(body: Record<string, unknown>) {
  const persona = await createPersona(owner, { name: `Capped ${++personaCount}`, spec: buildSpec({ traitTargets: { warm: 80, firm: 70 } }) });
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
    targetProviderId: priced, judgeProviderId: priced, judgeModel: "persona-sim-1", retestShare: 0,
    traits: ["warm", "firm"], budgetPerTrait: 40, concurrency: 4, seed: personaCount * 7919, ...body,
  }));
  expect(await claimRun(run.id, "cap-worker")).toBe(true);
  expect(await processRun(run.id, deps())).toBe("completed");
  return db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
}

describe("retries stay inside the call cap", () => {
  it("a provider that fails twice before answering: the calls reaching it never pass maxCalls", async () => {
    reset(2);
    // Before: each of the 4 first answers held 2 calls, and its target call alone took 3 attempts (12 > 10).
    const row = await runToEnd({ maxCalls: 10 });
    expect(bill.requests).toBeLessThanOrEqual(10);
    expect(bill.requests).toBeGreaterThanOrEqual(8); // it used the cap, not stopped at once
    expect(row).toMatchObject({ status: "completed", capReached: true, modelCalls: bill.requests });
    const failed = await db.probeAnswer.findMany({ where: { runId: row.id, status: "failed" } });
    expect(failed.length).toBeGreaterThan(0);
    for (const a of failed) expect(a.error).toMatch(/^capped: Stopped at the run's cap/);
  });

  it("judge retries too: a judge that fails twice before each verdict stops at the cap", async () => {
    reset(2, isJudge);
    // Before: 3 answers held 2 calls each (6 ≤ 7), and each made 1 target call and 3 judge attempts (12 > 7).
    const row = await runToEnd({ maxCalls: 7 });
    expect(bill.requests).toBeLessThanOrEqual(7);
    expect(bill.requests).toBeGreaterThanOrEqual(5);
    expect(row).toMatchObject({ status: "completed", capReached: true, modelCalls: bill.requests });
    const failed = await db.probeAnswer.findMany({ where: { runId: row.id, status: "failed" } });
    expect(failed.length).toBeGreaterThan(0);
    for (const a of failed) expect(a.error).toMatch(/^capped: Stopped at the run's cap/);
  });

  it("the reliability pass's retests too: each attempt asks the cap before it is sent", async () => {
    reset(0);
    const first = await runToEnd({ budgetPerTrait: 12 });
    // The same probe again: its answers and verdicts come from the cache (free); only the retests (a new seed
    // per run) reach the judge, which fails each twice before answering.
    const { personaId, config } = await db.probeRun.findUniqueOrThrow({ where: { id: first.id }, select: { personaId: true, config: true } });
    reset(2, (raw) => isJudge(raw) && raw.includes("\"seed\""));
    const again = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/probe-runs`, {
      targetProviderId: priced, judgeProviderId: priced, judgeModel: "persona-sim-1", retestShare: 0.5, traits: ["warm", "firm"],
      budgetPerTrait: 12, concurrency: 4, seed: (JSON.parse(config) as { seed: number }).seed, maxCalls: 8,
    }));
    expect(await claimRun(again.id, "cap-worker")).toBe(true);
    // Before: a batch of 4 retests fitted the cap of 8, and each took 3 attempts (12 > 8).
    expect(await processRun(again.id, deps())).toBe("completed");
    expect(bill.requests).toBeGreaterThan(0);
    expect(bill.requests).toBeLessThanOrEqual(8);
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: again.id } });
    expect(row).toMatchObject({ capReached: true, modelCalls: bill.requests });
    // A retest that was not sent is not recorded as the judge's failure.
    expect(await db.probeJudgment.count({ where: { runId: again.id, status: "failed" } })).toBe(0);
  });
});

describe("the first batch of a money-capped run", () => {
  it("is sized from the requests' projected cost: a cap that fits two calls lets two calls reach the provider", async () => {
    reset(0);
    // Measure one answer's two calls (target + judge) at these prices.
    const probe = await runToEnd({ maxCalls: 2 });
    expect(bill.requests).toBe(2);
    const oneAnswerUsd = (bill.promptTokens * PRICES.inputPricePerM + bill.completionTokens * PRICES.outputPricePerM) / 1e6;
    expect(probe.costUsd).toBeCloseTo(oneAnswerUsd, 9);

    // Before: no cost was known while the first batch left, so 4 answers (4 target calls, then their judges) went out.
    reset(0);
    const row = await runToEnd({ maxCostUsd: oneAnswerUsd * 1.5 });
    expect(row.capReached).toBe(true);
    expect(bill.requests).toBeGreaterThan(0);
    expect(bill.requests).toBeLessThanOrEqual(3);
    expect(bill.maxInFlight).toBe(1);
    expect(row.modelCalls).toBe(bill.requests);
  });
});
