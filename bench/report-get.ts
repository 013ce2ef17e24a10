// bench/report-get — how long GET /api/workspaces/{ws}/probe-runs/{runId} takes
// for a completed 24-trait run, now that its report is stored (issue 11 §7, §9).
//
// One process, a fresh SQLite file built from prisma/migrations: an account
// signed up through the real auth route, a completed run watching all 24
// built-in traits with realistic answer counts (--answers per trait per arm,
// persona and baseline, spread over the trait's items, each judged on all 24
// traits) written directly with Prisma. Then, through the route handler in
// process (auth, workspace check, validation, service, JSON body):
//   stored    N GETs serving the stored report (goal: p95 ≤ 50 ms);
//   baseline  M GETs with the stored report deleted before each one, so every
//             GET recomputes from the answers (the old behaviour, plus one upsert).
// Prints p50/p95 of each and the ratio baseline ÷ stored.
// Usage: npm run bench:report [-- --n 200 --baseline 30 --answers 40 --seed 7]

import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freshDatabase } from "./fresh-database";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("n", 200);
const N_BASELINE = arg("baseline", 30);
const ANSWERS = arg("answers", 40);
const SEED = arg("seed", 7);
const GOAL_P95_MS = 50;
const BASE = "http://localhost:3000";

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (x: number) => `${x.toFixed(1)} ms`;


async function main(tmp: string) {
  process.env.DATABASE_URL = `file:${freshDatabase(tmp)}`;
  process.env.PERSONA_STUDIO_DATA_DIR = path.join(tmp, "data");
  process.env.BETTER_AUTH_URL = BASE;
  process.env.ALLOW_SIGN_UP = "true";
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.TRUSTED_ORIGINS;
  // App modules read the environment when first imported, so only now.
  const { db } = await import("../lib/db/client");
  const { POST: authPost } = await import("../app/api/auth/[...all]/route");
  const route = await import("../app/api/workspaces/[workspaceId]/probe-runs/[runId]/route");
  const { PROBE_TRAITS, TRAIT_LIBRARY_VERSION } = await import("../lib/probing/traits");
  const { mulberry32 } = await import("../lib/math/random");
  const { METHOD_VERSION } = await import("../lib/probing/methods/version");

  // An account through the real sign-up route (its hook creates the personal workspace).
  const signUp = await authPost(new Request(`${BASE}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ name: "Bench", email: "bench@example.test", password: "correct horse battery" }),
  }));
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const user = (await signUp.json()) as { user: { id: string } };
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: user.user.id } });

  // A completed run watching every built-in trait, answers written directly.
  const traits = PROBE_TRAITS.slice(0, 24);
  const watched = traits.map((t) => t.key);
  const targets = { [watched[0]]: 85, [watched[1]]: 70 };
  const persona = await db.persona.create({
    data: { workspaceId, slug: "rosa", name: "Rosa", archetype: "", spec: "{}", createdById: user.user.id, updatedById: user.user.id, updatedByName: "Bench" },
  });
  const run = await db.probeRun.create({
    data: {
      workspaceId, personaId: persona.id, personaName: "Rosa", systemPrompt: "You are Rosa.", status: "completed",
      targets: JSON.stringify(targets), watched: JSON.stringify(watched),
      targetProviderId: "simulator", targetModel: "persona-sim-1", judgeProviderId: "simulator", judgeModel: "persona-sim-1",
      config: JSON.stringify({ temperature: 0.7, seed: SEED, targetHalfWidth: 5, budgetPerTrait: 60, concurrency: 4 }),
      traitLibraryVersion: TRAIT_LIBRARY_VERSION, doneTraits: JSON.stringify(Object.fromEntries(watched.map((k) => [k, "precise"]))),
      createdById: user.user.id, createdByName: "Bench", startedAt: new Date(), finishedAt: new Date(),
    },
  });
  const rng = mulberry32(SEED);
  const level = Object.fromEntries(watched.map((k) => [k, 20 + rng() * 60]));
  const rows = [];
  for (const kind of ["persona", "baseline"] as const) {
    for (const t of traits) {
      const items = t.probes.length;
      const itemEffect = Array.from({ length: items }, () => (rng() - 0.5) * 16);
      for (let i = 0; i < ANSWERS; i++) {
        const itemIndex = i % items;
        const scores = Object.fromEntries(watched.map((k) => [k, Math.max(0, Math.min(100, Math.round((level[k] + (k === t.key ? itemEffect[itemIndex] : 0) + (rng() - 0.5) * 30) / 10) * 10))]));
        rows.push({
          runId: run.id, kind, traitKey: t.key, itemIndex, sampleIndex: Math.floor(i / items), message: t.probes[itemIndex].text,
          answer: "A considered answer of a few sentences. ".repeat(15), scores: JSON.stringify(scores), refusal: false,
          status: "done", outcome: "scored", finishReason: "stop", servedModel: "persona-sim-1", latencyMs: 120, tokens: 180,
          judgeOrder: JSON.stringify(watched),
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.probeAnswer.createMany({ data: rows.slice(i, i + 500) });

  const url = `${BASE}/api/workspaces/${workspaceId}/probe-runs/${run.id}`;
  const get = async () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = await route.GET(new Request(url, { headers: { cookie, origin: BASE } }), { params: Promise.resolve({ workspaceId, runId: run.id }) });
    const body = await res.text();
    const cpu = process.cpuUsage(c0);
    const elapsed = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET → ${res.status}: ${body.slice(0, 300)}`);
    return { elapsed, cpu: (cpu.user + cpu.system) / 1000, bytes: body.length };
  };

  // The run completed before anyone asked: the first GET computes and stores its report.
  const first = await get();
  const stored = await db.probeReport.findFirstOrThrow({ where: { runId: run.id } });
  for (let i = 0; i < 10; i++) await get(); // warm-up (JIT, Prisma)
  const served: number[] = [];
  const servedCpu: number[] = [];
  for (let i = 0; i < N; i++) {
    const r = await get();
    served.push(r.elapsed);
    servedCpu.push(r.cpu);
  }
  const unchanged = (await db.probeReport.findFirstOrThrow({ where: { runId: run.id } })).createdAt.getTime() === stored.createdAt.getTime();

  const baseline: number[] = [];
  const baselineCpu: number[] = [];
  for (let i = 0; i < N_BASELINE; i++) {
    await db.probeReport.deleteMany({ where: { runId: run.id } });
    const r = await get();
    baseline.push(r.elapsed);
    baselineCpu.push(r.cpu);
  }

  const p50 = quantile(served, 0.5), p95 = quantile(served, 0.95);
  const b50 = quantile(baseline, 0.5), b95 = quantile(baseline, 0.95);
  console.log(`report GET, completed run: ${watched.length} traits × ${ANSWERS} answers × 2 arms = ${rows.length} answers, each judged on ${watched.length} traits; method ${METHOD_VERSION}`);
  console.log(`  response body              ${(first.bytes / 1024).toFixed(0)} KiB`);
  console.log(`  first GET (compute+store)  ${ms(first.elapsed)}`);
  console.log(`  stored   (N=${N})          p50 ${ms(p50)}  p95 ${ms(p95)}  → p95 ${p95 <= GOAL_P95_MS ? "≤" : ">"} goal ${GOAL_P95_MS} ms (${(p95 / GOAL_P95_MS).toFixed(2)}× the goal)${unchanged ? "" : "  ✖ the stored row changed during the stored GETs"}`);
  console.log(`  baseline (N=${N_BASELINE}, recompute every GET)  p50 ${ms(b50)}  p95 ${ms(b95)}`);
  console.log(`  ratio baseline ÷ stored    p50 ${(b50 / p50).toFixed(1)}×  p95 ${(b95 / p95).toFixed(1)}×`);
  // Wall time includes waiting for the CPU on a busy machine; CPU time per GET does not.
  const c50 = quantile(servedCpu, 0.5), c95 = quantile(servedCpu, 0.95);
  console.log(`  CPU per GET (this process) stored p50 ${ms(c50)} p95 ${ms(c95)} · baseline p50 ${ms(quantile(baselineCpu, 0.5))} · ratio ${(quantile(baselineCpu, 0.5) / c50).toFixed(1)}×; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  await db.$disconnect();
}

const tmp = mkdtempSync(path.join(tmpdir(), "ps-bench-report-"));
main(tmp)
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(tmp, { recursive: true, force: true }));
