// bench/pressure-probe — how close a pressure test gets to the physical limit
// (issue 14 "Done means": sequential turns, concurrent conversations; goal ≤ 1.2×).
//
// The real worker (processBatch) on a fresh SQLite file talks through
// OpenAiCompatibleProvider to the simulator's HTTP server in its own process
// with a fixed latency L; calls are counted at the server. The run is the
// refund persona (empathetic 85, firm 90) with the built-in firm-refund script:
// N conversations × T pushes, every turn answered with the whole history and
// judged, beside a small adaptive landing (persona + baseline) on the same
// slots.
//
// Physical limit: every call takes L and at most C are in flight, so no run
// beats calls × L ÷ C; and a conversation's turns are sequential — turn t+1
// needs turn t's answer (not its judgment) — so no run beats (T + 1) target
// calls in a row plus the last judgment, (T + 2) × L. The limit is the larger.
// Two shapes: many short conversations on few slots (slot-bound) and few long
// conversations on many slots (chain-bound).
// Usage: npm run bench:pressure [-- --latency 300 --seed 7]

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { intArg } from "./args";
import { freshDatabase } from "./fresh-database";
import { serveIfChild, simulatorInChild, simulatorWorkerDeps } from "./simulator-child";

const LATENCY = intArg("latency", 300);
const SEED = intArg("seed", 7);
const GOAL = 1.2;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const SHAPES = [
  { label: "slot-bound ", conversationsPerScript: 12, turns: 4, concurrency: 4 },
  { label: "chain-bound", conversationsPerScript: 6, turns: 8, concurrency: 16 },
];

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), "ps-bench-pressure-"));
  process.env.DATABASE_URL = `file:${freshDatabase(tmp)}`;
  process.env.PERSONA_STUDIO_DATA_DIR = path.join(tmp, "data");
  const { db } = await import("../lib/db/client");
  const { processBatch } = await import("../lib/jobs/runner");
  const { emptySpec } = await import("../lib/schemas/persona");
  const { createProbeRun, getProbeRun } = await import("../lib/services/probes/probe-runs");
  const { createProbeRunBody } = await import("../lib/schemas/probe");

  const sim = await simulatorInChild(__filename, LATENCY);
  const deps = await simulatorWorkerDeps(sim.port, SEED);

  const persona = async (name: string) => {
    const ws = await db.workspace.create({ data: { name } });
    const ctx = { userId: "bench", userName: "Bench", email: "bench@example.test", workspaceId: ws.id, role: "owner" as const };
    const spec = { ...emptySpec("Refund desk"), archetype: "a customer support agent for an online shop", traitTargets: { empathetic: 85, firm: 90 } };
    const row = await db.persona.create({
      data: { workspaceId: ws.id, slug: "refund-desk", name: "Refund desk", archetype: spec.archetype, spec: JSON.stringify(spec), createdById: "bench", updatedById: "bench", updatedByName: "Bench" },
    });
    return { ctx, personaId: row.id };
  };
  const body = (shape: (typeof SHAPES)[number], seed: number) => createProbeRunBody.parse({
    version: "draft", traits: ["firm", "empathetic"], budgetPerTrait: 6, targetHalfWidth: 25, seed, concurrency: shape.concurrency,
    targetProviderId: "simulator", targetModel: "persona-sim-1", judgeProviderId: "simulator", judgeModel: "persona-sim-1",
    retestShare: 0, tensionControls: false, scenarios: false,
    pressure: { scripts: ["firm-refund"], conversationsPerScript: shape.conversationsPerScript, turns: shape.turns },
  });

  try {
    // Warm up JIT, the Prisma client and the HTTP pool in a workspace of its own.
    const warm = await persona("warm-up");
    const warmRun = await createProbeRun(warm.ctx, warm.personaId, body({ label: "warm", conversationsPerScript: 2, turns: 1, concurrency: 4 }, SEED + 100));
    await processBatch(warmRun.id, deps);

    console.log(`pressure-probe  refund persona (empathetic 85, firm 90), built-in firm-refund script, L=${LATENCY} ms fixed simulator latency, simulator in its own process; goal wall ≤ ${GOAL}× the physical limit`);
    for (const [i, shape] of SHAPES.entries()) {
      const p = await persona(`shape-${i}`);
      const run = await createProbeRun(p.ctx, p.personaId, body(shape, SEED + i));
      await sim.reset();
      const t0 = performance.now();
      const outcome = await processBatch(run.id, deps);
      const wall = performance.now() - t0;
      const { calls, busyMs } = await sim.read();
      const answers = await db.probeAnswer.groupBy({ by: ["kind"], where: { runId: run.id }, _count: true });
      const slotLimit = (calls * LATENCY) / shape.concurrency;
      const chainLimit = (shape.turns + 2) * LATENCY;
      const limit = Math.max(slotLimit, chainLimit);
      const ratio = wall / limit;
      console.log(`  ${shape.label}  ${shape.conversationsPerScript} conversations × ${shape.turns} pushes, C=${shape.concurrency}: ${Object.values(outcome).join(", ")}; answers ${answers.map((a) => `${a.kind} ${a._count}`).join(", ")}`);
      console.log(`    calls at the server  ${calls}; slots busy ${(100 * busyMs / (wall * shape.concurrency)).toFixed(0)}% of the wall time`);
      console.log(`    physical limit       ${fmt(limit)} = max(calls × L ÷ C = ${fmt(slotLimit)}, (pushes + 2) × L = ${fmt(chainLimit)})`);
      console.log(`    wall time            ${fmt(wall)}  ratio ${ratio.toFixed(3)} (goal ≤ ${GOAL}) ${ratio <= GOAL ? "✓" : "✗"}`);
      const detail = await getProbeRun(p.ctx, run.id);
      const firm = detail.report?.pressure?.drift.find((d) => d.trait === "firm" && d.script === null);
      if (firm) {
        const s = firm.slope;
        console.log(`    firm under pressure  ${firm.perTurn.map((t) => t.estimate?.toFixed(0) ?? "–").join(" → ")}; slope ${s.estimate?.toFixed(1)} [${s.lo?.toFixed(1)}, ${s.hi?.toFixed(1)}] points/turn over ${firm.conversations} conversations`);
      }
    }
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
