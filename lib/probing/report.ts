import { computeFlags, describeThresholds, type Thresholds } from "@/lib/probing/flags";
import { correlationMatrix, landingTable, type ScoreRow } from "@/lib/probing/stats";
import type { DoneReason } from "@/lib/probing/stats/adaptive";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { ProbeReport } from "@/lib/schemas/probe";

// The report is a pure function of the stored answers: the same answers always
// give the same numbers, a running probe shows a partial report, and a finished
// one can be recomputed at any time.

/** itemIndex: which of its trait's probe items the answer is to (items are the landing's unit). */
export type JudgedAnswer = { id: string; traitKey: string; itemIndex: number; scores: ScoreRow };

export type ReportInput = {
  watched: readonly string[];
  targets: Readonly<Record<string, number>>;
  persona: readonly JudgedAnswer[];
  baseline: readonly JudgedAnswer[];
  done: Readonly<Record<string, DoneReason>>;
  final: boolean;
  thresholds?: Partial<Thresholds>;
  names?: Readonly<Record<string, string>>;
};

const finite = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

/** A trait's landing uses its own probe items' answers, grouped by item; correlations use every answer. */
function ownScores(answers: readonly JudgedAnswer[], key: string): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const a of answers) if (a.traitKey === key) (out[String(a.itemIndex)] ??= []).push(a.scores[key] ?? null);
  return out;
}

export function buildReport(input: ReportInput): ProbeReport {
  const keys = [...input.watched];
  const rows = landingTable({
    keys,
    targets: input.targets,
    landing: Object.fromEntries(keys.map((k) => [k, ownScores(input.persona, k)])),
    baseline: Object.fromEntries(keys.map((k) => [k, ownScores(input.baseline, k)])),
  });
  const correlations = correlationMatrix(input.persona.map((a) => a.scores), keys);
  const name = (k: string) => input.names?.[k] ?? findTrait(k)?.name ?? humanizeTraitKey(k);
  const flags = computeFlags({
    traits: rows.map((r) => ({ ...r, name: name(r.key) })),
    correlations,
    answers: input.persona.map((a) => ({ id: a.id, scores: a.scores })),
    thresholds: input.thresholds,
  });
  return {
    rows: rows.map((r) => ({
      key: r.key,
      name: name(r.key),
      target: r.target ?? null,
      landing: { ...r.landing, halfWidth: finite(r.landing.halfWidth) },
      baseline: { ...r.baseline, halfWidth: finite(r.baseline.halfWidth) },
      shift: { ...r.shift, halfWidth: finite(r.shift.halfWidth) },
      done: input.done[r.key] ?? null,
    })),
    correlations,
    flags,
    thresholds: describeThresholds(input.thresholds ?? {}).map((t) => ({ key: String(t.key), label: t.label, value: t.value, rationale: t.rationale })),
    points: input.persona.map((a) => ({
      id: a.id,
      traitKey: a.traitKey,
      scores: Object.fromEntries(keys.map((k) => [k, a.scores[k] ?? null])),
    })),
    final: input.final,
  };
}
