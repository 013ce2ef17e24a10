import type { ProbeReport } from "@/lib/schemas/probe";

// The tension heatmap: answer-level correlations as a diverging grid, red for
// pairs that trade off (r < 0), blue for pairs that move together, white at 0.

export type HeatCell = {
  rowKey: string;
  colKey: string;
  r: number | null;
  n: number;
  diagonal: boolean;
  /** CSS colour of the cell. */
  fill: string;
  /** Text colour readable on that fill. */
  ink: string;
};

export type Heatmap = { keys: string[]; names: string[]; cells: HeatCell[][] };

type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const RED: Rgb = [220, 38, 38]; // tailwind red-600
const BLUE: Rgb = [37, 99, 235]; // tailwind blue-600
const EMPTY = "#f1f5f9"; // slate-100: no correlation yet

const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => Math.round(v + (b[i] - v) * t)) as Rgb;

/** −1 → red, 0 → white, +1 → blue, linear in between; slate for "not enough answers". */
export function divergingColor(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return EMPTY;
  const t = Math.min(1, Math.abs(r));
  const [R, G, B] = mix(WHITE, r < 0 ? RED : BLUE, t);
  return `rgb(${R}, ${G}, ${B})`;
}

/** White text once the fill is dark enough; slate-900 otherwise. */
export const inkFor = (r: number | null): string => (r !== null && Math.abs(r) >= 0.55 ? "#ffffff" : "#0f172a");

export function heatmap(report: ProbeReport): Heatmap {
  const { keys, r, n } = report.correlations;
  const nameOf = new Map(report.rows.map((row) => [row.key, row.name]));
  const cells = keys.map((rowKey, i) =>
    keys.map((colKey, j) => {
      const diagonal = i === j;
      const value = diagonal ? null : r[i]?.[j] ?? null;
      return {
        rowKey, colKey, r: value, n: n[i]?.[j] ?? 0, diagonal,
        fill: diagonal ? "#e2e8f0" : divergingColor(value),
        ink: inkFor(value),
      };
    }));
  return { keys: [...keys], names: keys.map((k) => nameOf.get(k) ?? k), cells };
}
