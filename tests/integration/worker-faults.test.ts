import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { MAX_RETRY_AFTER_MS } from "@/lib/jobs/model-call";
import { claimRun, LEASE_MS, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import type { ProviderSlots } from "@/lib/jobs/provider-slots-contract";
import { CALL_TIMEOUT_MS } from "@/lib/llm/openai-compatible";
import { mulberry32 } from "@/lib/math/random";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { startFaultProvider, type FaultProvider, type FaultReply } from "@/tests/factories/fault-provider";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The probe worker under faults (issue 15, "Why"): a real OpenAI-compatible
// endpoint on 127.0.0.1 (tests/factories/fault-provider.ts) that is slow, hangs,
// rate-limits or fails on demand, and counts every request that reaches it —
// the provider's own bill, which the run's counters and rows are held to.
// No wall-clock assertions: an injected clock, injected sleeps, and counts.

let fp: FaultProvider;
let owner: Member;
let providerId: string;

beforeAll(async () => {
  fp = await startFaultProvider();
  owner = await signUpWithWorkspace({ name: "Fay Fault" });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Faulty", baseUrl: `${fp.origin}/v1`, defaultModel: "persona-sim-1", inputPricePerM: 2, outputPricePerM: 8,
  })).id;
});

afterAll(() => fp.close());

beforeEach(() => {
  fp.bodies.length = 0;
  Object.assign(fp, { maxInFlight: 0, promptTokens: 0, completionTokens: 0, decide: () => "forward" });
});

let runs = 0;
async function startRun(body: Record<string, unknown> = {}) {
  const persona = await createPersona(owner, { name: `Faulted ${++runs}`, spec: buildSpec({ traitTargets: { warm: 80 } }) });
  return expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
    targetProviderId: providerId, judgeProviderId: providerId, judgeModel: "persona-sim-1", retestShare: 0,
    traits: ["warm"], budgetPerTrait: 6, concurrency: 1, seed: runs * 7919, ...body,
  }));
}

const deps = (extra: Partial<WorkerDeps> = {}): WorkerDeps => ({ workerId: "worker-a", sleep: async () => {}, rng: mulberry32(3), heartbeatMs: 10, ...extra });
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Polls `check` (a few seconds at most): true once it held. */
async function eventually(check: () => boolean | Promise<boolean>, tries = 400): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await pause(10);
  }
  return false;
}
/** The outcome of `p`, or "still running" when it has not ended within a few seconds (a guard, not a timing assertion). */
const settled = <T>(p: Promise<T>) => Promise.race([p, pause(8000).then(() => "still running" as const)]);
const runRow = (id: string) => db.probeRun.findUniqueOrThrow({ where: { id } });

describe("the lease is renewed by a timer, and lasts longer than the longest call", () => {
  it("a call slower than the old 30 s lease: the second worker never takes the live run, and no call is repeated", async () => {
    expect(LEASE_MS).toBeGreaterThan(CALL_TIMEOUT_MS);
    let clock = Date.parse("2026-01-01T00:00:00Z");
    const now = () => new Date(clock);
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    fp.decide = async (_raw, n): Promise<FaultReply> => {
      if (n === 3) await held; // the third call takes as long as the test says (on the injected clock: minutes)
      return "forward";
    };
    const run = await startRun();
    expect(await claimRun(run.id, "worker-a", now())).toBe(true);
    const processing = processRun(run.id, deps({ now }));
    await fp.arrived(3);
    // Two minutes pass on the clock while that one call is in flight (the old lease was 30 s, the call timeout 60 s).
    for (let step = 0; step < 6; step++) {
      clock += 20_000;
      // The timer renews the lease while the run loop waits on the call.
      expect(await eventually(async () => (await runRow(run.id)).heartbeatAt!.getTime() === clock), `renewed at step ${step}`).toBe(true);
      expect(await claimRun(run.id, "worker-b", now())).toBe(false);
    }
    letGo();
    expect(await processing).toBe("completed");
    const row = await runRow(run.id);
    expect(row.leaseOwner).toBeNull();
    expect(new Set(fp.bodies).size).toBe(fp.bodies.length); // no paid call was made twice
    expect(row.modelCalls).toBe(fp.bodies.length);
  });

  it("a renewal that finds the lease taken stops the run's calls at once, the one in flight too", async () => {
    fp.decide = (_raw, n) => (n >= 3 ? "hang" : "forward");
    const run = await startRun();
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    const processing = processRun(run.id, deps());
    await fp.arrived(3);
    await db.probeRun.update({ where: { id: run.id }, data: { leaseOwner: "worker-b" } });
    // Before: the run waited on its hung call (up to the 60 s timeout) and only then noticed.
    expect(await settled(processing)).toBe("lost");
    expect(await eventually(() => fp.inFlight === 0)).toBe(true); // the hung call was abandoned
    expect(fp.bodies).toHaveLength(3);
    expect((await runRow(run.id)).modelCalls).toBe(3);
  });
});

describe("exact call counters", () => {
  it("a worker killed mid-run: the run's calls and tokens are the provider's, then and after a resume", async () => {
    // From the 9th request on the provider never answers: the worker is frozen mid-run with both slots calling.
    fp.decide = (_raw, n) => (n >= 9 ? "hang" : "forward");
    const run = await startRun({ concurrency: 2, budgetPerTrait: 12 });
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    const crash = new AbortController();
    const processing = processRun(run.id, deps({ signal: crash.signal, heartbeatMs: 60_000 }));
    await fp.arrived(10);
    // What the database says at the moment of the crash, before the worker could clean anything up.
    // Before: counters were written only at heartbeats of the run loop, so the calls since the last one were missing.
    expect(await eventually(async () => (await runRow(run.id)).modelCalls === fp.bodies.length)).toBe(true);
    const frozen = await runRow(run.id);
    expect(frozen).toMatchObject({ modelCalls: fp.bodies.length, promptTokens: fp.promptTokens, completionTokens: fp.completionTokens });
    crash.abort();
    expect(await settled(processing)).toBe("stopped");

    fp.decide = () => "forward";
    expect(await claimRun(run.id, "worker-b", new Date(Date.now() + LEASE_MS + 1000))).toBe(true);
    expect(await processRun(run.id, deps({ workerId: "worker-b" }))).toBe("completed");
    const row = await runRow(run.id);
    expect(row).toMatchObject({ modelCalls: fp.bodies.length, promptTokens: fp.promptTokens, completionTokens: fp.completionTokens });
    expect(row.costUsd).toBeCloseTo((fp.promptTokens * 2 + fp.completionTokens * 8) / 1e6, 9);
  });
});

describe("Retry-After is capped and every wait is cancellable", () => {
  const rateLimited = () => ({ status: 429, headers: { "retry-after": "300" }, body: { error: { message: "slow down" } } });

  it("a run sleeping on Retry-After: 300 sleeps at most the cap, and a cancel ends it at once", async () => {
    fp.decide = rateLimited;
    const slept: number[] = [];
    const run = await startRun();
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    // A sleep that never ends by itself: only the run's cancel can end the wait.
    const processing = processRun(run.id, deps({ sleep: (ms) => (slept.push(ms), new Promise<void>(() => {})) }));
    expect(await eventually(() => slept.length > 0)).toBe(true);
    // Before: the header was honoured as is (300 000 ms).
    expect(Math.max(...slept)).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
    expect(Math.max(...slept)).toBe(MAX_RETRY_AFTER_MS);
    const sent = fp.bodies.length;
    expectOk(ops.cancelProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/cancel`));
    // Before: the sleep ignored the cancel and the run stayed in it.
    expect(await settled(processing)).toBe("cancelled");
    expect(fp.bodies.length).toBe(sent);
  });

  it("stopping the worker wakes the run's sleeps too", async () => {
    fp.decide = rateLimited;
    const slept: number[] = [];
    const run = await startRun();
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    const stopping = new AbortController();
    const processing = processRun(run.id, deps({ signal: stopping.signal, sleep: (ms) => (slept.push(ms), new Promise<void>(() => {})) }));
    expect(await eventually(() => slept.length > 0)).toBe(true);
    stopping.abort();
    expect(await settled(processing)).toBe("stopped");
  });
});

describe("failed answers are asked again on resume", () => {
  it("a run failed by an outage spends its whole budget on answers once resumed", async () => {
    // Two answers (target + judge each) come through, then the provider fails everything until it is back.
    let outage = true;
    fp.decide = (_raw, n) => (n > 4 && outage ? { status: 500, body: { error: { message: "down" } } } : "forward");
    const run = await startRun({ targetHalfWidth: 1, budgetPerTrait: 12 });
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    expect(await processRun(run.id, deps({ maxAttempts: 1 }))).toBe("failed");
    const failedRows = await db.probeAnswer.count({ where: { runId: run.id, status: "failed" } });
    expect(failedRows).toBeGreaterThanOrEqual(8);

    outage = false;
    expectOk(ops.resumeProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/resume`));
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    const rows = await db.probeAnswer.findMany({ where: { runId: run.id } });
    // Before: the failed rows stayed and used the budget up (a 36-answer budget ended at 28 answers).
    expect(rows.filter((r) => r.status === "failed")).toHaveLength(0);
    // The persona arm's budget (12) is spent on answers (the baseline arm follows its own shift rule).
    expect(rows.filter((r) => r.kind === "persona" && r.status === "done")).toHaveLength(12);
    const keys = rows.map((a) => `${a.kind}:${a.traitKey}:${a.itemIndex}:${a.sampleIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect((await runRow(run.id)).modelCalls).toBe(fp.bodies.length);
  });
});

describe("hung calls", () => {
  it("a call that hangs is abandoned at the run's adaptive deadline and asked again once", { timeout: 60_000 }, async () => {
    // After 12 requests, the first arrival of every 4th new request hangs (until the client gives up on it).
    const hung = new Set<string>();
    const seen = new Set<string>();
    fp.decide = (raw, n) => {
      const first = !seen.has(raw);
      seen.add(raw);
      if (first && n > 12 && n % 4 === 0 && hung.size < 3) {
        hung.add(raw);
        return "hang";
      }
      return "forward";
    };
    const run = await startRun({ concurrency: 2, budgetPerTrait: 10 });
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    // Before: each hung call cost the whole 60 s timeout (this test's own timeout is 60 s for all three).
    expect(await processRun(run.id, deps({ deadlineOptions: { floorMs: 3000 } }))).toBe("completed");
    expect(hung.size).toBe(3);
    // Each hung request was sent exactly twice (the abandoned attempt and its retry); every other one once.
    const sent = new Map<string, number>();
    for (const b of fp.bodies) sent.set(b, (sent.get(b) ?? 0) + 1);
    for (const [body, count] of sent) expect(count).toBe(hung.has(body) ? 2 : 1);
    expect(await db.probeAnswer.count({ where: { runId: run.id, status: "failed" } })).toBe(0);
    // The abandoned attempts reached the provider: they are paid calls.
    expect((await runRow(run.id)).modelCalls).toBe(fp.bodies.length);
  });
});

describe("the per-provider concurrency limit", () => {
  /** At most `limit` slots at once, counted (the scheduler's shared implementation stands behind the same contract). */
  function countingSlots(limit: number) {
    const s = { inUse: 0, max: 0, acquired: 0, providers: new Set<string>() };
    const waiting: (() => void)[] = [];
    const slots: ProviderSlots = {
      acquire: async (id) => {
        while (s.inUse >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
        s.inUse++;
        s.acquired++;
        s.providers.add(id);
        s.max = Math.max(s.max, s.inUse);
        let held = true;
        return () => {
          if (!held) return;
          held = false;
          s.inUse--;
          waiting.shift()?.();
        };
      },
    };
    return { slots, s };
  }

  it("every model call — answers, judges, reliability retests — holds a slot: at most N in flight", async () => {
    const { slots, s } = countingSlots(2);
    const run = await startRun({ concurrency: 6, budgetPerTrait: 12, retestShare: 0.5 });
    expect(await claimRun(run.id, "worker-a")).toBe(true);
    expect(await processRun(run.id, deps({ slots }))).toBe("completed");
    expect(await db.probeJudgment.count({ where: { runId: run.id, role: "retest" } })).toBeGreaterThan(0);
    // Before: the slots were never asked (0 acquired) and up to 6 answers called at once.
    expect(s.acquired).toBe(fp.bodies.length);
    expect(s.providers).toEqual(new Set([providerId]));
    expect(s.max).toBe(2);
    expect(fp.maxInFlight).toBeLessThanOrEqual(2);
    expect(s.inUse).toBe(0);
  });
});
