import { initialSampling, type TraitSampling } from "@/lib/probing/stats/adaptive";

// Rebuilds the adaptive planner's state from the answers already stored, so a
// resumed run continues exactly where the last one stopped.

export type StoredAnswer = { kind: string; traitKey: string; itemIndex: number; sampleIndex: number; status: string; scores: string | null };

/** scoreItems: the item index of each score (the planner's interval is over items). */
export type MutableSampling = { key: string; issuedPerItem: number[]; pending: number; scores: number[]; scoreItems: number[] };

export function samplingFrom(
  watched: readonly { key: string; itemCount: number }[],
  answers: readonly StoredAnswer[],
  kind: "persona" | "baseline",
): MutableSampling[] {
  const states = initialSampling(watched) as unknown as MutableSampling[];
  for (const a of answers) {
    if (a.kind !== kind) continue;
    const s = states.find((x) => x.key === a.traitKey);
    if (!s || a.itemIndex >= s.issuedPerItem.length) continue;
    s.issuedPerItem[a.itemIndex] = Math.max(s.issuedPerItem[a.itemIndex], a.sampleIndex + 1);
    if (a.status === "done" && a.scores) {
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
