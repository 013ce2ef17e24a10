import { isScored } from "@/lib/probing/outcome";
import { initialSampling, type TraitSampling } from "@/lib/probing/stats/adaptive";

// Rebuilds the adaptive planner's state from the answers already stored, so a
// resumed run continues exactly where the last one stopped. One state per arm
// (persona, baseline, or an extra arm of ProbeRun.arms; ProbeAnswer.kind names it).

export type StoredAnswer = {
  kind: string; traitKey: string; itemIndex: number; sampleIndex: number; status: string; scores: string | null;
  /** null on rows from before outcomes were stored: those count as scored when done. */
  outcome?: string | null;
};

/** scoreItems: the item index of each score (the planner's interval is over items). */
export type MutableSampling = { key: string; issuedPerItem: number[]; pending: number; scores: number[]; scoreItems: number[] };

/**
 * Every stored answer counts as issued (so empty, refused, truncated and failed
 * answers use up the trait's budget and a model that never answers cannot loop
 * forever); only scored answers give the planner a score.
 */
export function samplingFrom(
  watched: readonly { key: string; itemCount: number }[],
  answers: readonly StoredAnswer[],
  kind: string,
): MutableSampling[] {
  const states = initialSampling(watched) as unknown as MutableSampling[];
  for (const a of answers) {
    if (a.kind !== kind) continue;
    const s = states.find((x) => x.key === a.traitKey);
    if (!s || a.itemIndex >= s.issuedPerItem.length) continue;
    s.issuedPerItem[a.itemIndex] = Math.max(s.issuedPerItem[a.itemIndex], a.sampleIndex + 1);
    if (isScored(a) && a.scores) {
      const own = (JSON.parse(a.scores) as Record<string, number | null>)[a.traitKey];
      if (typeof own === "number") {
        s.scores.push(own);
        s.scoreItems.push(a.itemIndex);
      }
    }
  }
  return states;
}

export const asPlannerState = (s: MutableSampling[]) => s as unknown as TraitSampling[];
