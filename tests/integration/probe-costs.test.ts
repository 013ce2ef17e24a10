import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addReplyUsage, startSimulatorProxy, type ProxiedReply, type SimulatorProxy } from "@/tests/factories/simulator-proxy";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Usage, cost and hard caps (issue 12 §5), end to end over the real
// openai_compatible provider: a proxy in front of the simulator's HTTP endpoint
// counts every chat request that reaches it, the tokens it reported and how many
// were in flight at once — the provider's own bill, to hold the run's figures to.

const PRICES = { inputPricePerM: 2, outputPricePerM: 8 };
const CONCURRENCY = 3;

let proxy: SimulatorProxy;
let owner: Member;
let priced: string;
let unpriced: string;

const bill = { requests: 0, promptTokens: 0, completionTokens: 0, inFlight: 0, maxInFlight: 0 };
const resetBill = () => Object.assign(bill, { requests: 0, promptTokens: 0, completionTokens: 0, inFlight: 0, maxInFlight: 0 });
const billedUsd = () => (bill.promptTokens * PRICES.inputPricePerM + bill.completionTokens * PRICES.outputPricePerM) / 1e6;

const isChat = (req: IncomingMessage) => Boolean(req.url?.endsWith("/chat/completions"));
const hooks = {
  onRequest: (req: IncomingMessage) => {
    if (!isChat(req)) return;
    bill.requests++;
    bill.maxInFlight = Math.max(bill.maxInFlight, ++bill.inFlight);
  },
  onResponse: (req: IncomingMessage, _raw: string, reply: ProxiedReply) => {
    if (!isChat(req)) return;
    bill.inFlight--;
    addReplyUsage(bill, reply);
  },
};


beforeAll(async () => {
  proxy = await startSimulatorProxy(hooks);
  const origin = proxy.origin;
  owner = await signUpWithWorkspace({ name: "Cody Cost" });
  const create = (name: string, prices: object) => owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name, baseUrl: `${origin}/v1`, defaultModel: "persona-sim-1", ...prices });
  priced = expectOk(ops.createProvider, await create("Metered", PRICES)).id;
  unpriced = expectOk(ops.createProvider, await create("Unmetered", {})).id;
});

afterAll(() => proxy.close());

const deps = (extra: Partial<WorkerDeps> = {}): WorkerDeps => ({ workerId: "cost-worker", sleep: async () => {}, rng: mulberry32(5), ...extra });

let personaCount = 0;
async function startRun(body: Record<string, unknown>, providerId = priced, personaId?: string) {
  const persona = personaId ? { id: personaId } : await createPersona(owner, { name: `Cost ${++personaCount}`, spec: buildSpec({ traitTargets: { warm: 80, firm: 70 } }) });
  return owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
    targetProviderId: providerId, judgeProviderId: providerId, judgeModel: "persona-sim-1", retestShare: 0,
    traits: ["warm", "firm"], budgetPerTrait: 60, concurrency: CONCURRENCY, seed: personaCount * 101, ...body,
  });
}

const detail = async (runId: string) => expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));

describe("what a run spends", () => {
  it("records the calls, tokens and cost the provider billed — cache hits are free", async () => {
    resetBill();
    const run = expectOk(ops.createProbeRun, await startRun({ budgetPerTrait: 12 }));
    expect(await claimRun(run.id, "cost-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(bill.requests).toBeGreaterThan(20);
    expect(row).toMatchObject({ modelCalls: bill.requests, promptTokens: bill.promptTokens, completionTokens: bill.completionTokens, capReached: false });
    expect(row.costUsd).toBeCloseTo(billedUsd(), 9);
    const d = await detail(run.id);
    expect(d.usage).toEqual({ promptTokens: bill.promptTokens, completionTokens: bill.completionTokens, costUsd: row.costUsd });
    expect(d.caps).toEqual({ maxCalls: null, maxCostUsd: null, reached: false });

    // The same probe again (same prompt, items and seed): every call is in the cache — nothing billed, nothing spent.
    resetBill();
    const again = expectOk(ops.createProbeRun, await startRun({ budgetPerTrait: 12, seed: run.config.seed }, priced, run.personaId));
    expect(await claimRun(again.id, "cost-worker")).toBe(true);
    expect(await processRun(again.id, deps())).toBe("completed");
    expect(bill.requests).toBe(0);
    expect(await db.probeRun.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ modelCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 });
    expect((await detail(again.id)).progress.cacheHits).toBeGreaterThan(20);
  });

  it("a run on a provider without prices counts tokens but its cost is unknown (null)", async () => {
    resetBill();
    const run = expectOk(ops.createProbeRun, await startRun({ budgetPerTrait: 6, traits: ["warm"] }, unpriced));
    expect(await claimRun(run.id, "cost-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    const d = await detail(run.id);
    expect(d.usage).toEqual({ promptTokens: bill.promptTokens, completionTokens: bill.completionTokens, costUsd: null });
  });

  it("counts every billed call exactly once across a cancel and a resume", async () => {
    resetBill();
    const run = expectOk(ops.createProbeRun, await startRun({ budgetPerTrait: 24 }));
    let answers = 0;
    let gate: Promise<void> | null = null;
    const cancelMidway = async () => {
      // Cancelled from the outside while answers are in flight: those finish (they are paid for) and are counted.
      if (++answers === 10) {
        await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/cancel`, {});
        // Hold the answers after it until the worker's next heartbeat (≤ 1 s) can notice the cancel, so a fast
        // machine cannot finish the whole run first (the worker stores at most 2 × concurrency answers at once).
        gate = new Promise((resolve) => setTimeout(resolve, 1100));
      }
      if (gate) await gate;
    };
    expect(await claimRun(run.id, "cost-worker")).toBe(true);
    expect(await processRun(run.id, deps({ onAnswer: cancelMidway, heartbeatMs: 500 }))).toBe("cancelled");
    const first = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(first.modelCalls).toBe(bill.requests);
    expect(first.promptTokens).toBe(bill.promptTokens);
    const paidBefore = bill.requests;

    expectOk(ops.resumeProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/resume`, {}));
    expect(await claimRun(run.id, "cost-worker-2")).toBe(true);
    expect(await processRun(run.id, deps({ workerId: "cost-worker-2" }))).toBe("completed");
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(bill.requests).toBeGreaterThan(paidBefore);
    expect(row).toMatchObject({ modelCalls: bill.requests, promptTokens: bill.promptTokens, completionTokens: bill.completionTokens });
    expect(row.costUsd).toBeCloseTo(billedUsd(), 9);
  });
});

describe("hard caps", () => {
  it("a call cap: the provider never sees more calls than the cap; the run completes on what was answered", async () => {
    resetBill();
    const run = expectOk(ops.createProbeRun, await startRun({ maxCalls: 40 }));
    expect(await claimRun(run.id, "cost-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    expect(bill.maxInFlight).toBeGreaterThan(1); // calls really overlapped
    expect(bill.requests).toBeLessThanOrEqual(40);
    expect(bill.requests).toBeGreaterThanOrEqual(40 - 2 * CONCURRENCY - 2); // it used the budget, not stopped at once
    const d = await detail(run.id);
    expect(d.status).toBe("completed");
    expect(d.caps).toEqual({ maxCalls: 40, maxCostUsd: null, reached: true });
    expect(d.progress.modelCalls).toBe(bill.requests);
    expect(d.report.final).toBe(true);
    // Neither trait got near its precision on 40 calls: both stopped on the budget.
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(JSON.parse(row.doneTraits)).toEqual({ warm: "budget", firm: "budget" });
    expect(await db.probeAnswer.count({ where: { runId: run.id, status: "done" } })).toBeGreaterThan(10);
  });

  it("a money cap: the bill stays under the cap plus what the calls in flight cost", async () => {
    resetBill();
    const cap = 0.1; // ≈ 35 calls at these prices
    const run = expectOk(ops.createProbeRun, await startRun({ maxCostUsd: cap }));
    expect(await claimRun(run.id, "cost-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row.capReached).toBe(true);
    expect(row.costUsd).toBeCloseTo(billedUsd(), 9);
    const perCall = billedUsd() / bill.requests;
    expect(billedUsd()).toBeLessThanOrEqual(cap + 2 * CONCURRENCY * perCall * 1.5);
    expect(billedUsd()).toBeGreaterThan(cap * 0.75); // it used the budget, not stopped at once
    expect((await detail(run.id)).caps).toEqual({ maxCalls: null, maxCostUsd: cap, reached: true });
  });

  it("a money cap on a provider without prices → 422 naming maxCostUsd; a call cap is fine there", async () => {
    const err = expectError(await startRun({ maxCostUsd: 1 }, unpriced), 422, "maxCostUsd");
    expect(err.message).toMatch(/prices/);
    // The judge counts too: a priced target judged by an unpriced provider cannot be capped in money.
    expectError(await startRun({ maxCostUsd: 1, judgeProviderId: unpriced }), 422, "maxCostUsd");
    // And a simulated user who plays the customer in pressure conversations (issue 14).
    const pressure = { scripts: [], simulatedUser: { goal: "get a refund", trait: "firm", providerId: unpriced, model: "persona-sim-1" } };
    const simErr = expectError(await startRun({ maxCostUsd: 1, pressure }), 422, "maxCostUsd");
    expect(simErr.message).toContain("the simulated user (persona-sim-1)");
    const played = expectOk(ops.createProbeRun, await startRun({ maxCostUsd: 1, pressure: { ...pressure, simulatedUser: { ...pressure.simulatedUser, providerId: priced } } }));
    await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${played.id}/cancel`, {});
    const ok = expectOk(ops.createProbeRun, await startRun({ maxCalls: 10 }, unpriced));
    expect(ok.caps).toEqual({ maxCalls: 10, maxCostUsd: null, reached: false });
    await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${ok.id}/cancel`, {});
  });
});
