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

/**
 * scoreItems: the item index of each score (the planner's interval is over items).
 * all: this trait's score on every scored answer of the arm, any trait's item, by item id
 * (`trait#index`, as report.ts): the all-items shift's evidence (withShiftEvidence).
 */
export type MutableSampling = {
  key: string; issuedPerItem: number[]; pending: number; scores: number[]; scoreItems: number[]; all: Record<string, number[]>;
};

/** An item id unique across traits, as lib/probing/report.ts itemId. */
const itemIdOf = (traitKey: string, itemIndex: number) => `${traitKey}#${itemIndex}`;

/** Records one scored answer of an arm: its own trait's score, and every watched trait's score by item for the shift. */
export function recordScores(states: MutableSampling[], traitKey: string, itemIndex: number, scores: Readonly<Record<string, number | null | undefined>>) {
  const id = itemIdOf(traitKey, itemIndex);
  for (const s of states) {
    const v = scores[s.key];
    if (typeof v !== "number") continue;
    (s.all[id] ??= []).push(v);
    if (s.key === traitKey) {
      s.scores.push(v);
      s.scoreItems.push(itemIndex);
    }
  }
}

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
  const states = (initialSampling(watched) as unknown as MutableSampling[]).map((s) => Object.assign(s, { all: {} }));
  for (const a of answers) {
    if (a.kind !== kind) continue;
    const s = states.find((x) => x.key === a.traitKey);
    if (!s || a.itemIndex >= s.issuedPerItem.length) continue;
    s.issuedPerItem[a.itemIndex] = Math.max(s.issuedPerItem[a.itemIndex], a.sampleIndex + 1);
    if (isScored(a) && a.scores) recordScores(states, a.traitKey, a.itemIndex, JSON.parse(a.scores) as Record<string, number | null>);
  }
  return states;
}

// The shift-stopping rule is pure and shared with the estimate (lib/probing/estimate.ts).
export { BASELINE_SHIFT_STOP, plannerStateFor } from "@/lib/probing/stats/shift-evidence";

export const asPlannerState = (s: MutableSampling[]) => s as unknown as TraitSampling[];
