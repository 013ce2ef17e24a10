import type { ItemScores } from "@/lib/probing/methods/items";
import { isScored } from "@/lib/probing/outcome";
import { selfReportReport } from "@/lib/probing/pressure/self-report";
import { REPORT_FLOOR, REPORT_LEVEL } from "@/lib/probing/pressure/pressure-section";
import type { Flag } from "@/lib/probing/flags/types";
import type { FrozenSelfReport, SelfReportReport } from "@/lib/schemas/pressure";

// The report's self-report section (issue 14 §3) and its says-not-does /
// does-not-say flags. Self-rating: per (trait, item) the latest scored attempt's
// number (an answer with no number 0–100 is "empty", asked once more, never a
// rating). Behaviour: the persona arm's item scores for the trait — exactly
// what its landing reads. Pure.

/** One stored self-report answer (ProbeAnswer kind "self-report"), scores parsed ({ [trait]: the number }). */
export type SelfReportRow = {
  id: string; traitKey: string; itemIndex: number; sampleIndex: number;
  status: string; outcome?: string | null; scores: Readonly<Record<string, number | null>> | null;
};

export type SelfReportSectionInput = {
  frozen: FrozenSelfReport;
  rows: readonly SelfReportRow[];
  /** Persona arm item scores per trait (the landing's ItemScores). */
  behaviour: Readonly<Record<string, ItemScores>>;
  names?: Readonly<Record<string, string>>;
};

const fin = (x: number | null | undefined): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/** The self-ratings of one trait: latest scored attempt per item, in item order. */
function ratings(rows: readonly SelfReportRow[], trait: string): { id: string; value: number }[] {
  const latest = new Map<number, SelfReportRow>();
  for (const r of rows) {
    if (r.traitKey !== trait || !isScored(r) || fin(r.scores?.[trait]) === null) continue;
    const seen = latest.get(r.itemIndex);
    if (!seen || r.sampleIndex > seen.sampleIndex) latest.set(r.itemIndex, r);
  }
  return [...latest.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => ({ id: r.id, value: r.scores![trait]! }));
}

export function selfReportSection(input: SelfReportSectionInput): { section: SelfReportReport; flags: Flag[] } {
  const traits = Object.keys(input.frozen.items);
  const name = (k: string) => input.names?.[k] ?? k;
  const rated = traits.map((t) => ratings(input.rows, t));
  const gaps = selfReportReport(traits.map((trait, i) => ({
    trait, label: name(trait), selfReport: rated[i].map((r) => r.value), behaviour: input.behaviour[trait] ?? {},
  })), { level: REPORT_LEVEL, floor: REPORT_FLOOR });
  const rows = gaps.map((g, i) => {
    const interval = g.gap.lo !== null && g.gap.hi !== null && Number.isFinite(g.gap.df);
    return {
      trait: g.trait,
      self: { estimate: fin(g.self.estimate), se: fin(g.self.se), items: g.self.items },
      behaviour: { estimate: fin(g.behaviour.estimate), lo: fin(g.behaviour.lo), hi: fin(g.behaviour.hi), items: g.behaviour.items },
      gap: { estimate: fin(g.gap.estimate), lo: interval ? fin(g.gap.lo) : null, hi: interval ? fin(g.gap.hi) : null, df: interval ? g.gap.df : 0 },
      q: fin(g.q), flag: g.flag, answerIds: rated[i].map((r) => r.id),
    };
  });
  const flags: Flag[] = gaps.flatMap((g, i) => {
    if (!g.flag || g.gap.estimate === null) return [];
    const n = name(g.trait);
    return [{
      id: `${g.flag}:${g.trait}`, kind: g.flag, traits: [g.trait], severity: "warn" as const,
      title: g.flag === "says-not-does" ? `${n}: says it but doesn't do it` : `${n}: does it but doesn't say it`,
      explanation: g.message ?? "",
      evidence: {
        value: { estimate: g.gap.estimate, lo: fin(g.gap.lo), hi: fin(g.gap.hi), level: REPORT_LEVEL },
        ...(g.q !== null ? { q: g.q } : {}),
        basis: `self-rating over ${g.self.items} question${g.self.items === 1 ? "" : "s"} − landing over ${g.behaviour.items} items, points`,
        answerIds: rated[i].map((r) => r.id),
      },
    }];
  });
  const itemsPerTrait = Math.max(0, ...traits.map((t) => input.frozen.items[t].length));
  return { section: { itemsPerTrait, rows }, flags };
}
