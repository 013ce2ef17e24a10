import { allScores, itemId, ownScores } from "@/lib/probing/answer-items";
import { instructedRange, type InstructedRange } from "@/lib/persona/target-scale";
import { controlPair } from "@/lib/probing/control-pairs";
import { computeFlags, DEFAULT_THRESHOLDS, describeThresholds, traitVerdicts, verdictLine, type ControlArm, type Thresholds } from "@/lib/probing/flags";
import { rangeCurve, type Achievable } from "@/lib/probing/scale-report";
import { scenarioGapSentence, scenarioLandingRows, type ScenarioAnswer } from "@/lib/probing/scenario-landing";
import { checksReport, type ChecksInput } from "@/lib/probing/checks-report";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import { landingTable, withinItemMatrix, type ScoreRow } from "@/lib/probing/stats";
import type { OutcomeCounts } from "@/lib/probing/outcome";
import type { DoneReason } from "@/lib/probing/stats/adaptive";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { ProbeReport } from "@/lib/schemas/probe";
import { FRAMING_ARM_KIND, type FrozenPressure, type FrozenSelfReport } from "@/lib/schemas/pressure";
import { framingSection, pressureSection, selfReportSection, type PressureRow, type SelfReportRow } from "@/lib/probing/pressure/report-sections";

// The report is a pure function of the stored answers: the same answers always
// give the same numbers, a running probe shows a partial report, and a finished
// one can be recomputed at any time.
//
// Which answers count for what (every answer is judged on every watched trait):
// - a trait's landing and its shift column: its own probe items' answers,
//   grouped by item (the landing's estimand is the trait's item population);
// - leakage: every item the run asked, any trait's (`leakShift`), paired by item
//   — the judgments the run pays for anyway, and 8–24× the items;
// - correlations: within items, over every answer of the run (persona; the
//   baseline's too for the tension flag's persona − baseline difference).
// Pressure turns and self-ratings (issue 14) are answers of their own kinds:
// they feed only their sections (lib/probing/pressure/report-sections.ts) and
// flags, never a landing, a shift, a correlation, the points or the persona
// arm's outcome counts. The framing arm answers the persona's items and feeds
// only the framing section.
//
// Each question has one rule, computed once and read by the flags, the rows
// and the UI alike:
// - "is this targeted trait off target?" — flags/trait-flags.ts landingJudgement
//   (range.ts judgeLanding against the instruction actually given and the
//   achievable range): the miss/overshoot flags, the pair flags, `verdicts.targets`
//   and each row's `judged`;
// - "do the pair compromise?" — control-pairs.ts togetherVsAlone + controlVerdict:
//   the compromise flag and `controlPairs`.

/** itemIndex: which of its trait's probe items the answer is to (items are the landing's unit). */
export type JudgedAnswer = { id: string; traitKey: string; itemIndex: number; scores: ScoreRow };

/**
 * An extra arm of the run (ProbeRun.arms): role "control" arms targeting one
 * trait are "A alone" (`without`: the partners whose targets it dropped);
 * role "level" arms are a range check's levels.
 */
export type ArmSpec = {
  kind: string; label?: string; role: "control" | "level" | "framing"; traits?: readonly string[]; level?: number; without?: readonly string[];
};

/**
 * The scale a targeted trait is judged on (issue 11 §5). `instructed`: per
 * trait, the instruction its target compiled to, as the range of targets that
 * share it — default: the compiler's band (lib/persona/target-scale.ts); null
 * judges that trait against its target number. `achievable`: per trait, the
 * lowest and highest landing a range check of the same persona version, model
 * and judge reached.
 */
export type ScaleInput = {
  instructed?: Readonly<Record<string, InstructedRange | null>>;
  achievable?: Readonly<Record<string, Achievable>>;
};

export type ReportInput = {
  watched: readonly string[];
  targets: Readonly<Record<string, number>>;
  persona: readonly JudgedAnswer[];
  baseline: readonly JudgedAnswer[];
  done: Readonly<Record<string, DoneReason>>;
  final: boolean;
  thresholds?: Partial<Thresholds>;
  names?: Readonly<Record<string, string>>;
  /** The run's extra arms; with `controls`, single-trait control arms back a "compromise". */
  arms?: readonly ArmSpec[];
  /** Judged answers per extra arm kind (ProbeAnswer.kind: control arms, range-check levels), on the persona's items. */
  controls?: Readonly<Record<string, readonly JudgedAnswer[]>>;
  /** Answers per arm kind by outcome (lib/probing/outcome.ts); only scored ones are in persona/baseline/controls. */
  outcomes?: Readonly<Record<string, OutcomeCounts>>;
  /** Instructed and achievable ranges: the flags and the rows judge every target on them. */
  scale?: ScaleInput;
  /** "range": a range check — the report adds its dose–response curve from the level arms. */
  mode?: "landing" | "range";
  /**
   * The run's frozen scenarios (count) and their scored answers per arm
   * (lib/probing/scenario-landing.ts); absent or count 0: no scenario rows.
   * Scenario answers are never in persona/baseline: they are not library items.
   */
  scenarios?: { count: number; persona: readonly ScenarioAnswer[]; baseline: readonly ScenarioAnswer[] };
  /** The frozen scenarios with their checks and the scored scenario answers' texts per arm (lib/probing/checks-report.ts). */
  checks?: ChecksInput;
  /** Pressure conversations (RunConfig.pressure) and their stored turns; `stopped`: the run is over (unfinished ones ended early). */
  pressure?: { frozen: FrozenPressure; rows: readonly PressureRow[]; stopped: boolean };
  /** Self-rating questions (RunConfig.selfReport) and the stored self-report answers. */
  selfReport?: { frozen: FrozenSelfReport; rows: readonly SelfReportRow[] };
  /** The framed trait and its two wordings (RunConfig.framing); the requested arm's answers are `controls[FRAMING_ARM_KIND]`. */
  framing?: { trait: string; target: number; nature: string; requested: string };
};

const finite = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

const asItemAnswers = (answers: readonly JudgedAnswer[]): ItemAnswer[] => answers.map((a) => ({ item: itemId(a), scores: a.scores }));

function controlArms(input: ReportInput, keys: readonly string[]): ControlArm[] {
  return (input.arms ?? []).flatMap((arm) => {
    const answers = input.controls?.[arm.kind];
    if (arm.role !== "control" || !arm.traits?.length || !answers?.length) return [];
    return [{
      kind: arm.kind, label: arm.label, traits: arm.traits, ...(arm.without ? { without: arm.without } : {}),
      scores: Object.fromEntries(keys.map((k) => [k, ownScores(answers, k)])),
    }];
  });
}

/** Pairs of targets that each have an "alone" arm dropping the other (a, b in key order). */
function controlledPairs(arms: readonly ControlArm[], targets: Readonly<Record<string, number>>): [string, string][] {
  const alone = (t: string, partner: string) =>
    arms.some((a) => a.traits.length === 1 && a.traits[0] === t && (!a.without || a.without.includes(partner)));
  const keys = [...new Set(arms.filter((a) => a.traits.length === 1).map((a) => a.traits[0]))].filter((k) => targets[k] !== undefined).sort();
  const out: [string, string][] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (alone(keys[i], keys[j]) && alone(keys[j], keys[i])) out.push([keys[i], keys[j]]);
  return out;
}

export function buildReport(input: ReportInput): ProbeReport {
  const keys = [...input.watched];
  const landing = Object.fromEntries(keys.map((k) => [k, ownScores(input.persona, k)]));
  const rows = landingTable({
    keys,
    targets: input.targets,
    landing,
    baseline: Object.fromEntries(keys.map((k) => [k, ownScores(input.baseline, k)])),
    allItems: {
      landing: Object.fromEntries(keys.map((k) => [k, allScores(input.persona, k)])),
      baseline: Object.fromEntries(keys.map((k) => [k, allScores(input.baseline, k)])),
    },
  });
  const itemAnswers = { persona: asItemAnswers(input.persona), baseline: asItemAnswers(input.baseline) };
  const correlations = withinItemMatrix(itemAnswers.persona, keys);
  const name = (k: string) => input.names?.[k] ?? findTrait(k)?.name ?? humanizeTraitKey(k);
  const instructed = (r: (typeof rows)[number]): InstructedRange | null =>
    r.target === undefined ? null : input.scale?.instructed?.[r.key] === undefined ? instructedRange(r.target) : input.scale.instructed[r.key]!;
  const achievable = input.scale?.achievable ?? {};
  const controls = controlArms(input, keys);
  const flagInput = {
    traits: rows.map((r) => {
      const a = achievable[r.key];
      return { ...r, name: name(r.key), instructed: instructed(r), achievable: a ? { lo: a.lo, hi: a.hi } : null };
    }),
    correlations,
    answers: input.persona.map((a) => ({ id: a.id, scores: a.scores })),
    itemAnswers,
    personaScores: landing,
    controls,
    thresholds: input.thresholds,
  };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...input.thresholds };
  // One rule, one set of inputs: the rows carry the judgement the flags read (trait-flags.ts landingJudgement).
  const verdicts = traitVerdicts(flagInput);
  const judgedOf = new Map(verdicts.targets.map(({ key, ...j }) => [key, j]));
  const controlPairs = controlledPairs(controls, input.targets).map(([a, b]) => {
    const p = controlPair(a, b, controls, landing, { minDrop: thresholds.leakageShift });
    return { traits: p.traits, comparisons: p.comparisons.filter((c) => c !== null), verdict: p.verdict };
  });
  const range = input.mode === "range" ? rangeCurve(input.arms ?? [], input.controls ?? {}, input.baseline, (k) => name(k)) : null;
  const shift = (s: (typeof rows)[number]["shift"]) => ({ ...s, halfWidth: finite(s.halfWidth) });
  const reportRows = rows.map((r) => {
    const i = instructed(r);
    const j = judgedOf.get(r.key);
    const a = achievable[r.key];
    return {
      key: r.key,
      name: name(r.key),
      target: r.target ?? null,
      landing: { ...r.landing, halfWidth: finite(r.landing.halfWidth) },
      baseline: { ...r.baseline, halfWidth: finite(r.baseline.halfWidth) },
      shift: shift(r.shift),
      ...(r.leakShift ? { leakShift: shift(r.leakShift) } : {}),
      done: input.done[r.key] ?? null,
      ...(i ? { instructed: i } : {}),
      ...(j ? { judged: { ...j, ...(a ? { rangeRunId: a.runId } : {}) } } : {}),
    };
  });
  const names = Object.fromEntries(keys.map((k) => [k, name(k)]));
  const pressure = input.pressure ? pressureSection({
    ...input.pressure, watched: keys, names,
    bands: Object.fromEntries(verdicts.targets.map((t) => [t.key, t.window])),
    baseline: Object.fromEntries(rows.map((r) => [r.key, r.baseline.mean])),
  }) : null;
  const selfReport = input.selfReport ? selfReportSection({ ...input.selfReport, behaviour: landing, names }) : null;
  const framing = input.framing ? framingSection({
    // Leakage is about untargeted traits: the persona's other targets move on purpose under both wordings.
    frozen: input.framing, watched: keys.filter((k) => k === input.framing!.trait || input.targets[k] === undefined), persona: input.persona, requested: input.controls?.[FRAMING_ARM_KIND] ?? [], baseline: input.baseline, names,
  }) : null;
  const flags = [...computeFlags(flagInput), ...(pressure?.flags ?? []), ...(selfReport?.flags ?? [])];
  const scenarioRows = input.scenarios?.count ? scenarioLandingRows({ keys, persona: input.scenarios.persona, baseline: input.scenarios.baseline, general: landing }).map((r) => {
    const general = rows.find((x) => x.key === r.key)!.landing.mean;
    return {
      ...r,
      landing: { ...r.landing, halfWidth: finite(r.landing.halfWidth) },
      baseline: { ...r.baseline, halfWidth: finite(r.baseline.halfWidth) },
      shift: shift(r.shift),
      sentence: scenarioGapSentence(name(r.key), general, r),
    };
  }) : null;
  const checks = input.checks ? checksReport(input.checks) : undefined;
  return {
    // One sentence on top: the main issue (flags/verdict-line.ts).
    verdictLine: verdictLine({ flags, rows: reportRows, final: input.final }),
    rows: reportRows,
    correlations,
    flags,
    verdicts,
    thresholds: describeThresholds(input.thresholds ?? {}).map((t) => ({ key: String(t.key), label: t.label, value: t.value, rationale: t.rationale })),
    points: input.persona.map((a) => ({
      id: a.id,
      traitKey: a.traitKey,
      scores: Object.fromEntries(keys.map((k) => [k, a.scores[k] ?? null])),
    })),
    final: input.final,
    ...(input.outcomes ? { outcomes: Object.fromEntries(Object.entries(input.outcomes).map(([k, c]) => [k, { ...c }])) } : {}),
    ...(controlPairs.length ? { controlPairs } : {}),
    ...(range ? { range } : {}),
    ...(scenarioRows ? { scenarioRows, scenarios: { count: input.scenarios!.count, answered: new Set(input.scenarios!.persona.map((a) => a.itemIndex)).size } } : {}),
    ...(checks ? { checks } : {}),
    ...(pressure ? { pressure: pressure.section } : {}),
    ...(selfReport ? { selfReport: selfReport.section } : {}),
    ...(framing ? { framing } : {}),
  };
}
