// bench/panel-probe — how close a panel probe gets to the physical limit, and
// how many model calls reusing member answers saves (issue 13 "Done means").
//
// The real worker (processBatch: the member runs side by side; then the blind
// distinguishability pass) on a fresh SQLite file talks through
// OpenAiCompatibleProvider to the simulator's HTTP server in its own process
// with a fixed latency L; calls are counted at the server.
//
//  1. The ceiling experiment, cold cache: 4 members (two of them the same
//     sceptic in other words) × 2 arms (all on persona-sim-2 / routed across
//     persona-sim-2 and -3), W traits × N items each, persona + baseline, one
//     judge (persona-sim-1) for all. Physical limit: member runs proceed side by
//     side at concurrency C each, and an answer is a generation then a judgment,
//     so no run can finish before answers × 2L ÷ C (every run has the same
//     answers); the distinguishability pass follows, its calls × L ÷ C. Prints
//     wall ÷ limit (goal ≤ 1.15) and the calls the cache and in-flight sharing
//     saved inside the experiment (shared baselines per seat, members whose seat
//     is the same in both arms).
//  2. Members probed alone first (what a designer does before assembling a
//     panel), then the panel's divergence probe: the calls it needed without
//     reuse vs the calls it paid.
// Usage: npm run bench:panel [-- --latency 500 --concurrency 4 --items 20 --seed 7]

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { intArg } from "./args";
import { freshDatabase } from "./fresh-database";
import { serveIfChild, simulatorInChild, simulatorWorkerDeps } from "./simulator-child";

const LATENCY = intArg("latency", 500);
const CONCURRENCY = intArg("concurrency", 4);
const ITEMS = intArg("items", 20);
const SEED = intArg("seed", 7);
const WATCHED = ["skeptical", "warm", "formal", "playful", "direct", "curious"];
const ANSWERS_PER_PAIR = 8;
const JUDGE = { judgeProviderId: "simulator", judgeModel: "persona-sim-1" };

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const MEMBERS = [
  { key: "skeptic", name: "Skeptic", archetype: "a sceptical fact-checker who distrusts claims until they are shown", targets: { skeptical: 85, warm: 30 } },
  { key: "doubter", name: "Doubter", archetype: "a fact-checker, sceptical, who does not trust a claim until it is shown", targets: { skeptical: 85, warm: 30 } },
  { key: "host", name: "Host", archetype: "a warm, playful radio host who explains things simply", targets: { warm: 85, playful: 80 } },
  { key: "clerk", name: "Clerk", archetype: "a formal court clerk who answers precisely and briefly", targets: { formal: 85, direct: 75 } },
];

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), "ps-bench-panel-"));
  process.env.DATABASE_URL = `file:${freshDatabase(tmp)}`;
  process.env.PERSONA_STUDIO_DATA_DIR = path.join(tmp, "data");
  const { db } = await import("../lib/db/client");
  const { processBatch } = await import("../lib/jobs/runner");
  const { processDistinguish } = await import("../lib/jobs/panel-distinguish");
  const { emptySpec } = await import("../lib/schemas/persona");
  const { createPanel } = await import("../lib/services/panels/panels");
  const { createPanelRun } = await import("../lib/services/panels/panel-runs");
  const { buildPanelReport } = await import("../lib/services/panels/panel-report");
  const { createProbeRun } = await import("../lib/services/probes/probe-runs");
  const { createPanelRunBody } = await import("../lib/schemas/panel-run");
  const { createProbeRunBody } = await import("../lib/schemas/probe");

  const sim = await simulatorInChild(__filename, LATENCY);
  const deps = await simulatorWorkerDeps(sim.port, SEED);

  const workspace = async (name: string) => {
    const ws = await db.workspace.create({ data: { name } });
    const ctx = { userId: "bench", userName: "Bench", email: "bench@example.test", workspaceId: ws.id, role: "owner" as const };
    const personas = [];
    for (const m of MEMBERS) {
      const spec = { ...emptySpec(m.name), archetype: m.archetype, traitTargets: m.targets };
      personas.push(await db.persona.create({
        data: { workspaceId: ws.id, slug: m.key, name: m.name, archetype: m.archetype, spec: JSON.stringify(spec), createdById: "bench", updatedById: "bench", updatedByName: "Bench" },
      }));
    }
    const seat = (model: string) => ({ providerId: "simulator", model });
    const panel = await createPanel(ctx, {
      name: `${name} panel`,
      spec: {
        members: MEMBERS.map((m, i) => ({ key: m.key, personaId: personas[i].id, version: "latest" as const })),
        polarityPairs: [{ a: "skeptic", b: "host", axis: { trait: "skeptical" }, direction: "a_higher" as const }],
        groups: [], questions: [], activePlan: "routed" as const,
        plans: {
          single: { seats: Object.fromEntries(MEMBERS.map((m) => [m.key, seat("persona-sim-2")])) },
          routed: { seats: Object.fromEntries(MEMBERS.map((m, i) => [m.key, seat(i % 2 ? "persona-sim-3" : "persona-sim-2")])) },
        },
      },
    });
    return { ctx, personas, panel };
  };
  const panelBody = (experiment: "ceiling" | "divergence") => createPanelRunBody.parse({
    experiment, traits: WATCHED, itemsPerTrait: ITEMS, answersPerPair: ANSWERS_PER_PAIR, seed: SEED, concurrency: CONCURRENCY, questions: false, ...JUDGE,
  });
  const runPanel = async (panelRunId: string) => {
    const first = await db.probeRun.findFirstOrThrow({ where: { panelRunId }, orderBy: { createdAt: "asc" } });
    const t0 = performance.now();
    const outcomes = await processBatch(first.id, deps);
    const membersAt = performance.now();
    const pass = await processDistinguish(panelRunId, deps);
    const end = performance.now();
    return { outcomes, pass, membersMs: membersAt - t0, passMs: end - membersAt, wall: end - t0 };
  };
  const memberStats = async (panelRunId: string) => {
    const runs = await db.probeRun.findMany({ where: { panelRunId } });
    const answers = await db.probeAnswer.count({ where: { runId: { in: runs.map((r) => r.id) } } });
    const perRun = await db.probeAnswer.groupBy({ by: ["runId"], where: { runId: { in: runs.map((r) => r.id) } }, _count: true });
    return { runs, answers, maxAnswers: Math.max(...perRun.map((r) => r._count)), paid: runs.reduce((s, r) => s + r.modelCalls, 0), hits: runs.reduce((s, r) => s + r.cacheHits, 0) };
  };

  try {
    // Warm up JIT, the Prisma client and the HTTP pool in a workspace of its own (nothing it caches is reused).
    const warm = await workspace("warm-up");
    const warmRun = await createPanelRun(warm.ctx, warm.panel.id, createPanelRunBody.parse({ experiment: "divergence", traits: WATCHED.slice(0, 2), itemsPerTrait: 6, answersPerPair: 2, seed: SEED + 1, concurrency: CONCURRENCY, ...JUDGE }));
    await runPanel(warmRun.id);

    // 1. The ceiling experiment on a cold cache.
    const a = await workspace("ceiling");
    const run = await createPanelRun(a.ctx, a.panel.id, panelBody("ceiling"));
    await sim.reset();
    const t = await runPanel(run.id);
    const { calls } = await sim.read();
    const s = await memberStats(run.id);
    const pr = await db.panelRun.findUniqueOrThrow({ where: { id: run.id } });
    const limitMembers = (s.maxAnswers * 2 * LATENCY) / CONCURRENCY;
    const limitPass = ((pr.modelCalls + pr.cacheHits) * LATENCY) / CONCURRENCY;
    const limit = limitMembers + limitPass;
    const needed = s.answers * 2 + pr.modelCalls + pr.cacheHits;
    console.log(`panel-probe ceiling experiment  ${MEMBERS.length} members × 2 arms, ${WATCHED.length} traits × ${ITEMS} items, persona + baseline, L=${LATENCY} ms fixed simulator latency, C=${CONCURRENCY} per member run, simulator in its own process`);
    console.log(`  member runs          ${Object.values(t.outcomes).join(", ")}; ${s.answers} answers (at most ${s.maxAnswers} in one run); distinguishability pass ${t.pass}, ${pr.modelCalls + pr.cacheHits} judgments`);
    console.log(`  calls at the server  ${calls} (worker counted ${s.paid + pr.modelCalls} paid, ${s.hits + pr.cacheHits} from the cache or an identical call in flight)`);
    console.log(`  wall time            ${fmt(t.wall)} (member runs ${fmt(t.membersMs)}, pass ${fmt(t.passMs)})`);
    console.log(`  physical limit       ${fmt(limit)} (slowest member run answers × 2L ÷ C = ${fmt(limitMembers)}; pass judgments × L ÷ C = ${fmt(limitPass)})`);
    const ratio = t.wall / limit;
    console.log(`  ratio wall/limit     ${ratio.toFixed(3)} (goal ≤ 1.15) ${ratio <= 1.15 ? "✓" : "✗"} — below 1 when the slowest run's own answers came from the cache or a mate's identical call`);
    const balanced = (calls * LATENCY) / (s.runs.length * CONCURRENCY);
    console.log(`  context              ${fmt(balanced)} if the server's ${calls} calls were spread perfectly over all ${s.runs.length} runs' ${s.runs.length * CONCURRENCY} slots (not reachable: runs share calls, not slots)`);
    console.log(`  calls saved inside   ${needed - calls} of ${needed} (${(100 * (1 - calls / needed)).toFixed(1)}%): baselines shared per seat, members on the same seat in both arms answered once`);
    const report = await buildPanelReport(pr);
    for (const arm of report.arms) {
      console.log(`  ${arm.label.padEnd(20)} ${arm.divergence.effectivePositions.estimate.toFixed(2)} [${arm.divergence.effectivePositions.lo?.toFixed(2)}, ${arm.divergence.effectivePositions.hi?.toFixed(2)}] effective positions of ${MEMBERS.length}; flags: ${arm.flags.map((f) => f.kind).join(", ") || "none"}`);
    }
    if (report.gain) {
      const g = report.gain.effectivePositions.gain;
      console.log(`  diversity gain       ${g.estimate >= 0 ? "+" : ""}${g.estimate.toFixed(2)} [${g.lo?.toFixed(2)}, ${g.hi?.toFixed(2)}] effective positions, routed − one model`);
    }

    // 2. Members probed alone first, then the panel.
    const b = await workspace("reuse");
    const alone = [];
    for (const p of b.personas) {
      alone.push(await createProbeRun(b.ctx, p.id, createProbeRunBody.parse({
        version: "draft", traits: WATCHED, budgetPerTrait: ITEMS, targetHalfWidth: 1, seed: SEED, concurrency: CONCURRENCY, targetProviderId: "simulator",
        targetModel: "persona-sim-2", retestShare: 0, tensionControls: false, scenarios: false, ...JUDGE,
      })));
    }
    // The routed plan seats two members on persona-sim-3; probe those there alone too, as their designers would.
    await db.probeRun.updateMany({ where: { id: { in: [alone[1].id, alone[3].id] } }, data: { targetModel: "persona-sim-3" } });
    await Promise.all(alone.map((r) => processBatch(r.id, deps)));
    const divergence = await createPanelRun(b.ctx, b.panel.id, panelBody("divergence"));
    await sim.reset();
    await runPanel(divergence.id);
    const after = await sim.read();
    const d = await memberStats(divergence.id);
    const dr = await db.panelRun.findUniqueOrThrow({ where: { id: divergence.id } });
    const dNeeded = d.answers * 2 + dr.modelCalls + dr.cacheHits;
    console.log(`panel-probe reuse  the same ${MEMBERS.length} members probed alone first (same traits, items, seed and judge), then the panel's divergence probe`);
    console.log(`  panel probe needed   ${dNeeded} calls without reuse (${d.answers} answers × 2 + ${dr.modelCalls + dr.cacheHits} judgments)`);
    const judged = dr.modelCalls;
    console.log(`  calls at the server  ${after.calls} (${(100 * (1 - after.calls / dNeeded)).toFixed(1)}% saved by reusing the members' answers): ${judged} distinguishability judgments no solo probe makes, ${after.calls - judged} member-run calls the cache did not hold`);
  } finally {
    await sim.close();
    await db.$disconnect();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (!serveIfChild()) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
