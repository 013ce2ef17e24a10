import type { Rng } from "@/lib/probing/random";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, randomIndex, sortedQuantile } from "@/lib/probing/stats/summarize";

// The judge as a measured instrument.
//
// Krippendorff's α (Krippendorff 2004, ch. 11; "Computing Krippendorff's
// alpha-reliability", 2011) for a judge panel: units (answers) × judges, any
// judge may be missing on any unit. α = 1 − D_o / D_e, observed disagreement
// within units over the disagreement expected from all pairable values pooled.
// The interval metric (δ = (c − k)²) fits 0–100 scores; nominal and ratio are
// here for completeness and to check against the published examples. Units
// with fewer than two values are not pairable and are skipped. α = 1 is perfect
// agreement, 0 is agreement at chance; Krippendorff suggests relying on data
// with α ≥ 0.8 and tentative conclusions from 0.667.
//
// Test–retest: ICC(2,1) (Shrout & Fleiss 1979; McGraw & Wong's ICC(A,1)),
// two-way random effects, absolute agreement, single rating — the same answers
// judged again (new seed, no cache) form the k sessions. Chosen over the
// Pearson correlation (+ mean absolute difference) because a judge whose
// retest drifts up by 5 points is a worse instrument and r ignores that; ICC(2,1)
// counts session offsets as error. The result also gives withinSd, the
// judge's noise on one answer, which is what the variance floor needs
// (variance-floor.ts, judgeSd); meanAbsoluteDifference is returned for
// people (k = 2). Answers missing a session are dropped (ICC needs a full row).

export type Metric = "interval" | "nominal" | "ratio";

export type AlphaResult = {
  /** null when there is nothing to compare (no pairable unit) or no variation at all. */
  alpha: number | null;
  /** Pairable units (≥ 2 values) and the values in them. */
  units: number;
  values: number;
  observedDisagreement: number;
  expectedDisagreement: number;
};

const delta: Record<Metric, (c: number, k: number) => number> = {
  interval: (c, k) => (c - k) ** 2,
  nominal: (c, k) => (c === k ? 0 : 1),
  ratio: (c, k) => (c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2),
};

const finite = (row: readonly (number | null | undefined)[]): number[] =>
  row.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

/** Krippendorff's α for a units × judges table (null/undefined = missing). */
export function krippendorffAlpha(table: readonly (readonly (number | null | undefined)[])[], metric: Metric = "interval"): AlphaResult {
  const units = table.map(finite).filter((u) => u.length >= 2);
  const all = units.flat();
  const n = all.length;
  const d = delta[metric];
  let observed = 0;
  for (const u of units) {
    let s = 0;
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) s += d(u[i], u[j]);
    observed += s / (u.length - 1);
  }
  observed /= n || 1;
  let expected = 0;
  if (metric === "interval") {
    // Σ_{i≠j} (vᵢ − vⱼ)² = 2n Σv² − 2(Σv)², in O(n).
    let s = 0, s2 = 0;
    for (const v of all) { s += v; s2 += v * v; }
    expected = (2 * n * s2 - 2 * s * s) / (n * (n - 1) || 1);
  } else {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += d(all[i], all[j]);
    expected /= n * (n - 1) || 1;
  }
  const alpha = units.length === 0 || expected === 0 ? null : 1 - observed / expected;
  return { alpha, units: units.length, values: n, observedDisagreement: observed, expectedDisagreement: expected };
}

export type Interval = { lo: number | null; hi: number | null };

/**
 * α with a percentile interval from resampling units (answers). Simpler than
 * Hayes & Krippendorff's (2007) bootstrap and honest about the question we ask:
 * would another sample of answers show the same agreement.
 */
export function krippendorffAlphaInterval(
  table: readonly (readonly (number | null | undefined)[])[], rng: Rng,
  options: { metric?: Metric; level?: number; resamples?: number } = {},
): AlphaResult & Interval {
  const result = krippendorffAlpha(table, options.metric);
  const units = table.filter((u) => finite(u).length >= 2);
  if (result.alpha === null || units.length < 2) return { ...result, lo: null, hi: null };
  const stats: number[] = [];
  for (let b = 0; b < (options.resamples ?? DEFAULT_RESAMPLES); b++) {
    const draw = units.map(() => units[randomIndex(rng, units.length)]);
    const a = krippendorffAlpha(draw, options.metric).alpha;
    if (a !== null) stats.push(a);
  }
  return { ...result, ...percentileOf(stats, options.level ?? DEFAULT_LEVEL) };
}

function percentileOf(stats: number[], level: number): Interval {
  if (!stats.length) return { lo: null, hi: null };
  const sorted = Float64Array.from(stats).sort();
  return { lo: sortedQuantile(sorted, (1 - level) / 2), hi: sortedQuantile(sorted, 1 - (1 - level) / 2) };
}

export type TestRetest = {
  /** ICC(2,1), absolute agreement; null with < 2 complete answers or no variation. */
  icc: number | null;
  answers: number;
  sessions: number;
  /** √(mean within-answer variance): one answer's judge noise, for VarianceFloor.judgeSd. */
  withinSd: number;
  /** Mean of (last session − first session): systematic drift between sessions. */
  meanDifference: number;
  /** Mean |last − first| (for k = 2 the everyday "how far apart are two judgments"). */
  meanAbsoluteDifference: number;
  msRows: number;
  msColumns: number;
  msError: number;
};

/** ICC(2,1) and judge noise from answers (rows) × repeated judgments (columns). */
export function testRetest(table: readonly (readonly (number | null | undefined)[])[]): TestRetest {
  const k = table.reduce((s, r) => Math.max(s, r.length), 0);
  const rows = table.filter((r) => r.length === k && finite(r).length === k) as number[][];
  const n = rows.length;
  if (n < 2 || k < 2) {
    return { icc: null, answers: n, sessions: k, withinSd: 0, meanDifference: 0, meanAbsoluteDifference: 0, msRows: 0, msColumns: 0, msError: 0 };
  }
  const grand = rows.flat().reduce((s, v) => s + v, 0) / (n * k);
  const rowMeans = rows.map((r) => r.reduce((s, v) => s + v, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  let ssTotal = 0;
  for (const r of rows) for (const v of r) ssTotal += (v - grand) ** 2;
  const ssRows = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssError = ssTotal - ssRows - ssCols;
  const msRows = ssRows / (n - 1);
  const msColumns = ssCols / (k - 1);
  const msError = Math.max(0, ssError) / ((n - 1) * (k - 1));
  const denominator = msRows + (k - 1) * msError + (k * (msColumns - msError)) / n;
  const icc = denominator > 0 ? (msRows - msError) / denominator : null;
  const withinSd = Math.sqrt((ssCols + Math.max(0, ssError)) / (n * (k - 1)));
  const diffs = rows.map((r) => r[k - 1] - r[0]);
  return {
    icc, answers: n, sessions: k, withinSd,
    meanDifference: diffs.reduce((s, d) => s + d, 0) / n,
    meanAbsoluteDifference: diffs.reduce((s, d) => s + Math.abs(d), 0) / n,
    msRows, msColumns, msError,
  };
}

/** testRetest with a percentile interval for the ICC from resampling answers. */
export function testRetestInterval(
  table: readonly (readonly (number | null | undefined)[])[], rng: Rng, options: { level?: number; resamples?: number } = {},
): TestRetest & Interval {
  const result = testRetest(table);
  if (result.icc === null) return { ...result, lo: null, hi: null };
  const k = result.sessions;
  const rows = table.filter((r) => r.length === k && finite(r).length === k);
  const stats: number[] = [];
  for (let b = 0; b < (options.resamples ?? DEFAULT_RESAMPLES); b++) {
    const icc = testRetest(rows.map(() => rows[randomIndex(rng, rows.length)])).icc;
    if (icc !== null) stats.push(icc);
  }
  return { ...result, ...percentileOf(stats, options.level ?? DEFAULT_LEVEL) };
}
