import { ADVERSARIAL_DEFAULTS, type AdversarialOptions } from "../../lib/llm/simulator/adversarial";
import { expectedLanding, inferPosition } from "../../lib/llm/simulator";
import { compilePersona } from "../../lib/persona/compile";
import { MIN_WIN_DIFFERENCE, rankVariants, VARIANT_LEVEL } from "../../lib/probing/compare";
import { relatedTraits } from "../../lib/probing/traits";
import { emptySpec, type PersonaSpec } from "../../lib/schemas/persona";
import { BUILTIN_TRAITS } from "../../lib/traits/catalog";
import { NEUTRAL_PROMPT, RUN_DEFAULTS, runProbe, SimWorld, type ProbeRunResult, type RunSettings } from "./pipeline";
import { populationTruth, type Truth } from "./truth";

// The calibration harness core: many seeded probe runs in the simulator's
// adversarial mode, driven through the product's own pure pipeline
// (./pipeline.ts), scored against the simulator's ground truth (./truth.ts).
//
// One WORLD = one simulated model: a world seed (new item effects, judge noise,
// failed answers) and a run seed (the run's `seed` setting). In each world, in
// this order and sharing the world's call cache, as a designer would run them:
//   null      — a persona with no targets whose prompt moves nothing, 16 watched traits;
//   coherent  — warm 80 + empathetic 80 + patient 80, the default watched traits;
//   variant   — the same persona under another name (prompt text differs, behaviour does not),
//               probed with the same settings: the variants page's two contenders;
//   leak      — one target chosen (per settings) so that an untargeted watched trait
//               truly shifts ~10 judged points from baseline.
// Everything is a pure function of (options, world index), so worlds can run in
// any process and any order.

export type CalibrationOptions = {
  worlds: number;
  seed: number;
  /** Synthetic items per prompt for the ground truth (Monte Carlo). */
  truthItems: number;
  adversarial?: Partial<AdversarialOptions>;
  settings?: RunSettings;
};

/** The character is named in its prompt ("You are Alex."), as the worlds were calibrated; the display name alone never reaches it. */
const alex: PersonaSpec = { ...emptySpec("Alex"), characterName: "Alex" };

export type Scenario = { name: string; spec: PersonaSpec; prompt: string; targets: Record<string, number>; watched: string[] };

export type Prepared = {
  options: Required<Omit<CalibrationOptions, "adversarial">> & { adversarial: Partial<AdversarialOptions> };
  scenarios: Record<"null" | "coherent" | "variant" | "leak", Scenario>;
  truth: Record<string, Truth>;
  neutral: Truth;
  leak: { trait: string; targetTrait: string; trueShift: number; se: number };
};

export const NULL_WATCHED = BUILTIN_TRAITS.slice(0, 16).map((t) => t.key);
const COHERENT_TARGETS = { warm: 80, empathetic: 80, patient: 80 };
const LEAK_SIZE = 10;

const scenario = (name: string, spec: PersonaSpec, watched?: string[]): Scenario => ({
  name, spec, prompt: compilePersona(spec).prompt, targets: { ...spec.traitTargets },
  watched: watched ?? relatedTraits(Object.keys(spec.traitTargets)),
});

/**
 * The one-target persona whose largest side effect is closest to a true LEAK_SIZE
 * judged points: screened on the simulator's exact latent landing scaled by the
 * judge's compression, then confirmed on the population truth of the best few.
 */
function chooseLeak(adv: Partial<AdversarialOptions>, settings: RunSettings, neutral: Truth, truthItems: number) {
  const squeeze = 1 - (adv.scaleCompression ?? 0);
  const base = expectedLanding(inferPosition(NEUTRAL_PROMPT).z, settings.temperature);
  const candidates: { spec: PersonaSpec; leakTrait: string; approx: number }[] = [];
  for (const t of BUILTIN_TRAITS) {
    for (const target of [0, 20, 80, 100]) {
      const spec = { ...alex, traitTargets: { [t.key]: target } };
      const landing = expectedLanding(inferPosition(compilePersona(spec).prompt).z, settings.temperature);
      for (const y of BUILTIN_TRAITS) {
        if (y.key === t.key) continue;
        candidates.push({ spec, leakTrait: y.key, approx: Math.abs(landing[y.key] - base[y.key]) * squeeze });
      }
    }
  }
  candidates.sort((a, b) => Math.abs(a.approx - LEAK_SIZE) - Math.abs(b.approx - LEAK_SIZE));
  let best: { s: Scenario; truth: Truth; trait: string; shift: number } | null = null;
  for (const c of candidates.slice(0, 3)) {
    const s = scenario("leak", c.spec);
    if (!s.watched.includes(c.leakTrait)) s.watched.push(c.leakTrait);
    const truth = populationTruth(s.prompt, adv, { temperature: settings.temperature, items: truthItems });
    const shift = truth.mean[c.leakTrait] - neutral.mean[c.leakTrait];
    if (!best || Math.abs(Math.abs(shift) - LEAK_SIZE) < Math.abs(Math.abs(best.shift) - LEAK_SIZE)) best = { s, truth, trait: c.leakTrait, shift };
  }
  return best!;
}

export function prepare(options: CalibrationOptions): Prepared {
  const adversarial = options.adversarial ?? ADVERSARIAL_DEFAULTS;
  const settings = options.settings ?? RUN_DEFAULTS;
  const truthOf = (prompt: string) => populationTruth(prompt, adversarial, { temperature: settings.temperature, items: options.truthItems });
  const neutral = truthOf(NEUTRAL_PROMPT);
  const coherentSpec = { ...alex, traitTargets: COHERENT_TARGETS };
  const scenarios = {
    null: scenario("null", alex, NULL_WATCHED),
    coherent: scenario("coherent", coherentSpec),
    variant: scenario("variant", { ...coherentSpec, name: "Sam", characterName: "Sam" }),
  };
  const leak = chooseLeak(adversarial, settings, neutral, options.truthItems);
  const truth: Record<string, Truth> = {
    null: truthOf(scenarios.null.prompt),
    coherent: truthOf(scenarios.coherent.prompt),
    variant: truthOf(scenarios.variant.prompt),
    leak: leak.truth,
  };
  return {
    options: { worlds: options.worlds, seed: options.seed, truthItems: options.truthItems, adversarial, settings },
    scenarios: { ...scenarios, leak: leak.s },
    truth,
    neutral,
    leak: {
      trait: leak.trait, targetTrait: Object.keys(leak.s.targets)[0], trueShift: leak.shift,
      se: Math.hypot(leak.truth.se[leak.trait], neutral.se[leak.trait]),
    },
  };
}

export type RunRecord = {
  scenario: string;
  /** Landing intervals that contain the truth, of those with an interval. */
  covered: number;
  intervals: number;
  shiftCovered: number;
  shiftIntervals: number;
  /**
   * Of those, the targeted traits' landings (the planner samples them to ±5; untargeted ones may stop on the
   * leak shift with a wider 6-item landing). Chosen by design, never by the interval's realized width:
   * picking the narrow ones would pick those whose spread happened to look small, and undercover by construction.
   */
  targetedCovered: number;
  targetedIntervals: number;
  /** Landing intervals reported at ±0 (a degenerate interval). */
  zeroWidth: number;
  flags: string[];
  /** Baseline judge verdicts that came from the cache (judge order fixed per answer). */
  savedJudgeCalls: number;
  /** Judge calls still made on cached baseline answers (another watched set: another judge request). */
  unsavedJudgeCalls: number;
  /** Answers not scored (empty, refused, truncated), of all answers. */
  notScored: number;
  answers: number;
  judgeCalls: number;
  generateCalls: number;
};

export type WorldResult = { world: number; runs: RunRecord[]; winnerDeclared: boolean; variantTie: boolean };

function record(prep: Prepared, name: keyof Prepared["scenarios"], r: ProbeRunResult): RunRecord {
  const truth = prep.truth[name];
  let covered = 0, intervals = 0, shiftCovered = 0, shiftIntervals = 0, zeroWidth = 0, targetedCovered = 0, targetedIntervals = 0;
  for (const row of r.report.rows) {
    const { lo, hi } = row.landing;
    if (lo !== null && hi !== null) {
      intervals++;
      const inside = lo <= truth.mean[row.key] && truth.mean[row.key] <= hi;
      if (inside) covered++;
      if (row.target !== null) {
        targetedIntervals++;
        if (inside) targetedCovered++;
      }
      if (hi - lo === 0) zeroWidth++;
    }
    if (row.shift.lo !== null && row.shift.hi !== null) {
      shiftIntervals++;
      const d = truth.mean[row.key] - prep.neutral.mean[row.key];
      if (row.shift.lo <= d && d <= row.shift.hi) shiftCovered++;
    }
  }
  return {
    scenario: name, covered, intervals, shiftCovered, shiftIntervals, targetedCovered, targetedIntervals, zeroWidth, flags: r.report.flags.map((f) => f.id),
    savedJudgeCalls: r.baselineJudgeCacheHits, unsavedJudgeCalls: r.baselineJudgeCallsOnCachedAnswers,
    notScored: Object.values(r.outcomes).reduce((n, c) => n + c.empty + c.refused + c.truncated + c.failed, 0),
    answers: Object.values(r.outcomes).reduce((n, c) => n + c.scored + c.empty + c.refused + c.truncated + c.failed, 0),
    judgeCalls: r.judgeCalls, generateCalls: r.generateCalls,
  };
}

export function runWorld(prep: Prepared, world: number): WorldResult {
  const { seed, adversarial, settings } = prep.options;
  const sim = new SimWorld({ ...adversarial, worldSeed: seed * 100_003 + world });
  const runSettings = { ...settings, seed: (seed * 7919 + world * 104_729) % 1_000_000 };
  const runs: RunRecord[] = [];
  const results: Partial<Record<keyof Prepared["scenarios"], ProbeRunResult>> = {};
  for (const name of ["null", "coherent", "variant", "leak"] as const) {
    const s = prep.scenarios[name];
    const r = runProbe(sim, { runId: `cal-${seed}-${world}-${name}`, systemPrompt: s.prompt, targets: s.targets, watched: s.watched, settings: runSettings });
    results[name] = r;
    runs.push(record(prep, name, r));
  }
  // The variants page: rank the two contenders exactly as lib/services/variants/variant-probes.ts does
  // (rankVariants → paired by item, rankContenders, "no clear winner" unless the interval separates them).
  const ranked = rankVariants([
    { runId: "coherent", name: "Alex", variantId: null, status: "completed", report: results.coherent!.report, answers: results.coherent!.personaAnswers },
    { runId: "variant", name: "Sam", variantId: "b", status: "completed", report: results.variant!.report, answers: results.variant!.personaAnswers },
  ], prep.scenarios.coherent.targets);
  const [a, b] = ranked.standings;
  return { world, runs, winnerDeclared: ranked.winner !== null, variantTie: a.meanGap === b.meanGap };
}

export type Figure = {
  key: string;
  label: string;
  /** Share (0–1) or count per run. */
  value: number;
  /** Monte Carlo standard error of `value`. */
  se: number;
  /** Independent units behind the figure (worlds or runs). */
  n: number;
  target: { op: ">=" | "<="; value: number } | null;
  meets: boolean | null;
  note?: string;
};

const share = (xs: readonly boolean[]) => {
  const p = xs.filter(Boolean).length / xs.length;
  return { value: p, se: Math.sqrt((p * (1 - p)) / xs.length), n: xs.length };
};

/** A mean of per-unit values with the standard error across units (units = worlds, the independent replications). */
const meanOf = (xs: readonly number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.length > 1 ? xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) : 0;
  return { value: m, se: Math.sqrt(v / xs.length), n: xs.length };
};

/** Σ covered / Σ intervals, with the ratio estimator's standard error over worlds. */
const pooledShare = (parts: readonly { hit: number; total: number }[]) => {
  const H = parts.reduce((s, p) => s + p.hit, 0), T = parts.reduce((s, p) => s + p.total, 0);
  const p = T ? H / T : NaN;
  const k = parts.length;
  const tBar = T / k;
  const v = k > 1 ? parts.reduce((s, x) => s + (x.hit - p * x.total) ** 2, 0) / (k - 1) / (k * tBar * tBar) : 0;
  return { value: p, se: Math.sqrt(v), n: k };
};

const judge = (value: number, target: Figure["target"]) =>
  target === null ? null : target.op === ">=" ? value >= target.value : value <= target.value;

export function summarize(prep: Prepared, worlds: readonly WorldResult[]): Figure[] {
  const runs = (name: string) => worlds.map((w) => w.runs.find((r) => r.scenario === name)!);
  const fig = (key: string, label: string, s: { value: number; se: number; n: number }, target: Figure["target"], note?: string): Figure =>
    ({ key, label, ...s, target, meets: judge(s.value, target), ...(note ? { note } : {}) });
  const leakFlag = `leakage:${prep.leak.trait}`;
  const perWorld = (pick: (r: RunRecord) => { hit: number; total: number }) =>
    worlds.map((w) => w.runs.reduce((acc, r) => { const x = pick(r); return { hit: acc.hit + x.hit, total: acc.total + x.total }; }, { hit: 0, total: 0 }));
  const later = worlds.flatMap((w) => w.runs.slice(1).map((r) => r.savedJudgeCalls));
  return [
    fig("coverage", "coverage of the 95% landing interval (all watched traits, all runs)",
      pooledShare(perWorld((r) => ({ hit: r.covered, total: r.intervals }))), { op: ">=", value: 0.93 }),
    fig("falseLeakage", `runs with ≥ 1 leakage flag when the persona moves nothing (${prep.scenarios.null.watched.length} watched)`,
      share(runs("null").map((r) => r.flags.some((f) => f.startsWith("leakage:")))), { op: "<=", value: 0.05 }),
    fig("falseTension", "runs with a tension/compromise flag on warm 80 + empathetic 80 + patient 80",
      share(runs("coherent").map((r) => r.flags.some((f) => f.startsWith("tension:") || f.startsWith("compromise:")))), { op: "<=", value: 0.05 }),
    fig("trueLeak", `true ${prep.leak.trueShift.toFixed(1)}-point leak of ${prep.leak.trait} (target on ${prep.leak.targetTrait}) flagged`,
      share(runs("leak").map((r) => r.flags.includes(leakFlag))), { op: ">=", value: 0.8 }),
    fig("noWinner", "identical variants called \"no clear winner\"",
      share(worlds.map((w) => !w.winnerDeclared)), { op: ">=", value: 0.95 },
      `rankVariants: paired by item, Holm, a win needs its ${VARIANT_LEVEL * 100}% interval clear of 0 and ≥ ${MIN_WIN_DIFFERENCE} points`),
    fig("winnerDeclared", "identical variants: a winner was declared", share(worlds.map((w) => w.winnerDeclared)), null),
    fig("savedJudgeCalls", "judge calls per run saved by reusing cached baseline judgments",
      meanOf(worlds.flatMap((w) => w.runs.map((r) => r.savedJudgeCalls))), null,
      `${meanOf(later).value.toFixed(0)} per run after a world's first; of ${meanOf(worlds.flatMap((w) => w.runs.map((r) => r.judgeCalls))).value.toFixed(0)} judge calls per run; `
      + `${meanOf(worlds.flatMap((w) => w.runs.map((r) => r.unsavedJudgeCalls))).value.toFixed(0)} per run still judged on cached baseline answers (another watched set)`),
    fig("notScored", "context: answers not scored (empty, refused, cut short), kept out of the landings",
      pooledShare(worlds.map((w) => w.runs.reduce((acc, r) => ({ hit: acc.hit + r.notScored, total: acc.total + r.answers }), { hit: 0, total: 0 }))), null),
    fig("targetedCoverage", "context: coverage of the targeted traits' landings (sampled to ±5)",
      pooledShare(perWorld((r) => ({ hit: r.targetedCovered, total: r.targetedIntervals }))), null),
    fig("untargetedCoverage", "context: coverage of the untargeted traits' landings (may stop on the leak shift, wider)",
      pooledShare(perWorld((r) => ({ hit: r.covered - r.targetedCovered, total: r.intervals - r.targetedIntervals }))), null),
    fig("shiftCoverage", "context: coverage of the 95% shift interval (truth − neutral truth)",
      pooledShare(perWorld((r) => ({ hit: r.shiftCovered, total: r.shiftIntervals }))), null),
    fig("zeroWidth", "context: landing intervals reported as ±0", pooledShare(perWorld((r) => ({ hit: r.zeroWidth, total: r.intervals }))), null),
  ];
}

export function runCalibration(options: CalibrationOptions): { prep: Prepared; worlds: WorldResult[]; figures: Figure[] } {
  const prep = prepare(options);
  const worlds = Array.from({ length: options.worlds }, (_, i) => runWorld(prep, i));
  return { prep, worlds, figures: summarize(prep, worlds) };
}
