import { fnv1a32, mulberry32, normalQuantile } from "@/lib/math/random";
import { itemLandingT } from "@/lib/probing/methods/item-landing";
import { traitItemScores, type RunAnswer } from "@/lib/probing/compare";
import type { ProbeReport, ReportFlag, ReportRow } from "@/lib/schemas/probe";

// Synthetic runs for the paired comparisons: items with their own effects
// (shared by every run, as the library's items are), answers with judge noise,
// rounded like a judge and clipped to 0–100. Not the simulator: the truth here
// is what the test sets.

export type ArmSpec = Record<string, number>;
export type World = { effects: Record<string, number[]> };

export function world(traits: readonly string[], seed: number, items = 30, itemSd = 8): World {
  const rng = mulberry32(fnv1a32(`world-${seed}`));
  return { effects: Object.fromEntries(traits.map((t) => [t, Array.from({ length: items }, () => itemSd * normalQuantile(rng()))])) };
}

/** One run's persona answers: `perItem` answers to each item of each trait, landing around `arm[trait]`. */
export function runAnswers(w: World, arm: ArmSpec, seed: number, perItem = 2, noiseSd = 10): RunAnswer[] {
  const rng = mulberry32(fnv1a32(`run-${seed}`));
  const out: RunAnswer[] = [];
  for (const [trait, mean] of Object.entries(arm)) {
    w.effects[trait].forEach((effect, itemIndex) => {
      for (let s = 0; s < perItem; s++) {
        const raw = mean + effect + noiseSd * normalQuantile(rng());
        out.push({ traitKey: trait, itemIndex, scores: { [trait]: Math.min(100, Math.max(0, Math.round(raw / 5) * 5)) } });
      }
    });
  }
  return out;
}

export const flag = (id: string, severity: ReportFlag["severity"] = "alert"): ReportFlag => ({
  id, kind: id.split(":")[0] as ReportFlag["kind"], traits: id.split(":")[1].split("+"), severity,
  title: `title of ${id}`, explanation: "", evidence: { answerIds: [] },
});

/** A report whose rows are the landings of these answers (mean of item means, t-interval), with the given targets and flags. */
export function reportOf(answers: readonly RunAnswer[], targets: Record<string, number | null>, flags: ReportFlag[] = [], shifts: Record<string, number> = {}): ProbeReport {
  const keys = Object.keys(targets);
  const none = { n: 0, nItems: 0, mean: null, lo: null, hi: null, halfWidth: null };
  const rows: ReportRow[] = keys.map((key) => {
    const e = itemLandingT(traitItemScores(answers, key));
    const landing = e.estimate === null ? none : { n: e.answers, nItems: e.items, mean: e.estimate, lo: e.lo, hi: e.hi, halfWidth: Number.isFinite(e.halfWidth) ? e.halfWidth : null };
    const d = shifts[key] ?? null;
    return {
      key, name: key[0].toUpperCase() + key.slice(1), target: targets[key], landing, baseline: none,
      shift: { difference: d, lo: null, hi: null, halfWidth: null, excludesZero: false, nLanding: e.answers, nBaseline: 0 },
      done: "precise",
    } as ReportRow;
  });
  return {
    rows, flags, points: [], final: true, thresholds: [],
    correlations: { keys, r: keys.map(() => keys.map(() => null)), n: keys.map(() => keys.map(() => 0)) },
  } as ProbeReport;
}
