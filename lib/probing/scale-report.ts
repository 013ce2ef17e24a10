import { instructedRange, type InstructedRange } from "@/lib/persona/target-scale";
import { controlVerdict, type ControlPair, type ControlResult } from "@/lib/probing/control-pairs";
import { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
import { judgeLanding, rangeSummary, type Reach } from "@/lib/probing/range";
import type { JudgedAnswer } from "@/lib/probing/report";
import { landingSummary, pairedShift } from "@/lib/probing/stats/landing-table";
import type { ItemScores } from "@/lib/probing/methods/items";
import type { ProbeReport, RunArm } from "@/lib/schemas/probe";

// What the report adds for one scale (issue 11 §5) and for control arms (§3),
// on top of buildReport (lib/probing/report.ts): per targeted trait the
// instruction actually given (the band and its range of targets) and the
// landing judged against it (and against the achievable range when a range
// check of the same persona version and model exists); per controlled pair
// together vs alone with its verdict; for a range check its dose–response curve.
// Pure: the same answers and context give the same report.

export type ArmView = Omit<RunArm, "systemPrompt">;

/** Extra arms from ProbeRun.arms; malformed entries are skipped. */
export function parseRunArms(json: string | null | undefined): ArmView[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a: Partial<RunArm>) => {
    if (!a || typeof a.kind !== "string" || (a.role !== "control" && a.role !== "level")) return [];
    return [{
      kind: a.kind, label: typeof a.label === "string" ? a.label : a.kind, role: a.role,
      ...(Array.isArray(a.traits) ? { traits: a.traits.filter((t): t is string => typeof t === "string") } : {}),
      ...(typeof a.level === "number" ? { level: a.level } : {}),
      ...(Array.isArray(a.without) ? { without: a.without.filter((t): t is string => typeof t === "string") } : {}),
    }];
  });
}

/** The achievable range of a trait on a model, from a completed range check. */
export type Achievable = { lo: Reach; hi: Reach; runId: string };

export type ScaleInput = {
  mode: "landing" | "range";
  arms: readonly ArmView[];
  /** Scored answers per arm kind (the extra arms). */
  armAnswers: Readonly<Record<string, readonly JudgedAnswer[]>>;
  persona: readonly JudgedAnswer[];
  baseline: readonly JudgedAnswer[];
  /** Achievable ranges per trait from range checks (same persona version and model). */
  achievable?: Readonly<Record<string, Achievable>>;
  tolerance?: number;
  names?: Readonly<Record<string, string>>;
};

/** A trait's own items' scores, grouped by item. */
function own(answers: readonly JudgedAnswer[], key: string): ItemScores {
  const out: Record<string, (number | null)[]> = {};
  for (const a of answers) if (a.traitKey === key) (out[String(a.itemIndex)] ??= []).push(a.scores[key] ?? null);
  return out;
}

function controlResult(trait: string, arm: ArmView | undefined, input: ScaleInput): ControlResult | null {
  if (!arm) return null;
  const together = own(input.persona, trait);
  const alone = own(input.armAnswers[arm.kind] ?? [], trait);
  const s = pairedShift(together, alone);
  if (s.difference === null) return null;
  return {
    trait, arm: arm.label, alone: landingSummary(alone).mean, together: landingSummary(together).mean,
    estimate: s.difference, lo: s.lo, hi: s.hi, items: s.nItems ?? 0,
  };
}

/** The controlled pairs a run's arms record: "A alone" without B and "B alone" without A, both targets of the run. */
function pairsOf(arms: readonly ArmView[], targets: Readonly<Record<string, number>>): ControlPair[] {
  const controlled = new Set(arms.filter((a) => a.role === "control" && a.traits?.length === 1).map((a) => a.traits![0]));
  const pairs: ControlPair[] = [];
  for (const a of arms) {
    const t = a.role === "control" && a.traits?.length === 1 ? a.traits[0] : null;
    if (!t) continue;
    for (const p of a.without ?? []) if (controlled.has(p) && t < p && targets[t] !== undefined && targets[p] !== undefined) pairs.push([t, p]);
  }
  return pairs;
}

export function extendReport(report: ProbeReport, input: ScaleInput & { targets: Readonly<Record<string, number>> }): ProbeReport {
  const tolerance = input.tolerance ?? DEFAULT_THRESHOLDS.tolerance;
  const rows = report.rows.map((row) => {
    if (row.target === null) return row;
    const instructed: InstructedRange = instructedRange(row.target);
    const a = input.achievable?.[row.key];
    const judged = judgeLanding({
      landing: row.landing, target: row.target, baseline: row.baseline.mean, tolerance, instructed,
      achievable: a ? { lo: a.lo, hi: a.hi } : null,
    });
    return { ...row, instructed, judged: { ...judged, ...(a ? { rangeRunId: a.runId } : {}) } };
  });
  const byTrait = new Map(input.arms.filter((a) => a.role === "control" && a.traits?.length === 1).map((a) => [a.traits![0], a]));
  const controlPairs = pairsOf(input.arms, input.targets).map(([a, b]) => {
    const comparisons = [controlResult(a, byTrait.get(a), input), controlResult(b, byTrait.get(b), input)];
    return { traits: [a, b] as [string, string], comparisons: comparisons.filter((c): c is ControlResult => c !== null), verdict: controlVerdict(comparisons) };
  });
  const levels = input.arms.filter((a) => a.role === "level" && typeof a.level === "number");
  const trait = levels[0]?.traits?.[0];
  const range = input.mode === "range" && trait
    ? rangeSummary({
      trait, name: input.names?.[trait] ?? report.rows.find((r) => r.key === trait)?.name ?? trait,
      levels: levels.map((l) => ({ kind: l.kind, level: l.level!, instructed: instructedRange(l.level!), scores: own(input.armAnswers[l.kind] ?? [], trait) })),
      baseline: own(input.baseline, trait),
    })
    : null;
  const safeRange = range && {
    ...range,
    levels: range.levels.map((l) => ({ ...l, landing: { ...l.landing, halfWidth: Number.isFinite(l.landing.halfWidth) ? l.landing.halfWidth : null } })),
    baseline: { ...range.baseline, halfWidth: Number.isFinite(range.baseline.halfWidth) ? range.baseline.halfWidth : null },
  };
  return {
    ...report,
    rows,
    ...(controlPairs.length ? { controlPairs } : {}),
    ...(safeRange ? { range: safeRange } : {}),
  };
}
