import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimableRuns, claimRun, LEASE_MS, processRun, releaseDeadLocalLeases, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { inferPosition } from "@/lib/llm/simulator/infer";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { expectedLanding } from "@/lib/llm/simulator/space";
import { LlmError, type Provider } from "@/lib/llm/types";
import { mulberry32 } from "@/lib/math/random";
import { compilePersona } from "@/lib/persona/compile";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Probe runs end to end on a real database: the route creates the run, the
// worker (the same code the in-process worker and `npm run worker` run) answers,
// judges and stores, the route reads the report. The simulator is the ground truth.

let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Paz" });
});

/** A provider wrapper that counts model calls and can be made to fail. */
function counting(inner: Provider, fail?: (n: number) => LlmError | null) {
  let calls = 0;
  const provider: Provider = {
    kind: inner.kind,
    label: inner.label,
    listModels: (s) => inner.listModels(s),
    chat: async (req) => {
      calls++;
      const err = fail?.(calls);
      if (err) throw err;
      return inner.chat(req);
    },
    stream: (req) => inner.stream(req),
  };
  return { provider, calls: () => calls };
}

function deps(provider: Provider, extra: Partial<WorkerDeps> = {}): WorkerDeps {
  const resolved = (model: string): ResolvedProvider => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator" });
  return { workerId: "test-worker", sleep: async () => {}, rng: mulberry32(1), resolve: async (_w, _p, model) => resolved(model), ...extra };
}

async function startRun(member: Member, spec = buildSpec(), body: Record<string, unknown> = {}) {
  const persona = await createPersona(member, { name: spec.name, spec });
  const run = expectOk(ops.createProbeRun, await member.api.post(`${personaPath(member.workspaceId, persona.id)}/probe-runs`, body));
  return { persona, run };
}

async function report(member: Member, runId: string): Promise<ProbeRunDetail> {
  return expectOk(ops.getProbeRun, await member.api.get(`${wsPath(member.workspaceId)}/probe-runs/${runId}`));
}

async function runToEnd(runId: string, d: WorkerDeps) {
  expect(await claimRun(runId, d.workerId)).toBe(true);
  return processRun(runId, d);
}

describe("the simulator as ground truth", () => {
  it("flags a hand-written \"kind but firm\" that lands short on both, backed by answers", async () => {
    // A plain prompt asking for both: on the simulator both land below 70. A hand-written prompt never said "always",
    // so each landing is judged against its number (95 ± the tolerance: 85–100), not a compiled band.
    const spec = buildSpec({
      archetype: "", background: "", values: [], boundaries: [], voice: { register: "neutral", tone: "", length: "moderate" },
      traitTargets: { empathetic: 95, firm: 95 }, promptOverride: "You are kind but firm with the people you help.",
    });
    const { run } = await startRun(owner, spec, { traits: ["empathetic", "firm", "warm", "assertive"] });
    expect(run.status).toBe("queued");
    expect(await runToEnd(run.id, deps(new SimulatorProvider()))).toBe("completed");
    const detail = await report(owner, run.id);
    expect(detail.status).toBe("completed");
    expect(detail.report.final).toBe(true);
    const flag = detail.report.flags.find((f) => (f.kind === "tension" || f.kind === "compromise") && f.traits.includes("empathetic") && f.traits.includes("firm"));
    expect(flag, JSON.stringify(detail.report.flags.map((f) => f.title))).toBeTruthy();
    expect(flag!.evidence.answerIds?.length).toBeGreaterThan(0);
    // The verdict line on top names that finding (one flag explains both shortfalls; leaks are side effects).
    expect(detail.report.verdictLine).toMatchObject({ severity: flag!.severity, flagIds: [flag!.id] });
    expect(detail.report.verdictLine!.text).toContain("— the main issue");
    // Without control arms (a hand-written prompt cannot be recompiled without one target) it never claims a compromise.
    expect(flag!.title).not.toContain("compromise");
    expect(detail.report.controlPairs).toBeUndefined();
    // The evidence points at real stored answers with their judge scores.
    const evidence = expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/answers`, { ids: flag!.evidence.answerIds!.join(",") }));
    expect(evidence).toHaveLength(flag!.evidence.answerIds!.length);
    expect(evidence[0].scores).toHaveProperty("empathetic");
    // The rows say what the flag says: both targets judged short of their window.
    for (const key of ["empathetic", "firm"]) {
      const row = detail.report.rows.find((r) => r.key === key)!;
      expect(row.judged, key).toMatchObject({ against: "target", window: { lo: 85, hi: 100 } });
      expect(["miss", "not clearly off target"], key).toContain(row.judged!.verdict);
    }
    expect(detail.report.rows.some((r) => r.judged?.verdict === "miss")).toBe(true);

    // Landings agree with where the simulator put the persona. A targeted trait is sampled to its landing's
    // precision; an untargeted one may stop once its shift over all the run's items is precise (leakage reads that).
    const truth = expectedLanding(inferPosition(detail.systemPrompt).z, 0.7);
    for (const row of detail.report.rows) {
      const precise = row.target !== null ? row.landing.halfWidth : (row.leakShift ?? row.shift).halfWidth;
      expect(precise!, row.key).toBeLessThanOrEqual(5.5);
      if (row.landing.halfWidth! <= 5.5) expect(Math.abs(row.landing.mean! - truth[row.key]), row.key).toBeLessThanOrEqual(6);
      expect(row.shift.difference).not.toBeNull();
    }
  });

  it("answers the control arms of a compiled \"always empathetic, always firm\" and says compromise only when they show one", async () => {
    const spec = buildSpec({
      archetype: "", background: "", values: [], boundaries: [], voice: { register: "neutral", tone: "", length: "moderate" },
      traitTargets: { empathetic: 95, firm: 95 },
    });
    const { run } = await startRun(owner, spec, { traits: ["empathetic", "firm", "warm", "assertive"] });
    expect(run.arms?.map((a) => a.kind).sort()).toEqual(["control:empathetic", "control:firm"]);
    expect(await runToEnd(run.id, deps(new SimulatorProvider()))).toBe("completed");
    const detail = await report(owner, run.id);
    for (const kind of ["control:empathetic", "control:firm"]) {
      const answers = expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/answers`, { kind, limit: "500" }));
      expect(answers.length, kind).toBeGreaterThan(0);
      expect(answers.every((a) => a.traitKey === kind.slice("control:".length)), kind).toBe(true);
    }
    // A compiled prompt said "Always …": the landing is judged against that band (85–100, ± the tolerance).
    for (const key of ["empathetic", "firm"]) expect(detail.report.rows.find((r) => r.key === key)!.judged, key).toMatchObject({ against: "instructed", window: { lo: 75, hi: 100 } });
    const pair = detail.report.controlPairs?.find((p) => p.traits.join("+") === "empathetic+firm");
    expect(pair, JSON.stringify(detail.report.controlPairs)).toBeTruthy();
    expect(pair!.comparisons.map((c) => c.trait)).toEqual(["empathetic", "firm"]);
    for (const c of pair!.comparisons) expect(c.items).toBeGreaterThan(0);
    // One verdict: the flag list agrees with controlPairs.
    const compromise = detail.report.flags.find((f) => f.kind === "compromise" && f.traits.includes("empathetic") && f.traits.includes("firm"));
    const saysCompromise = compromise?.title.includes("settle at a compromise") ?? false;
    expect(saysCompromise, JSON.stringify({ verdict: pair!.verdict, flags: detail.report.flags.map((f) => f.title) })).toBe(pair!.verdict === "compromise" && compromise !== undefined);
    if (compromise && !saysCompromise) expect(compromise.explanation).toContain(`Control verdict: ${pair!.verdict}`);
    if (pair!.verdict !== "compromise") expect(saysCompromise).toBe(false);
  });

  it("shows contrarian rising with skeptical targeted high: it came with the character type (a reinforcing pair), a warning", async () => {
    const spec = buildSpec({ archetype: "", traitTargets: { skeptical: 85 } });
    const { run } = await startRun(owner, spec);
    expect(run.watched).toEqual(expect.arrayContaining(["skeptical", "contrarian"]));
    expect(await runToEnd(run.id, deps(new SimulatorProvider()))).toBe("completed");
    const detail = await report(owner, run.id);
    const leak = detail.report.flags.find((f) => f.kind === "leakage" && f.traits.includes("contrarian"));
    expect(leak, JSON.stringify(detail.report.flags.map((f) => f.title))).toBeTruthy();
    expect(leak).toMatchObject({ severity: "warn", title: "Contrarian came with the character type: rose with Skeptical", expected: { with: ["skeptical"] } });
    expect(leak!.expected!.reason).toContain("Skeptical, which you targeted up to 85");
  });

  it("gives a coherent archetype landing where intended no flags", async () => {
    const prompt = compilePersona({ ...buildSpec({ archetype: "a veteran ER triage nurse", traitTargets: {} }), name: "Rosa", background: "", values: [], boundaries: [] }).prompt;
    const land = expectedLanding(inferPosition(prompt).z, 0.7);
    const watched = ["empathetic", "firm", "cautious", "direct"];
    const targets = Object.fromEntries(watched.map((k) => [k, Math.round(land[k])]));
    // Same spec with those targets, but the run measures the prompt without them: use a hand-written override.
    const spec = buildSpec({ name: "Rosa", archetype: "a veteran ER triage nurse", background: "", values: [], boundaries: [], traitTargets: targets, promptOverride: prompt });
    const { run } = await startRun(owner, spec, { traits: watched });
    expect(await runToEnd(run.id, deps(new SimulatorProvider()))).toBe("completed");
    const detail = await report(owner, run.id);
    expect(detail.report.flags.map((f) => f.title)).toEqual([]);
    expect(detail.report.verdictLine).toMatchObject({ severity: expect.stringMatching(/^(ok|pending)$/), flagIds: [] });
    expect(detail.report.verdictLine!.text).toMatch(/^(On target: every targeted trait lands within tolerance|Not settled: )/);
  });
});

describe("nothing is lost", () => {
  it("resumes after a crash with no duplicate answers and no repeated paid call", async () => {
    const spec = buildSpec({ traitTargets: { empathetic: 80 } });
    const { run } = await startRun(owner, spec, { traits: ["empathetic", "warm"], concurrency: 2 });
    const first = counting(new SimulatorProvider());
    const crash = new AbortController();
    let stored = 0;
    const outcome = await runToEnd(run.id, deps(first.provider, { signal: crash.signal, onAnswer: () => { if (++stored === 20) crash.abort(); } }));
    expect(outcome).toBe("stopped");
    const kept = await db.probeAnswer.count({ where: { runId: run.id } });
    expect(kept).toBeGreaterThanOrEqual(20);

    // The dead worker's lease expires; another worker takes the run over.
    const second = counting(new SimulatorProvider());
    const later = new Date(Date.now() + LEASE_MS + 1000);
    expect(await claimRun(run.id, "other-worker", later)).toBe(true);
    expect(await processRun(run.id, deps(second.provider, { workerId: "other-worker" }))).toBe("completed");

    const answers = await db.probeAnswer.findMany({ where: { runId: run.id } });
    const keys = answers.map((a) => `${a.kind}:${a.traitKey}:${a.itemIndex}:${a.sampleIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every answer costs two calls (answer + judge) and every second judgment (the test–retest pass after sampling)
    // one; the second worker paid only for new ones.
    const judgments = await db.probeJudgment.count({ where: { runId: run.id } });
    expect(second.calls()).toBeLessThanOrEqual(2 * (answers.length - kept) + judgments);
    expect(first.calls() + second.calls()).toBeLessThanOrEqual(2 * answers.length + judgments + 4);
    const detail = await report(owner, run.id);
    expect(detail.progress.answers).toBe(answers.length);
  });

  it("takes over at once, after a restart, a run whose worker on this machine died (no lease wait)", async () => {
    const { run } = await startRun(owner, buildSpec({ traitTargets: { empathetic: 80 } }), { traits: ["empathetic"] });
    const host = "studio-host";
    // A worker of this host whose process no longer exists (pid far above any live one), with a fresh heartbeat.
    await db.probeRun.update({ where: { id: run.id }, data: { status: "running", leaseOwner: `worker-${host}-4194303-deadbeef`, heartbeatAt: new Date() } });
    expect(await claimableRuns()).not.toContain(run.id);
    // A live process's lease (this one) and another host's lease are left alone.
    const alive = await startRun(owner, buildSpec({ traitTargets: { firm: 80 } }), { traits: ["firm"] });
    await db.probeRun.update({ where: { id: alive.run.id }, data: { status: "running", leaseOwner: `worker-${host}-${process.pid}-cafebabe`, heartbeatAt: new Date() } });
    const elsewhere = await startRun(owner, buildSpec({ traitTargets: { warm: 80 } }), { traits: ["warm"] });
    await db.probeRun.update({ where: { id: elsewhere.run.id }, data: { status: "running", leaseOwner: "worker-other-host-4194303-deadbeef", heartbeatAt: new Date() } });

    expect(await releaseDeadLocalLeases(host, -1)).toEqual([run.id]);
    expect(await claimableRuns()).toContain(run.id);
    expect(await claimableRuns()).not.toContain(alive.run.id);
    expect(await claimableRuns()).not.toContain(elsewhere.run.id);
    expect(await runToEnd(run.id, deps(new SimulatorProvider()))).toBe("completed");
    await db.probeRun.updateMany({ where: { id: { in: [alive.run.id, elsewhere.run.id] } }, data: { status: "cancelled", leaseOwner: null } });
  });

  it("retries rate limits with backoff and keeps going", async () => {
    const { run } = await startRun(owner, buildSpec({ traitTargets: { firm: 80 } }), { traits: ["firm"] });
    const waits: number[] = [];
    const flaky = counting(new SimulatorProvider(), (n) => (n % 5 === 0 ? new LlmError("rate_limit", "429", 429, 1000) : null));
    expect(await runToEnd(run.id, deps(flaky.provider, { sleep: async (ms) => void waits.push(ms) }))).toBe("completed");
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1000); // honours retry-after
    expect(await db.probeAnswer.count({ where: { runId: run.id, status: "failed" } })).toBe(0);
  });

  it("records malformed judge output as failures — never as a silent zero — and fails the run with the reason", async () => {
    const { run } = await startRun(owner, buildSpec({ traitTargets: { firm: 80 } }), { traits: ["firm"], seed: 101 });
    const sim = new SimulatorProvider();
    const broken: Provider = { ...sim, kind: "simulator", label: sim.label, listModels: (s) => sim.listModels(s), stream: (r) => sim.stream(r),
      chat: async (req) => (req.responseFormat ? { ...(await sim.chat({ ...req, responseFormat: undefined })), text: "{ not json" } : sim.chat(req)) };
    expect(await runToEnd(run.id, deps(broken))).toBe("failed");
    const failed = await db.probeAnswer.findMany({ where: { runId: run.id } });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((a) => a.status === "failed" && a.scores === null && a.error?.startsWith("invalid_output"))).toBe(true);
    const detail = await report(owner, run.id);
    expect(detail.status).toBe("failed");
    expect(detail.error).toMatch(/in a row failed/);
    expect(detail.report.rows[0].landing.n).toBe(0);

    // Resume continues the same run once the judge behaves.
    expectOk(ops.resumeProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/resume`));
    expect(await runToEnd(run.id, deps(sim))).toBe("completed");
  });

  it("stops a cancelled run and keeps its answers", async () => {
    const { run } = await startRun(owner, buildSpec({ traitTargets: { firm: 80 } }), { traits: ["firm", "warm"], seed: 202, concurrency: 1 });
    let n = 0;
    const d = deps(new SimulatorProvider(), {
      // The designer presses Cancel while the fifth answer is being stored.
      onAnswer: async () => {
        if (++n === 5) expectOk(ops.cancelProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/cancel`));
      },
    });
    expect(await runToEnd(run.id, d)).toBe("cancelled");
    const detail = await report(owner, run.id);
    expect(detail.status).toBe("cancelled");
    expect(detail.progress.answers).toBeGreaterThanOrEqual(5);
  });
});

describe("identical-call cache", () => {
  it("reuses the baseline of an earlier run on the same model", async () => {
    const a = await startRun(owner, buildSpec({ traitTargets: { humble: 80 } }), { traits: ["humble"] });
    const one = counting(new SimulatorProvider());
    await runToEnd(a.run.id, deps(one.provider));
    const b = await startRun(owner, buildSpec({ traitTargets: { humble: 30 } }), { traits: ["humble"] });
    const two = counting(new SimulatorProvider());
    await runToEnd(b.run.id, deps(two.provider));
    const detail = await report(owner, b.run.id);
    expect(detail.progress.cacheHits).toBeGreaterThan(0);
    const baselineAnswers = await db.probeAnswer.count({ where: { runId: b.run.id, kind: "baseline" } });
    expect(two.calls()).toBeLessThan(2 * (detail.progress.answers) - baselineAnswers);
  });
});

describe("the API", () => {
  it("refuses a persona with nothing to measure, naming the field", async () => {
    const persona = await createPersona(owner, { name: "Blank" });
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {}), 422, "traits");
  });

  it("lets viewers read reports but not start probes", async () => {
    const viewer = await addTeammate(owner, "viewer");
    const persona = await createPersona(owner);
    expectError(await viewer.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {}), 403);
    const { run } = await startRun(owner);
    expectOk(ops.getProbeRun, await viewer.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}`));
  });

  it("serves the trait library", async () => {
    const lib = expectOk(ops.traitLibrary, await owner.api.get("/api/traits"));
    expect(lib.traits).toHaveLength(24);
    expect(lib.traits.every((t) => t.items.length >= 12)).toBe(true);
  });
});
