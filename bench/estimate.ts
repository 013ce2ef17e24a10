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
// Usage: npm run bench:estimate [-- --worlds 8 --seed 1]

import { ADVERSARIAL_DEFAULTS } from "../lib/llm/simulator/adversarial";
import { compilePersona } from "../lib/persona/compile";
import { estimateProbe } from "../lib/probing/estimate";
import { reliabilitySampleSize } from "../lib/probing/judge-reliability";
import { probeTrait, relatedTraits } from "../lib/probing/traits";
import { defaultWatchSet } from "../lib/probing/traits/watch-set";
import { RETEST_SHARE_DEFAULT } from "../lib/schemas/probe";
import { emptySpec } from "../lib/schemas/persona";
import { RUN_DEFAULTS, runProbe, SimWorld } from "./calibration/pipeline";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WORLDS = arg("worlds", 8);
const SEED = arg("seed", 1);
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
 * against a test of 0, no pursuit of undecided leaks, the baseline's targeted traits on their own ±5 landing.
 */
const V2_PLANNER = { sampling: { shiftHalfWidth: 3, leakDecision: null }, baselineShiftStop: "untargeted" as const };

function actualRun(world: number, prompt: string, targets: Record<string, number>, watched: string[], planner: Partial<typeof V2_PLANNER> = {}) {
  const sim = new SimWorld({ ...ADVERSARIAL_DEFAULTS, worldSeed: SEED * 100_003 + world });
  const res = runProbe(sim, { runId: `estimate-${world}`, systemPrompt: prompt, targets, watched, settings, ...planner });
  const scored = res.answers.persona + res.answers.baseline;
  const calls = res.generateCalls + res.judgeCalls + reliabilitySampleSize(scored, { panel: [], retestShare: RETEST_SHARE_DEFAULT });
  const widestTargeted = Math.max(...res.report.rows.filter((r) => r.key in targets).map((r) => r.landing.halfWidth ?? Infinity));
  return { calls, widestTargeted };
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
