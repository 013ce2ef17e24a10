import { computeFlags, describeThresholds, traitVerdicts, type ControlArm, type Thresholds } from "@/lib/probing/flags";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import { landingTable, withinItemMatrix, type ScoreRow } from "@/lib/probing/stats";
import type { OutcomeCounts } from "@/lib/probing/outcome";
import type { DoneReason } from "@/lib/probing/stats/adaptive";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { ProbeReport } from "@/lib/schemas/probe";

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

/** itemIndex: which of its trait's probe items the answer is to (items are the landing's unit). */
export type JudgedAnswer = { id: string; traitKey: string; itemIndex: number; scores: ScoreRow };

/** An extra arm of the run (ProbeRun.arms); role "control" arms targeting one trait are "A alone". */
export type ArmSpec = { kind: string; label?: string; role: "control" | "level"; traits?: readonly string[] };

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
  /** Judged answers per arm kind (ProbeAnswer.kind), on the same items as the persona. */
  controls?: Readonly<Record<string, readonly JudgedAnswer[]>>;
  /** Answers per arm kind by outcome (lib/probing/outcome.ts); only scored ones are in persona/baseline/controls. */
  outcomes?: Readonly<Record<string, OutcomeCounts>>;
};

const finite = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

/** A trait's own probe items' answers, grouped by item (the landing's unit). */
function ownScores(answers: readonly JudgedAnswer[], key: string): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const a of answers) if (a.traitKey === key) (out[String(a.itemIndex)] ??= []).push(a.scores[key] ?? null);
  return out;
}

/** An item id unique across traits: item 3 of "warm" is not item 3 of "firm". */
const itemId = (a: JudgedAnswer): string => `${a.traitKey}#${a.itemIndex}`;

/** Every answer's score for `key`, grouped by item over all the run's items. */
function allScores(answers: readonly JudgedAnswer[], key: string): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const a of answers) (out[itemId(a)] ??= []).push(a.scores[key] ?? null);
  return out;
}

const asItemAnswers = (answers: readonly JudgedAnswer[]): ItemAnswer[] => answers.map((a) => ({ item: itemId(a), scores: a.scores }));

function controlArms(input: ReportInput, keys: readonly string[]): ControlArm[] {
  return (input.arms ?? []).flatMap((arm) => {
    const answers = input.controls?.[arm.kind];
    if (arm.role !== "control" || !arm.traits?.length || !answers?.length) return [];
    return [{ kind: arm.kind, label: arm.label, traits: arm.traits, scores: Object.fromEntries(keys.map((k) => [k, ownScores(answers, k)])) }];
  });
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
  const flagInput = {
    traits: rows.map((r) => ({ ...r, name: name(r.key) })),
    correlations,
    answers: input.persona.map((a) => ({ id: a.id, scores: a.scores })),
    itemAnswers,
    personaScores: landing,
    controls: controlArms(input, keys),
    thresholds: input.thresholds,
  };
  const shift = (s: (typeof rows)[number]["shift"]) => ({ ...s, halfWidth: finite(s.halfWidth) });
  return {
    rows: rows.map((r) => ({
      key: r.key,
      name: name(r.key),
      target: r.target ?? null,
      landing: { ...r.landing, halfWidth: finite(r.landing.halfWidth) },
      baseline: { ...r.baseline, halfWidth: finite(r.baseline.halfWidth) },
      shift: shift(r.shift),
      ...(r.leakShift ? { leakShift: shift(r.leakShift) } : {}),
      done: input.done[r.key] ?? null,
    })),
    correlations,
    flags: computeFlags(flagInput),
    verdicts: traitVerdicts(flagInput),
    thresholds: describeThresholds(input.thresholds ?? {}).map((t) => ({ key: String(t.key), label: t.label, value: t.value, rationale: t.rationale })),
    points: input.persona.map((a) => ({
      id: a.id,
      traitKey: a.traitKey,
      scores: Object.fromEntries(keys.map((k) => [k, a.scores[k] ?? null])),
    })),
    final: input.final,
    ...(input.outcomes ? { outcomes: Object.fromEntries(Object.entries(input.outcomes).map(([k, c]) => [k, { ...c }])) } : {}),
  };
}
