// bench/estimate — issue 12 §5–6, measured on the calibration bench's in-process
// pipeline (bench/calibration/pipeline.ts runProbe: the product's planner, judge
// request, parse and report, with the adversarial simulator), several seeded
// worlds (each a fresh model and call cache), a 2-target persona.
//
// (a) The estimate (lib/probing/estimate.ts, what the dialog shows before
//     "Start") against the calls the run actually made: generate + judge calls
//     that reached the model, plus the test–retest pass at the API default share.
//     Ratio actual / estimate per world, its median and spread, and how often
//     the actual fell inside the estimate's 10th–90th percentile range.
// (b) The new default watch set (targets + most related, at most 8:
//     lib/probing/traits/watch-set.ts) against the old default (every related
//     trait, lib/probing/traits relatedTraits — "watch all related" now), with
//     the same settings, so the same target interval on the targeted traits; the
//     widest targeted landing half-width of each is printed so "same width" is
//     checked, not assumed.
// Persona and baseline arms only: the pipeline does not run control arms (a
// tension pair of targets adds them to both defaults alike).
//
// --breakdown: where the default probe's calls go, per world on average — per
// trait and arm (scored answers on its own items, the items the planner's
// minimum asks for, the rest: to reach ±target on a targeted landing, or to
// narrow the all-items shift), the answers asked again (not scored) and the
// retest, and each untargeted trait's all-items shift half-width.
//
// Usage: npm run bench:estimate [-- --worlds 8 --seed 1 --breakdown]

import { ADVERSARIAL_DEFAULTS } from "../lib/llm/simulator/adversarial";
import { compilePersona } from "../lib/persona/compile";
import { estimateProbe } from "../lib/probing/estimate";
import { reliabilitySampleSize } from "../lib/probing/judge-reliability";
import { probeTrait, relatedTraits } from "../lib/probing/traits";
import { defaultWatchSet } from "../lib/probing/traits/watch-set";
import { RETEST_SHARE_DEFAULT } from "../lib/schemas/probe";
import { emptySpec } from "../lib/schemas/persona";
import { flag, intArg } from "./args";
import { RUN_DEFAULTS, runProbe, SimWorld } from "./calibration/pipeline";

const WORLDS = intArg("worlds", 8);
const SEED = intArg("seed", 1);
const BREAKDOWN = flag("breakdown");
const settings = RUN_DEFAULTS;

const PERSONAS = [
  { name: "Refund desk", targets: { empathetic: 80, firm: 80 } },
  { name: "Alex", targets: { warm: 80, analytical: 75 } },
];

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length / 2; return s.length % 2 ? s[Math.floor(m)] : (s[m - 1] + s[m]) / 2; };
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))]; };
const f1 = (x: number) => x.toFixed(1), f2 = (x: number) => x.toFixed(2);

/**
 * The planner as it was at the start of this session (method 2026-12-instrument-v2): untargeted shifts to ±3
 * against a test of 0, no pursuit of undecided leaks, the baseline's targeted traits on their own ±5 landing,
 * each arm asking its own items for the shift's pairs (no pair completion).
 */
const V2_PLANNER = { sampling: { shiftHalfWidth: 3, leakDecision: null, completePairs: false }, baselineShiftStop: "untargeted" as const };

function actualRun(world: number, prompt: string, targets: Record<string, number>, watched: string[], planner: Partial<typeof V2_PLANNER> = {}) {
  const sim = new SimWorld({ ...ADVERSARIAL_DEFAULTS, worldSeed: SEED * 100_003 + world });
  const res = runProbe(sim, { runId: `estimate-${world}`, systemPrompt: prompt, targets, watched, settings, ...planner });
  const scored = res.answers.persona + res.answers.baseline;
  const calls = res.generateCalls + res.judgeCalls + reliabilitySampleSize(scored, { panel: [], retestShare: RETEST_SHARE_DEFAULT });
  const targetedWidths = res.report.rows.filter((r) => r.key in targets).map((r) => r.landing.halfWidth ?? Infinity);
  const widestTargeted = Math.max(...targetedWidths);
  return { calls, widestTargeted, targetedWidths, res, retest: calls - res.generateCalls - res.judgeCalls };
}

function estimateFor(targets: Record<string, number>, watched: string[]) {
  const t0 = performance.now();
  const e = estimateProbe({
    traits: watched.map((k) => ({ key: k, itemCount: probeTrait(k)!.probes.length, targeted: k in targets })),
    targetHalfWidth: settings.targetHalfWidth, budgetPerTrait: settings.budgetPerTrait, concurrency: settings.concurrency,
    retestShare: RETEST_SHARE_DEFAULT,
  });
  return { ...e, ms: performance.now() - t0 };
}

/** Where the calls of one probe go, averaged over the worlds (see the header). */
function breakdown(targets: Record<string, number>, watched: string[], prompt: string) {
  const runs = Array.from({ length: WORLDS }, (_, w) => actualRun(w, prompt, targets, watched));
  const mean = (f: (r: (typeof runs)[number]) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  const minOwn = (targeted: boolean, arm: "persona" | "baseline") =>
    arm === "persona" && targeted ? 12 : 6; // the planner's minItems (landing) and shiftMinItems (shift stop)
  console.log(`    breakdown of the default probe, mean per world (${watched.length} traits; answers = scored answers on the trait's own items):`);
  console.log(`      ${"trait".padEnd(12)} ${"arm".padEnd(8)} answers  of which past the minimum   all-items shift ±`);
  const cat: Record<string, { answers: number; extra: number }> = {};
  for (const key of watched) {
    const t = key in targets;
    for (const arm of ["persona", "baseline"] as const) {
      const n = mean((r) => { const row = r.res.report.rows.find((x) => x.key === key)!; return arm === "persona" ? row.landing.n : row.baseline.n; });
      const extra = mean((r) => { const row = r.res.report.rows.find((x) => x.key === key)!; return Math.max(0, (arm === "persona" ? row.landing.n : row.baseline.n) - minOwn(t, arm)); });
      const shiftHw = t ? NaN : mean((r) => r.res.report.rows.find((x) => x.key === key)!.leakShift?.halfWidth ?? NaN);
      const c = (cat[`${t ? "targeted" : "untargeted"} ${arm}`] ??= { answers: 0, extra: 0 });
      c.answers += n; c.extra += extra;
      console.log(`      ${(key + (t ? "*" : "")).padEnd(12)} ${arm.padEnd(8)} ${f1(n).padStart(7)}  ${f1(extra).padStart(8)}${" ".repeat(18)}${Number.isNaN(shiftHw) ? "" : f1(shiftHw)}`);
    }
  }
  const scored = mean((r) => r.res.answers.persona + r.res.answers.baseline);
  const calls = mean((r) => r.calls);
  for (const [k, c] of Object.entries(cat)) console.log(`      ${k.padEnd(21)} ${f1(c.answers).padStart(6)} answers (${f1(c.extra)} past the minimum) ≈ ${f1(2 * c.answers)} calls, ${(100 * 2 * c.answers / calls).toFixed(0)}%`);
  console.log(`      answers not scored, asked again: ${f1(mean((r) => r.res.generateCalls) - scored)} generate calls (+ judge calls on refusals); judge calls ${f1(mean((r) => r.res.judgeCalls))}; retest ${f1(mean((r) => r.retest))}; total ${f1(calls)}`);
  console.log(`      widest targeted half-width: median ${f1(median(runs.map((r) => r.widestTargeted)))}, max ${f1(Math.max(...runs.map((r) => r.widestTargeted)))}; all targeted: median ${f1(median(runs.flatMap((r) => r.targetedWidths)))}`);
}

console.log(`bench:estimate — ${WORLDS} worlds, seed ${SEED}, adversarial simulator, settings ${JSON.stringify(settings)}, retest ${RETEST_SHARE_DEFAULT}\n`);
const allRatios: number[] = [];
for (const persona of PERSONAS) {
  const prompt = compilePersona({ ...emptySpec(persona.name), traitTargets: persona.targets }).prompt;
  const keys = Object.keys(persona.targets);
  const sets = { "default (≤8)": defaultWatchSet(keys), "old default (all related)": relatedTraits(keys) };
  const calls: Record<string, number[]> = {};
  console.log(`${persona.name} ${JSON.stringify(persona.targets)}`);
  for (const [label, watched] of Object.entries(sets)) {
    const est = estimateFor(persona.targets, watched);
    const runs = Array.from({ length: WORLDS }, (_, w) => actualRun(w, prompt, persona.targets, watched));
    calls[label] = runs.map((r) => r.calls);
    const ratios = runs.map((r) => r.calls / est.calls.expected);
    allRatios.push(...ratios);
    const inside = runs.filter((r) => r.calls >= est.calls.low && r.calls <= est.calls.high).length;
    const within20 = ratios.filter((r) => Math.abs(r - 1) <= 0.2).length;
    console.log(`  ${label}: ${watched.length} traits [${watched.join(", ")}]`);
    console.log(`    estimate ${est.calls.expected} calls (${est.calls.low}–${est.calls.high}), ${est.ms.toFixed(0)} ms`);
    console.log(`    actual   median ${median(calls[label])}, range ${Math.min(...calls[label])}–${Math.max(...calls[label])}`);
    console.log(`    actual/estimate median ${f2(median(ratios))}, 10–90% ${f2(pct(ratios, 0.1))}–${f2(pct(ratios, 0.9))}; within ±20%: ${within20}/${WORLDS}; inside the range: ${inside}/${WORLDS}`);
    console.log(`    widest targeted landing half-width: median ${f1(median(runs.map((r) => r.widestTargeted)))}, max ${f1(Math.max(...runs.map((r) => r.widestTargeted)))}`);
  }
  if (BREAKDOWN) breakdown(persona.targets, defaultWatchSet(keys), prompt);
  const [a, b] = Object.values(calls);
  const share = a.map((x, i) => x / b[i]);
  console.log(`  default / old default calls, per world: median ${(100 * median(share)).toFixed(0)}%, range ${(100 * Math.min(...share)).toFixed(0)}–${(100 * Math.max(...share)).toFixed(0)}%`);
  // "Today's calls" when issue 12 was filed: all related traits, and the v2 planner (this session's start).
  const v2 = Array.from({ length: WORLDS }, (_, w) => actualRun(w, prompt, persona.targets, relatedTraits(keys), V2_PLANNER));
  const v2Share = a.map((x, i) => x / v2[i].calls);
  console.log(`  v2 planner, all related (as filed): median ${median(v2.map((r) => r.calls))} calls, widest targeted ±${f1(Math.max(...v2.map((r) => r.widestTargeted)))}`);
  console.log(`  default / as filed, per world: median ${(100 * median(v2Share)).toFixed(0)}%, range ${(100 * Math.min(...v2Share)).toFixed(0)}–${(100 * Math.max(...v2Share)).toFixed(0)}% (goal ≤ 40%)\n`);
}
console.log(`All runs: actual/estimate median ${f2(median(allRatios))}, 10–90% ${f2(pct(allRatios, 0.1))}–${f2(pct(allRatios, 0.9))}, within ±20%: ${allRatios.filter((r) => Math.abs(r - 1) <= 0.2).length}/${allRatios.length}`);
