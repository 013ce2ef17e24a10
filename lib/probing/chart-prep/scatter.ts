import type { ProbeReport } from "@/lib/schemas/probe";
import { clamp } from "@/lib/probing/chart-prep/format";
import { tQuantile } from "@/lib/probing/stats/distributions";

// The trait-pair scatter: one dot per persona answer the judge scored on both
// traits, the centroid of those dots with a 95% t-interval on each axis (the
// cross), and the intended point (target, or baseline for an untargeted axis).
// Judge scores come in steps of 5, so dots are jittered deterministically
// (by answer id) to show how many answers sit on one spot; the true scores are
// kept for the tooltip.

export type ScatterPoint = { id: string; traitKey: string; x: number; y: number; jx: number; jy: number };
export type AxisSummary = { mean: number; lo: number; hi: number };
export type PairScatter = {
  xKey: string;
  yKey: string;
  points: ScatterPoint[];
  centroid: { x: AxisSummary; y: AxisSummary } | null;
  intended: { x: number | null; y: number | null; xTargeted: boolean; yTargeted: boolean };
  /** Answer-level correlation from the report (all persona answers scoring both). */
  r: number | null;
  n: number;
};

/** Deterministic jitter in [−spread, spread] from a string (FNV-1a). */
export function jitter(id: string, salt: string, spread = 2): number {
  let h = 0x811c9dc5;
  for (const ch of `${salt}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (((h >>> 0) / 0xffffffff) * 2 - 1) * spread;
}

export function meanInterval(values: readonly number[], level = 0.95): AxisSummary | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, lo: mean, hi: mean };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, lo: clamp(mean - half), hi: clamp(mean + half) };
}

export function pairScatter(report: ProbeReport, xKey: string, yKey: string): PairScatter {
  const points: ScatterPoint[] = [];
  for (const p of report.points) {
    const x = p.scores[xKey];
    const y = p.scores[yKey];
    if (typeof x !== "number" || typeof y !== "number") continue;
    points.push({ id: p.id, traitKey: p.traitKey, x, y, jx: clamp(x + jitter(p.id, "x")), jy: clamp(y + jitter(p.id, "y")) });
  }
  const cx = meanInterval(points.map((p) => p.x));
  const cy = meanInterval(points.map((p) => p.y));
  const rowX = report.rows.find((r) => r.key === xKey);
  const rowY = report.rows.find((r) => r.key === yKey);
  const i = report.correlations.keys.indexOf(xKey);
  const j = report.correlations.keys.indexOf(yKey);
  return {
    xKey,
    yKey,
    points,
    centroid: cx && cy ? { x: cx, y: cy } : null,
    intended: {
      x: rowX?.target ?? rowX?.baseline.mean ?? null,
      y: rowY?.target ?? rowY?.baseline.mean ?? null,
      xTargeted: rowX?.target != null,
      yTargeted: rowY?.target != null,
    },
    r: i >= 0 && j >= 0 ? report.correlations.r[i][j] : null,
    n: i >= 0 && j >= 0 ? report.correlations.n[i][j] : points.length,
  };
}
