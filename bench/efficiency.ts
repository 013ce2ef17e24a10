// bench/efficiency — issue 11 §9 "Calls and speed", measured honestly: model
// calls (target + judge) a probe run makes to reach the target interval on all
// watched traits, against promptfoo's plan and against the leanest fixed plan
// of our own arms, over many seeded worlds of the calibration bench's
// adversarial simulator (bench/calibration/pipeline.ts drives the product's
// own planner, judge request, parse and report in process, as the worker does).
//
// The persona: 2 targets (warm 80, analytical 75 — not a tension pair, so no
// control arms are added by default) and a FIXED list of 8 watched traits (no
// pair of built-in targets has a default watched set of exactly 8). A second
// persona (empathetic 75, concise 70) watches the same 8, so its baseline
// answers and their judgments come from the world's identical-call cache.
//
// Counted per run: generate calls + judge calls that reached the model (cache
// hits are free) + the test–retest pass at the API default share
// (lib/probing/judge-reliability.ts reliabilitySampleSize; one judge call each).
//
// Two definitions of "reached", both printed, neither redefined:
//   A  ±5 on every targeted landing + ±5 on every untargeted trait's leak shift
//      (the all-items paired shift the leakage flag reads);
//   B  ±5 on every landing (persona arm, each trait's own items).
//
// Comparators (each in a fresh world of the same seed, i.e. the same model):
//   promptfoo  lib/interop/promptfoo.ts exports one test per probe item graded by
//              an llm-rubric for ONE trait: per watched trait, the first n items in
//              library order (then a second sample per item, …), each one target
//              call + one rubric call, persona only, no baseline. ORACLE: the
//              smallest n per trait whose item-level landing (the same method: mean of
//              item means, t over items, variance floor) is ≤ ±5 — n must be known
//              before the run, so no real plan is this lean. Printed also with
//              n ≥ 12 (the planner's own minimum of items).
//   fixed-k    our arms (persona + baseline; persona only when the baseline is
//              cached), k samples on every item of every watched trait, one judge
//              call per answer on all 8 traits: the smallest k that reaches A / B.
//   fixed-n    our arms, the first n items of every trait × 1 sample (one n for all
//              traits): the smallest n that reaches A / B (an oracle too).
//
// Usage: npm run bench:efficiency [-- --worlds 12 --seed 1]

import { ADVERSARIAL_DEFAULTS } from "../lib/llm/simulator/adversarial";
import { SIMULATOR_MODEL } from "../lib/llm/simulator/engine";
import { compilePersona } from "../lib/persona/compile";
import { parseJudgeOutput } from "../lib/probing/judge";
import { judgeRequestForAnswer } from "../lib/probing/judge/answer-order";
import { reliabilitySampleSize } from "../lib/probing/judge-reliability";
import { outcomeAfterJudge, outcomeBeforeJudge } from "../lib/probing/outcome";
import { buildReport, type JudgedAnswer } from "../lib/probing/report";
import { landingSummary } from "../lib/probing/stats/landing-table";
import { probeTrait } from "../lib/probing/traits";
import { RETEST_SHARE_DEFAULT, type ProbeReport } from "../lib/schemas/probe";
import { emptySpec } from "../lib/schemas/persona";
import { NEUTRAL_PROMPT, RUN_DEFAULTS, runProbe, SimWorld, type RunSettings } from "./calibration/pipeline";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WORLDS = arg("worlds", 12);
const SEED = arg("seed", 1);
const H = RUN_DEFAULTS.targetHalfWidth;

export const WATCHED = ["warm", "analytical", "empathetic", "concise", "skeptical", "formal", "playful", "patient"];
const PERSONA_A = { name: "Alex", targets: { warm: 80, analytical: 75 } };
const PERSONA_B = { name: "Sam", targets: { empathetic: 75, concise: 70 } };
const promptOf = (p: { name: string; targets: Record<string, number> }) => compilePersona({ ...emptySpec(p.name), traitTargets: p.targets }).prompt;

type Reach = { A: boolean; B: boolean; widestTargeted: number; widestLeak: number; widestLanding: number };

function reach(report: ProbeReport, targets: Record<string, number>): Reach {
  const hw = (x: number | null | undefined) => (typeof x === "number" ? x : Infinity);
  let widestTargeted = 0, widestLeak = 0, widestLanding = 0;
  for (const r of report.rows) {
    const landing = hw(r.landing.halfWidth);
    widestLanding = Math.max(widestLanding, landing);
    if (r.key in targets) widestTargeted = Math.max(widestTargeted, landing);
    else widestLeak = Math.max(widestLeak, hw((r.leakShift ?? r.shift).halfWidth));
  }
  return { A: widestTargeted <= H && widestLeak <= H, B: widestLanding <= H, widestTargeted, widestLeak, widestLanding };
}

const retestCalls = (scoredAnswers: number) => reliabilitySampleSize(scoredAnswers, { panel: [], retestShare: RETEST_SHARE_DEFAULT });

/** One answer as the worker makes it; null when it is not scored (empty, refused, cut short). */
function answer(world: SimWorld, prompt: string, trait: string, item: number, sample: number, settings: RunSettings, judged: readonly string[]) {
  const text = probeTrait(trait)!.probes[item].text;
  const gen = world.chat({
    model: SIMULATOR_MODEL, temperature: settings.temperature, seed: settings.seed + sample,
    messages: [{ role: "system", content: prompt }, { role: "user", content: text }],
  });
  if (outcomeBeforeJudge({ text: gen.text, finishReason: gen.finishReason, refusal: null }) !== null) return null;
  const { request } = judgeRequestForAnswer({ answer: gen.text, question: text, traitKeys: judged, model: SIMULATOR_MODEL });
  const ok = parseJudgeOutput(world.chat(request).text, judged);
  if (!ok.ok || outcomeAfterJudge(ok) !== "scored") return null;
  return ok.scores;
}

/** promptfoo's oracle: per trait, the smallest n (items in library order, then repeats) whose landing is ≤ ±H. */
function promptfooOracle(worldSeed: number, prompt: string, settings: RunSettings, minItems: number) {
  const world = new SimWorld({ ...ADVERSARIAL_DEFAULTS, worldSeed });
  const perTrait: Record<string, number> = {};
  for (const trait of WATCHED) {
    const items = probeTrait(trait)!.probes.length;
    const byItem: Record<string, number[]> = {};
    let n = 0;
    for (;;) {
      const item = n % items, sample = Math.floor(n / items);
      n++;
      const s = answer(world, prompt, trait, item, sample, settings, [trait])?.[trait];
      if (typeof s === "number") (byItem[String(item)] ??= []).push(s);
      const summary = landingSummary(byItem);
      if (summary.nItems >= Math.min(items, minItems) && summary.halfWidth <= H) break;
      if (n >= 20 * items) break;
    }
    perTrait[trait] = n;
  }
  const answers = Object.values(perTrait).reduce((s, x) => s + x, 0);
  return { calls: 2 * answers, perTrait };
}

/** Our arms on a fixed plan: `plan(trait)` lists (item, sample); the report built as the worker's. */
function fixedPlan(worldSeed: number, prompts: { persona: string }, settings: RunSettings, targets: Record<string, number>,
  plan: (items: number) => [number, number][], baselineCached: boolean) {
  const world = new SimWorld({ ...ADVERSARIAL_DEFAULTS, worldSeed });
  const arms: Record<"persona" | "baseline", JudgedAnswer[]> = { persona: [], baseline: [] };
  let answers = 0;
  for (const kind of ["persona", "baseline"] as const) {
    for (const trait of WATCHED) {
      for (const [item, sample] of plan(probeTrait(trait)!.probes.length)) {
        const scores = answer(world, kind === "persona" ? prompts.persona : NEUTRAL_PROMPT, trait, item, sample, settings, WATCHED);
        if (kind === "persona" || !baselineCached) answers++;
        if (scores) arms[kind].push({ id: `${kind}:${trait}:${item}:${sample}`, traitKey: trait, itemIndex: item, scores });
      }
    }
  }
  const report = buildReport({ watched: WATCHED, targets, persona: arms.persona, baseline: arms.baseline, done: {}, final: true });
  const scored = arms.persona.length + arms.baseline.length;
  return { calls: 2 * answers + retestCalls(scored), reach: reach(report, targets) };
}

/** The smallest plan parameter (1…max) that reaches A and the one that reaches B. */
function leanest(max: number, run: (p: number) => { calls: number; reach: Reach }) {
  const out: { A: number | null; B: number | null; callsA: number; callsB: number } = { A: null, B: null, callsA: NaN, callsB: NaN };
  for (let p = 1; p <= max && (out.A === null || out.B === null); p++) {
    const r = run(p);
    if (out.A === null && r.reach.A) { out.A = p; out.callsA = r.calls; }
    if (out.B === null && r.reach.B) { out.B = p; out.callsB = r.calls; }
  }
  return out;
}

const stat = (xs: readonly number[]) => {
  const ok = xs.filter(Number.isFinite);
  const m = ok.reduce((s, x) => s + x, 0) / ok.length;
  const v = ok.length > 1 ? ok.reduce((s, x) => s + (x - m) ** 2, 0) / (ok.length - 1) : 0;
  return { m, se: Math.sqrt(v / ok.length), n: ok.length };
};
const show = (xs: readonly number[], digits = 0) => {
  const s = stat(xs);
  return `${s.m.toFixed(digits)} ± ${s.se.toFixed(digits)}${s.n < xs.length ? ` (${xs.length - s.n} worlds never reached)` : ""}`;
};
/** A ratio of means with the delta-method standard error over worlds (paired). */
const ratio = (num: readonly number[], den: readonly number[]) => {
  const pairs = num.map((x, i) => [x, den[i]] as const).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const a = pairs.map((p) => p[0]), b = pairs.map((p) => p[1]);
  const ma = stat(a).m, mb = stat(b).m, r = ma / mb;
  const d = pairs.map(([x, y]) => x - r * y);
  const se = Math.sqrt(d.reduce((s, x) => s + x * x, 0) / Math.max(1, d.length - 1) / d.length) / mb;
  return { r, se, text: `${r.toFixed(3)} ± ${se.toFixed(3)}${pairs.length < num.length ? ` (${pairs.length} of ${num.length} worlds)` : ""}` };
};

function main() {
  const promptA = promptOf(PERSONA_A), promptB = promptOf(PERSONA_B);
  const rows = {
    ourFresh: [] as number[], ourCached: [] as number[], reachFresh: [] as Reach[], reachCached: [] as Reach[],
    pf: [] as number[], pf12: [] as number[], pfB: [] as number[], pfB12: [] as number[],
    fixedKFreshA: [] as number[], fixedKFreshB: [] as number[], fixedKCachedA: [] as number[], fixedKCachedB: [] as number[],
    fixedNFreshA: [] as number[], fixedNFreshB: [] as number[], fixedNCachedA: [] as number[], fixedNCachedB: [] as number[],
    baselineJudgeHits: [] as number[], answersFresh: [] as number[],
  };
  const t0 = Date.now();
  for (let w = 0; w < WORLDS; w++) {
    const worldSeed = SEED * 100_003 + w;
    const settings = { ...RUN_DEFAULTS, seed: (SEED * 7919 + w * 104_729) % 1_000_000 };
    const world = new SimWorld({ ...ADVERSARIAL_DEFAULTS, worldSeed });
    const a = runProbe(world, { runId: `eff-${w}-a`, systemPrompt: promptA, targets: PERSONA_A.targets, watched: WATCHED, settings });
    const b = runProbe(world, { runId: `eff-${w}-b`, systemPrompt: promptB, targets: PERSONA_B.targets, watched: WATCHED, settings });
    const scored = (r: typeof a) => r.answers.persona + r.answers.baseline;
    rows.ourFresh.push(a.generateCalls + a.judgeCalls + retestCalls(scored(a)));
    rows.ourCached.push(b.generateCalls + b.judgeCalls + retestCalls(scored(b)));
    rows.reachFresh.push(reach(a.report, PERSONA_A.targets));
    rows.reachCached.push(reach(b.report, PERSONA_B.targets));
    rows.baselineJudgeHits.push(b.baselineJudgeCacheHits);
    rows.answersFresh.push(a.answers.persona);

    rows.pf.push(promptfooOracle(worldSeed, promptA, settings, 2).calls);
    rows.pf12.push(promptfooOracle(worldSeed, promptA, settings, 12).calls);
    rows.pfB.push(promptfooOracle(worldSeed, promptB, settings, 2).calls);
    rows.pfB12.push(promptfooOracle(worldSeed, promptB, settings, 12).calls);
    for (const cached of [false, true]) {
      // Fresh: persona A and its baseline; cached: persona B, its baseline free (as in (b)).
      const [prompt, targets] = cached ? [promptB, PERSONA_B.targets] : [promptA, PERSONA_A.targets];
      const k = leanest(4, (k) => fixedPlan(worldSeed, { persona: prompt }, settings, targets,
        (items) => Array.from({ length: items * k }, (_, i) => [i % items, Math.floor(i / items)]), cached));
      const n = leanest(30, (n) => fixedPlan(worldSeed, { persona: prompt }, settings, targets,
        (items) => Array.from({ length: Math.min(n, items) }, (_, i) => [i, 0]), cached));
      if (cached) {
        rows.fixedKCachedA.push(k.callsA); rows.fixedKCachedB.push(k.callsB);
        rows.fixedNCachedA.push(n.callsA); rows.fixedNCachedB.push(n.callsB);
      } else {
        rows.fixedKFreshA.push(k.callsA); rows.fixedKFreshB.push(k.callsB);
        rows.fixedNFreshA.push(n.callsA); rows.fixedNFreshB.push(n.callsB);
      }
    }
  }
  const share = (xs: Reach[], f: (r: Reach) => boolean) => `${xs.filter(f).length}/${xs.length}`;
  const widest = (xs: Reach[], f: (r: Reach) => number) => Math.max(...xs.map(f)).toFixed(1);

  console.log(`efficiency  ${WORLDS} worlds (seed ${SEED}) of the calibration bench's adversarial simulator; API defaults (±${H}, budget ${RUN_DEFAULTS.budgetPerTrait}/trait/arm, C=${RUN_DEFAULTS.concurrency}); retest share ${RETEST_SHARE_DEFAULT}`);
  console.log(`  persona     targets ${JSON.stringify(PERSONA_A.targets)}; watched (fixed list of 8) ${WATCHED.join(", ")}`);
  console.log(`  second      targets ${JSON.stringify(PERSONA_B.targets)}, same 8 watched, same world: baseline answers and judgments from the cache`);
  console.log(`  calls = target + judge calls that reached the model (+ retest); mean ± Monte Carlo se over worlds`);
  console.log("");
  console.log(`  (a) our run, fresh workspace        ${show(rows.ourFresh)}   reached A ${share(rows.reachFresh, (r) => r.A)}, B ${share(rows.reachFresh, (r) => r.B)} (widest targeted ±${widest(rows.reachFresh, (r) => r.widestTargeted)}, leak shift ±${widest(rows.reachFresh, (r) => r.widestLeak)}, any landing ±${widest(rows.reachFresh, (r) => r.widestLanding)}); persona answers ${show(rows.answersFresh)}`);
  console.log(`  (b) second persona, cached baseline ${show(rows.ourCached)}   reached A ${share(rows.reachCached, (r) => r.A)}, B ${share(rows.reachCached, (r) => r.B)} (widest targeted ±${widest(rows.reachCached, (r) => r.widestTargeted)}, leak shift ±${widest(rows.reachCached, (r) => r.widestLeak)}, any landing ±${widest(rows.reachCached, (r) => r.widestLanding)}); baseline judgments from cache ${show(rows.baselineJudgeHits)}`);
  console.log(`  (c) promptfoo oracle, n ≥ 2 items   first ${show(rows.pf)}, second ${show(rows.pfB)}   (reaches B by construction; no baseline, so no shift at all)`);
  console.log(`      promptfoo oracle, n ≥ 12 items  first ${show(rows.pf12)}, second ${show(rows.pfB12)}`);
  console.log(`  (d) leanest fixed k/item, fresh     A ${show(rows.fixedKFreshA)}   B ${show(rows.fixedKFreshB)}`);
  console.log(`      leanest fixed k/item, cached    A ${show(rows.fixedKCachedA)}   B ${show(rows.fixedKCachedB)}`);
  console.log(`      leanest fixed n items, fresh    A ${show(rows.fixedNFreshA)}   B ${show(rows.fixedNFreshB)}`);
  console.log(`      leanest fixed n items, cached   A ${show(rows.fixedNCachedA)}   B ${show(rows.fixedNCachedB)}`);
  console.log("");
  const goal = (r: { r: number; se: number }) => (r.r <= 0.5 ? "✓ goal ≤ 0.5" : "✗ goal ≤ 0.5");
  for (const [label, ours, pfs, pfs12] of [["(a) fresh ", rows.ourFresh, rows.pf, rows.pf12], ["(b) cached", rows.ourCached, rows.pfB, rows.pfB12]] as const) {
    const pf = ratio(ours, pfs), pf12 = ratio(ours, pfs12);
    console.log(`  ${label}  ÷ promptfoo oracle ${pf.text} ${goal(pf)};  ÷ promptfoo oracle n≥12 ${pf12.text} ${goal(pf12)}`);
  }
  console.log(`  (a) fresh   ÷ leanest fixed k/item: A ${ratio(rows.ourFresh, rows.fixedKFreshA).text}, B ${ratio(rows.ourFresh, rows.fixedKFreshB).text};  ÷ leanest fixed n: A ${ratio(rows.ourFresh, rows.fixedNFreshA).text}, B ${ratio(rows.ourFresh, rows.fixedNFreshB).text}`);
  console.log(`  (b) cached  ÷ leanest fixed k/item: A ${ratio(rows.ourCached, rows.fixedKCachedA).text}, B ${ratio(rows.ourCached, rows.fixedKCachedB).text};  ÷ leanest fixed n: A ${ratio(rows.ourCached, rows.fixedNCachedA).text}, B ${ratio(rows.ourCached, rows.fixedNCachedB).text}`);
  console.log(`  note: A is what the report's verdicts read (targeted landings, untargeted leak shifts); B also asks every untargeted landing for ±${H}. Our run is one plan for both: compare it with a comparator's A only where it reached A, with B only where it reached B (see "reached").`);
  console.log(`\n  ${((Date.now() - t0) / 1000).toFixed(1)} s wall`);
}

main();
