import type { ProbeReport } from "@/lib/schemas/probe";
import type { VariantComparisonPair, VariantStanding, VariantVerdict } from "@/lib/schemas/variant";
import { MIN_WIN_DIFFERENCE, rankByGap, VARIANT_LEVEL, type RunAnswer } from "@/lib/probing/compare/paired";

const LEVEL = `${Math.round(VARIANT_LEVEL * 100)}%`;

// Which variant lands closest to the targets, decided on paired intervals.
//
// Variants of one persona are probed in one batch on the same items, so the
// distance to target (mean over targeted traits of |landing − target|) is
// compared item by item (compare/paired.ts rankByGap → methods rankContenders:
// Holm over all pairs, a clear win needs its VARIANT_LEVEL (99%) interval
// wholly on one side of 0 and at least MIN_WIN_DIFFERENCE points). "No clear winner" is a result: two
// variants that behave the same are called that ≥ 95% of the time (bench
// calibration), where the old point-estimate ranking always named one.
// Point estimates only order the table.

export type VariantInput = {
  runId: string; name: string; variantId: string | null; status: string; report: ProbeReport;
  /** Persona answers of the run (scored ones): the items the ranking pairs on. */
  answers: readonly RunAnswer[];
};

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10 || 0);

function describePair(p: VariantComparisonPair, names: Record<string, string>): string {
  const interval = p.lo === null || p.hi === null ? "no interval" : `${LEVEL} interval ${p.lo.toFixed(1)} to ${p.hi.toFixed(1)}`;
  const diff = p.difference === null ? "—" : `${Math.abs(p.difference).toFixed(1)} points`;
  return `“${names[p.a]}” vs “${names[p.b]}”: ${diff} apart in mean distance (${interval}, over ${p.items} items)`;
}

function noWinnerReason(pairs: VariantComparisonPair[], topGroup: string[], names: Record<string, string>): string {
  const inTop = pairs.filter((p) => topGroup.includes(p.a) && topGroup.includes(p.b));
  const pick = (inTop.length ? inTop : pairs).slice().sort((x, y) => Math.abs(x.difference ?? 0) - Math.abs(y.difference ?? 0))[0];
  if (!pick) return "No clear winner: nothing to compare.";
  if (pick.items < 2) return `No clear winner: ${describePair(pick, names)} — too few shared items for an interval.`;
  const why = pick.lo !== null && pick.hi !== null && pick.lo <= 0 && pick.hi >= 0
    ? "the interval includes 0, so the difference may be noise"
    : pick.difference !== null && Math.abs(pick.difference) < MIN_WIN_DIFFERENCE
      ? `the difference is under the ${MIN_WIN_DIFFERENCE}-point minimum for a win`
      : "the difference does not hold once every pair is tested (Holm)";
  const group = topGroup.length > 1 ? `${topGroup.map((id) => `“${names[id]}”`).join(", ")} are not clearly apart. ` : "";
  return `No clear winner: ${group}${describePair(pick, names)}; ${why}.`;
}

/**
 * Where a contender lands on the persona's scenarios (its report's scenario rows), against the same
 * targets: a point estimate beside the ranking, never part of it — the ranking pairs the library items,
 * and one answer per scenario per run is too few to decide a winner on.
 */
function inScenarios(report: ProbeReport, keys: readonly string[], targets: Readonly<Record<string, number>>): Pick<VariantStanding, "scenarioDeltas" | "scenarioDistance"> {
  const rows = report.scenarioRows;
  if (!rows) return {};
  const scenarioDeltas: Record<string, number | null> = {};
  for (const k of keys) {
    const mean = rows.find((r) => r.key === k)?.landing.mean ?? null;
    scenarioDeltas[k] = mean === null ? null : round1(mean - targets[k]);
  }
  const gaps = Object.values(scenarioDeltas).filter((d): d is number => d !== null).map(Math.abs);
  return { scenarioDeltas, scenarioDistance: gaps.length ? round1(gaps.reduce((s, d) => s + d, 0) / gaps.length) : null };
}

/**
 * The standings' flag counts: open flags only — the ones to act on, as the report's counts line has them. A flag
 * acknowledged as expected for this persona (marked when served) or a leak that came with the character type
 * (`expected`) is not open; the acknowledged ones are counted apart.
 */
function openFlagCounts(flags: ProbeReport["flags"]): Pick<VariantStanding, "flags" | "acknowledgedFlags"> {
  return {
    flags: flags.filter((f) => !f.acknowledged && !f.expected).length,
    acknowledgedFlags: flags.filter((f) => f.acknowledged).length,
  };
}

export function rankVariants(variants: readonly VariantInput[], targets: Readonly<Record<string, number>>): {
  standings: VariantStanding[]; final: boolean; winner: string | null; verdict: VariantVerdict; comparisons: VariantComparisonPair[];
} {
  const keys = Object.keys(targets);
  const names = Object.fromEntries(variants.map((v) => [v.runId, v.name]));
  const ranking = rankByGap(variants.map((v) => ({ id: v.runId, answers: v.answers })), targets);
  const comparisons: VariantComparisonPair[] = ranking.pairs.map((p) => ({
    a: p.a, b: p.b,
    // estimate is oriented so positive favours a (lower gap): difference = gap(a) − gap(b) = −estimate.
    difference: p.estimate === null ? null : round1(-p.estimate),
    lo: p.hi === null ? null : round1(-p.hi), hi: p.lo === null ? null : round1(-p.lo),
    items: p.items, pAdjusted: p.pAdjusted, winner: p.winner,
  }));
  const standings: VariantStanding[] = variants.map((v) => {
    const deltas: Record<string, number | null> = {};
    for (const k of keys) {
      const mean = v.report.rows.find((r) => r.key === k)?.landing.mean ?? null;
      deltas[k] = mean === null ? null : round1(mean - targets[k]);
    }
    const measured = Object.values(deltas).filter((d): d is number => d !== null);
    const distance = measured.length ? Math.sqrt(measured.reduce((s, d) => s + d * d, 0) / measured.length) : null;
    return {
      ...inScenarios(v.report, keys, targets),
      runId: v.runId, name: v.name, variantId: v.variantId, status: v.status,
      distance: round1(distance), meanGap: round1(ranking.gaps[v.runId] ?? null),
      inTopGroup: ranking.topGroup.includes(v.runId),
      traitsMeasured: measured.length, ...openFlagCounts(v.report.flags), deltas,
    };
  });
  const order = new Map(ranking.order.map((id, i) => [id, i]));
  standings.sort((a, b) => Number(b.inTopGroup) - Number(a.inTopGroup) || (order.get(a.runId)! - order.get(b.runId)!));
  const final = variants.length > 0 && variants.every((v) => v.status === "completed");
  const winner = final && keys.length > 0 ? ranking.winner : null;
  return { standings, final, winner, verdict: verdictOf(final, winner, comparisons, ranking.topGroup, names, ranking.items), comparisons };
}

function verdictOf(
  final: boolean, winner: string | null, pairs: VariantComparisonPair[], topGroup: string[], names: Record<string, string>, items: number,
): VariantVerdict {
  if (!final) return { state: "pending", reason: "Still measuring: the verdict comes once every run has finished.", topGroup, margin: null };
  if (items === 0) return { state: "no clear winner", reason: "No clear winner: the contenders share no scored item on a targeted trait.", topGroup, margin: null };
  if (winner) {
    // The margin is the win over the closest rival (the smallest clear difference).
    const own = pairs.filter((p) => p.a === winner || p.b === winner).map((p) => {
      const sign = p.a === winner ? -1 : 1; // positive = winner closer by that many points
      return { rival: p.a === winner ? p.b : p.a, estimate: (p.difference ?? 0) * sign, lo: sign === -1 ? -(p.hi ?? 0) : p.lo ?? 0, hi: sign === -1 ? -(p.lo ?? 0) : p.hi ?? 0, items: p.items };
    }).sort((x, y) => x.estimate - y.estimate);
    const m = own[0];
    return {
      state: "winner",
      reason: `“${names[winner]}” lands closer than ${own.length === 1 ? `“${names[m.rival]}”` : "every other contender"}: by ${m.estimate.toFixed(1)} points of mean distance (${LEVEL} interval ${m.lo.toFixed(1)} to ${m.hi.toFixed(1)}${own.length === 1 ? "" : ` against “${names[m.rival]}”, the closest rival`}).`,
      topGroup, margin: { rival: m.rival, estimate: round1(m.estimate)!, lo: round1(m.lo)!, hi: round1(m.hi)!, items: m.items },
    };
  }
  return { state: "no clear winner", reason: noWinnerReason(pairs, topGroup, names), topGroup, margin: null };
}
