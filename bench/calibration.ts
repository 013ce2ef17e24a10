// bench/calibration — how far to trust a probe report, measured: many seeded
// probe runs against the simulator in ADVERSARIAL mode (item effects, persona ×
// item interaction, a noisy, rounding, sticky, haloed, length-loving,
// compressing judge, and some empty/refused/truncated answers; see
// docs/simulator.md §10), each driven through the product's own pure pipeline
// (planner, judge request and parse, report, flags, variant ranking; see
// bench/calibration/pipeline.ts) and scored against the simulator's ground
// truth (bench/calibration/truth.ts states the estimand). Prints each figure
// with its Monte Carlo standard error, the number of independent worlds behind
// it, and issue 11's target beside it. docs/methods.md "Calibration harness".
//
// Usage: npm run bench:calibration [-- --runs 40 --seed 1 --quick --jobs 2]
//   --runs N   worlds (each = 4 probe runs: null, coherent, variant, leak); default 40, --quick 4
//   --seed S   base seed (worlds S·100003 + i); default 1
//   --jobs J   processes (default 2; worlds are split between them)
//   --quick    fewer worlds and a smaller ground-truth sample (~15 s)
//   --world k=v,k=v   change adversarial knobs from their defaults (docs/simulator.md §10), e.g.
//              --world judgeNoiseSd=12,itemEffectSd=10 — a world the defaults did not build

import { fork } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { ADVERSARIAL_DEFAULTS, ADVERSARIAL_KNOBS, type AdversarialOptions } from "../lib/llm/simulator/adversarial";
import { arg, flag, intArg } from "./args";
import { prepare, runWorld, summarize, type Figure, type Prepared, type WorldResult } from "./calibration/harness";

const QUICK = flag("quick");
const RUNS = intArg("runs", QUICK ? 4 : 40);
const SEED = intArg("seed", 1);
const JOBS = Math.min(intArg("jobs", Math.min(2, os.availableParallelism?.() ?? 2)), RUNS);
const TRUTH_ITEMS = QUICK ? 200 : 1000;

function worldArg(): AdversarialOptions {
  const out: AdversarialOptions = { ...ADVERSARIAL_DEFAULTS };
  for (const pair of (arg("world") ?? "").split(",").filter(Boolean)) {
    const [k, v] = pair.split("=");
    const n = v === "null" ? null : Number(v);
    if (!ADVERSARIAL_KNOBS.includes(k as keyof AdversarialOptions) || (n !== null && !Number.isFinite(n))) {
      console.error(`--world: unknown knob or bad value "${pair}" (knobs: ${ADVERSARIAL_KNOBS.join(", ")})`);
      process.exit(2);
    }
    (out as Record<string, number | null>)[k] = n;
  }
  return out;
}

/** Child mode: run the worlds it is sent and send the results back. */
function serve() {
  process.on("disconnect", () => process.exit(0));
  process.once("message", (m: { prep: Prepared; worlds: number[] }) => {
    const results = m.worlds.map((w) => runWorld(m.prep, w));
    process.send!(results, () => process.exit(0));
  });
}

function inChild(prep: Prepared, worlds: number[]): Promise<WorldResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ["--serve"], { execArgv: process.execArgv, stdio: "inherit" });
    child.once("message", (r) => resolve(r as WorldResult[]));
    child.once("exit", (code) => { if (code !== 0) reject(new Error(`calibration worker exited (${code})`)); });
    child.send({ prep, worlds });
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function line(f: Figure): string {
  const isShare = f.key !== "savedJudgeCalls";
  const value = isShare ? `${pct(f.value)} ± ${pct(f.se)}` : `${f.value.toFixed(1)} ± ${f.se.toFixed(1)}`;
  const target = f.target ? `${f.target.op === ">=" ? "≥" : "≤"} ${isShare ? pct(f.target.value).replace(".0", "") : f.target.value}` : "—";
  const verdict = f.meets === null ? "" : f.meets ? "✓" : "✗";
  return `  ${f.label}\n      ${value.padEnd(18)} target ${target.padEnd(7)} ${verdict.padEnd(2)} (n = ${f.n} ${f.key === "coverage" || f.key === "shiftCoverage" || f.key === "zeroWidth" ? "worlds, pooled over traits" : "runs"})${f.note ? `\n      ${f.note}` : ""}`;
}

async function main() {
  const t0 = performance.now();
  const prep = prepare({ worlds: RUNS, seed: SEED, truthItems: TRUTH_ITEMS, adversarial: worldArg() });
  const tTruth = performance.now() - t0;
  const indices = Array.from({ length: RUNS }, (_, i) => i);
  const slices = Array.from({ length: JOBS }, (_, j) => indices.filter((i) => i % JOBS === j));
  const worlds = JOBS === 1 ? indices.map((i) => runWorld(prep, i)) : (await Promise.all(slices.map((s) => inChild(prep, s)))).flat();
  worlds.sort((a, b) => a.world - b.world);
  const figures = summarize(prep, worlds);
  const wall = (performance.now() - t0) / 1000;

  const adv = prep.options.adversarial;
  const s = prep.options.settings;
  console.log(`calibration  ${RUNS} worlds × 4 probe runs (seed ${SEED}${QUICK ? ", quick" : ""}), in-process simulator in adversarial mode, ${JOBS} process${JOBS > 1 ? "es" : ""}`);
  console.log(`  world      ${Object.entries(adv).filter(([k]) => k !== "worldSeed").map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`  settings   the API defaults: temperature ${s.temperature}, ±${s.targetHalfWidth} target half-width, budget ${s.budgetPerTrait}/trait, concurrency ${s.concurrency}; run seed varies per world`);
  console.log(`  truth      population mean judged score per prompt over ${prep.options.truthItems} fresh items × 2 samples (MC se ≤ ${Math.max(...Object.values(prep.truth).flatMap((t) => Object.values(t.se)), ...Object.values(prep.neutral.se)).toFixed(2)} points)`);
  console.log(`  leak       target ${prep.leak.targetTrait} (${JSON.stringify(prep.scenarios.leak.targets)}), true shift of ${prep.leak.trait} ${prep.leak.trueShift.toFixed(1)} ± ${prep.leak.se.toFixed(1)} judged points; watched ${prep.scenarios.leak.watched.length}`);
  const nullShift = Math.max(...prep.scenarios.null.watched.map((k) => Math.abs(prep.truth.null.mean[k] - prep.neutral.mean[k])));
  console.log(`  null       compiled with no targets; watched ${prep.scenarios.null.watched.length}; largest true shift from baseline ${nullShift.toFixed(1)} points (every leakage flag on it is false)`);
  console.log(`  coherent   watched ${prep.scenarios.coherent.watched.join(", ")}`);
  console.log("");
  for (const f of figures) console.log(line(f));
  const flags = new Map<string, number>();
  for (const w of worlds) for (const r of w.runs) if (r.scenario === "null" || r.scenario === "coherent") for (const f of r.flags) flags.set(`${r.scenario} ${f}`, (flags.get(`${r.scenario} ${f}`) ?? 0) + 1);
  if (flags.size) console.log(`\n  flags seen on the null and coherent personas (flag × runs): ${[...flags].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  console.log(`\n  ${wall.toFixed(1)} s wall (ground truth ${(tTruth / 1000).toFixed(1)} s)`);
}

(process.argv.includes("--serve") ? Promise.resolve(serve()) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
