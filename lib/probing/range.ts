import type { ItemScores } from "@/lib/probing/methods/items";
import { landingSummary, pairedShift } from "@/lib/probing/stats/landing-table";
import type { Summary } from "@/lib/probing/stats/summarize";

// One scale for target and landing (issue 11 §5), the pure half.
//
// Range check: one trait asked at 0/25/50/75/100 (the compiled instruction at
// each level: "Always <low pole>" … "Always <high pole>") on one model, each
// level an arm answering that trait's probe items. Its dose–response curve is
// each level's landing (mean of item means, t-interval over items, floored:
// the landing's own method) beside the range of targets that instruction
// covers. The achievable range is the lowest and the highest landing any
// level reached: what this model, judged by this judge, can show of the trait
// when asked outright. It is a property of the model + judge + persona prompt
// around the trait, measured on the same item population as the landing.
//
// Judging a landing (judgeLanding): against the instruction actually given
// (the band's range of targets, widened by the tolerance) when it is known,
// else against target ± tolerance; with the whole interval, never the point.
// A miss whose instructed range lies beyond what the model reaches, by a
// persona that lands where the model's strongest instruction lands, is
// "beyond reach": the prompt cannot fix it on this model.

/** The range of targets one compiled instruction covers (lib/persona/target-scale.ts). */
export type Instructed = { lo: number; hi: number; label?: string };

export type RangeLevelInput = { kind: string; level: number; instructed: Instructed; scores: ItemScores };

export type DoseLevel = {
  kind: string;
  level: number;
  instructed: Instructed;
  landing: Summary;
  /** This level − baseline, paired by item. */
  shift: { difference: number | null; lo: number | null; hi: number | null };
};

/** A landing with its interval, as the achievable range cites it. */
export type Reach = { level: number; mean: number; lo: number | null; hi: number | null; label?: string };

export type RangeSummary = {
  trait: string;
  levels: DoseLevel[];
  baseline: Summary;
  /** Lowest and highest landing any level reached; null until every level has a landing. */
  achievable: { lo: Reach; hi: Reach } | null;
  /** Landings rise with the level: each level's landing at or above the previous one's lower bound. */
  monotone: boolean | null;
  /** One line per end of the scale, plain words. */
  reading: string[];
};

const half = (s: { mean: number | null; lo: number | null; hi: number | null }): number | null =>
  s.mean === null || s.lo === null || s.hi === null ? null : Math.max(s.hi - s.mean, s.mean - s.lo);
const r = (x: number) => String(Math.round(x)).replace(/^-/, "−");
const fin = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

/** Landing ± half-width: "71 ± 4" (no interval yet: "71"). */
export function withSpread(mean: number, lo: number | null, hi: number | null): string {
  const h = half({ mean, lo, hi });
  return h === null ? r(mean) : `${r(mean)} ± ${r(h)}`;
}

/** The dose–response summary of a range check (pure; the same answers give the same numbers). */
export function rangeSummary(input: {
  trait: string;
  name: string;
  levels: readonly RangeLevelInput[];
  baseline: ItemScores;
}): RangeSummary {
  const levels = [...input.levels].sort((a, b) => a.level - b.level).map((l): DoseLevel => {
    const landing = landingSummary(l.scores);
    const s = pairedShift(l.scores, input.baseline);
    return {
      kind: l.kind, level: l.level, instructed: l.instructed,
      landing: { ...landing, halfWidth: fin(landing.halfWidth) ?? Number.NaN },
      shift: { difference: s.difference, lo: s.lo, hi: s.hi },
    };
  });
  const measured = levels.filter((l) => l.landing.mean !== null);
  const reach = (l: DoseLevel): Reach => ({ level: l.level, mean: l.landing.mean!, lo: l.landing.lo, hi: l.landing.hi, label: l.instructed.label });
  const achievable = measured.length === levels.length && measured.length > 0
    ? {
      lo: reach(measured.reduce((a, b) => (b.landing.mean! < a.landing.mean! ? b : a))),
      hi: reach(measured.reduce((a, b) => (b.landing.mean! > a.landing.mean! ? b : a))),
    }
    : null;
  let monotone: boolean | null = measured.length < 2 ? null : true;
  for (let i = 1; i < measured.length; i++) {
    const prev = measured[i - 1].landing;
    const cur = measured[i].landing;
    // A level clearly below the one under it (its whole interval under the other's): the curve bends back.
    if (cur.hi !== null && prev.lo !== null && cur.hi < prev.lo) monotone = false;
  }
  const n = input.name.toLowerCase();
  const reading: string[] = [];
  const top = levels[levels.length - 1];
  const bottom = levels[0];
  if (top?.landing.mean != null) {
    const ceiling = top.landing.hi ?? top.landing.mean;
    reading.push(ceiling >= 95
      ? `“Always ${n}” lands at ${withSpread(top.landing.mean, top.landing.lo, top.landing.hi)}: this model reaches the top of the scale.`
      : `On this model, “always ${n}” lands at ${withSpread(top.landing.mean, top.landing.lo, top.landing.hi)}: targets above ${r(ceiling)} are beyond reach.`);
  }
  if (bottom?.landing.mean != null && bottom !== top) {
    const floor = bottom.landing.lo ?? bottom.landing.mean;
    reading.push(floor <= 5
      ? `“Never ${n}” lands at ${withSpread(bottom.landing.mean, bottom.landing.lo, bottom.landing.hi)}: this model reaches the bottom of the scale.`
      : `“Never ${n}” lands at ${withSpread(bottom.landing.mean, bottom.landing.lo, bottom.landing.hi)}: targets below ${r(floor)} are beyond reach.`);
  }
  if (monotone === false) reading.push("The curve bends back: a stronger instruction landed clearly lower than a weaker one, so the levels do not order this trait on this model.");
  return { trait: input.trait, levels, baseline: landingSummary(input.baseline), achievable, monotone, reading };
}

export type LandingVerdict = "within tolerance" | "not clearly off target" | "miss" | "overshoot" | "beyond reach" | "not measured";

export type LandingJudgement = {
  verdict: LandingVerdict;
  /** The window the landing was judged against: the instructed range (or the target) ± tolerance, clipped to 0–100. */
  window: { lo: number; hi: number };
  /** "instructed" when judged against the band's range, "target" against the number. */
  against: "instructed" | "target";
  /** The extreme this model reaches in the direction asked, when a range check is known. */
  reach?: number;
  /** One plain line: "beyond what this model reaches (max 71)". */
  note?: string;
};

/**
 * Where a targeted trait's landing stands against what was asked, judged with
 * its whole interval. `instructed`: the band's range of targets (the prompt
 * says the same for all of them); `achievable`: the range check's lowest and
 * highest landing on this model, when one exists for the same persona version
 * and model. Direction (miss vs overshoot) runs from the baseline to the target.
 */
export function judgeLanding(input: {
  landing: { mean: number | null; lo: number | null; hi: number | null };
  target: number;
  baseline: number | null;
  tolerance: number;
  instructed?: Instructed | null;
  achievable?: { lo: Reach; hi: Reach } | null;
}): LandingJudgement {
  const { landing, target, tolerance } = input;
  const against = input.instructed ? "instructed" : "target";
  const base = input.instructed ?? { lo: target, hi: target };
  const window = { lo: Math.max(0, base.lo - tolerance), hi: Math.min(100, base.hi + tolerance) };
  const { mean, lo, hi } = landing;
  if (mean === null || lo === null || hi === null) return { verdict: "not measured", window, against };
  const below = hi < window.lo;
  const above = lo > window.hi;
  if (!below && !above) {
    return { verdict: lo >= window.lo && hi <= window.hi ? "within tolerance" : "not clearly off target", window, against };
  }
  const wanted = Math.sign(target - (input.baseline ?? 50));
  const overshoot = (below && wanted < 0) || (above && wanted > 0);
  if (overshoot) return { verdict: "overshoot", window, against };
  const a = input.achievable;
  if (!a) return { verdict: "miss", window, against };
  // The extreme the model reaches toward the window, and whether even its interval stays short of it.
  const extreme = below ? a.hi : a.lo;
  const extremeEdge = below ? (extreme.hi ?? extreme.mean) : (extreme.lo ?? extreme.mean);
  const outOfReach = below ? extremeEdge < window.lo : extremeEdge > window.hi;
  // …and the persona does as well as the strongest instruction does (its interval reaches that landing, within tolerance).
  const asFarAsModel = below ? hi >= extreme.mean - tolerance : lo <= extreme.mean + tolerance;
  const word = below ? "max" : "min";
  if (outOfReach && asFarAsModel) {
    return { verdict: "beyond reach", window, against, reach: extreme.mean, note: `beyond what this model reaches (${word} ${r(extreme.mean)})` };
  }
  return {
    verdict: "miss", window, against, reach: extreme.mean,
    ...(outOfReach ? { note: below
      ? `this model reaches at most ${r(extreme.mean)}, and this persona lands short of even that`
      : `this model goes no lower than ${r(extreme.mean)}, and this persona stays above even that` } : {}),
  };
}
