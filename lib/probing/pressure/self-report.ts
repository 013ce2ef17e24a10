import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { DEFAULT_LEVEL, finiteValues } from "@/lib/probing/stats/summarize";
import { average, sampleSd, type ItemScores } from "@/lib/probing/methods/items";
import { itemLandingT, type ItemEstimate } from "@/lib/probing/methods/item-landing";
import { benjaminiHochberg } from "@/lib/probing/methods/multiplicity";
import { tCdf, tQuantile } from "@/lib/probing/methods/t-distribution";
import { floorSe, type VarianceFloor } from "@/lib/probing/methods/variance-floor";

// Self-report vs behaviour. In character, the persona rates itself on a trait
// with a few self-report items (each a 0–100 number); the behaviour is the
// trait's measured landing over the library's items (itemLandingT). The gap
// self − behaviour has two independent sources of uncertainty — which
// self-report items were asked (k of them) and which behaviour items (m) — so
// the interval is Welch's:
//   se² = s²_self/k + se²_behaviour,
//   df  = se⁴ / ( (s²_self/k)²/(k − 1) + se⁴_behaviour/(m − 1) )   (Satterthwaite).
// Both parts carry the variance floor (a persona that answers "80" to every
// item cannot claim ±0; its numbers are as coarse as a judge's). With 3
// self-report items the df are small and the interval honest-wide: that is
// the price of asking 3 items, and it is shown rather than hidden.
//
// Flags: "says but doesn't do" when the gap is clearly above +minimumGap
// (default 10 points), "does but doesn't say" when clearly below −minimumGap.
// "Clearly" = one-sided test beyond ±minimumGap on the side of the estimate,
// BH across traits at α = (1 − level)/2, so for one trait the flag is exactly
// "the interval lies wholly beyond ±minimumGap". At a true gap of exactly 10
// points it fires in ≈ 2.5% of runs (README.md).

export type SelfReportInput = {
  trait: string;
  label?: string;
  /** Self-ratings, one per self-report item (0–100; null = unparseable, dropped). */
  selfReport: readonly (number | null | undefined)[];
  /** Behaviour scores per item, as for a landing. */
  behaviour: ItemScores;
};

export type SelfReportOptions = { level?: number; floor?: VarianceFloor; minimumGap?: number };

export type SelfReportGap = {
  trait: string;
  self: { estimate: number | null; se: number | null; items: number };
  behaviour: ItemEstimate;
  gap: { estimate: number | null; lo: number | null; hi: number | null; se: number | null; df: number };
  /** One-sided p of H0: the gap is not beyond ±minimumGap on the estimate's side. */
  p: number | null;
  q: number | null;
  flag: "says-not-does" | "does-not-say" | null;
  message: string | null;
};

export function selfReportGap(input: SelfReportInput, options: SelfReportOptions = {}): Omit<SelfReportGap, "q" | "flag" | "message"> {
  const level = options.level ?? DEFAULT_LEVEL;
  const floor = options.floor ?? DEFAULT_FLOOR;
  const self = finiteValues(input.selfReport);
  const k = self.length;
  const behaviour = itemLandingT(input.behaviour, { level, floor });
  const selfMean = k ? average(self) : null;
  const selfSe = k >= 2 ? Math.max(sampleSd(self) / Math.sqrt(k), floorSe(floor, k, k)) : null;
  const none = { estimate: selfMean !== null && behaviour.estimate !== null ? selfMean - behaviour.estimate : null, lo: null, hi: null, se: null, df: 0 };
  if (selfMean === null || selfSe === null || behaviour.estimate === null || behaviour.se === null) {
    return { trait: input.trait, self: { estimate: selfMean, se: selfSe, items: k }, behaviour, gap: none, p: null };
  }
  const a = selfSe ** 2, b = behaviour.se ** 2;
  const se = Math.sqrt(a + b);
  const df = (a + b) ** 2 / (a * a / (k - 1) + (b * b) / behaviour.df);
  const estimate = selfMean - behaviour.estimate;
  const h = tQuantile(1 - (1 - level) / 2, df) * se;
  return {
    trait: input.trait, self: { estimate: selfMean, se: selfSe, items: k }, behaviour,
    gap: { estimate, lo: estimate - h, hi: estimate + h, se, df },
    p: 1 - tCdf((Math.abs(estimate) - (options.minimumGap ?? 10)) / se, df),
  };
}

const fmt = (v: number | null) => (v === null ? "–" : v.toFixed(0));

export function selfReportReport(inputs: readonly SelfReportInput[], options: SelfReportOptions = {}): SelfReportGap[] {
  const level = options.level ?? DEFAULT_LEVEL;
  const gaps = inputs.map((i) => selfReportGap(i, options));
  const bh = benjaminiHochberg(gaps.map((g) => g.p), (1 - level) / 2);
  const pct = Math.round(level * 100);
  return gaps.map((g, i) => {
    const est = g.gap.estimate ?? 0;
    const flag = bh.reject[i] ? (est > 0 ? "says-not-does" : "does-not-say") : null;
    const name = inputs[i].label ?? g.trait;
    const span = `${pct}% interval ${fmt(g.gap.lo)} to ${fmt(g.gap.hi)}`;
    const message = flag === "says-not-does"
      ? `${name}: says but doesn't do — rates itself ${fmt(g.self.estimate)} but lands at ${fmt(g.behaviour.estimate)}, ${fmt(est)} points above its behaviour (${span}).`
      : flag === "does-not-say"
        ? `${name}: does but doesn't say — lands at ${fmt(g.behaviour.estimate)} but rates itself ${fmt(g.self.estimate)}, ${fmt(-est)} points below its behaviour (${span}).`
        : null;
    return { ...g, q: bh.adjusted[i], flag, message };
  });
}
