import { fmt, signed, type PanelArmReport, type PanelFlagKind, type PanelReport } from "@/lib/probing/chart-prep";

// What the panel report's parts show, computed from the served report so the
// words and numbers are unit-tested and the components only render.

type Interval = { estimate: number | null; lo: number | null; hi: number | null };
export type PairStatus = PanelArmReport["divergence"]["pairs"][number]["status"];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2.6 [2.1, 3.0]" — the estimate and its interval, when known. */
export function withInterval(x: Interval, digits = 0, sign = false): string {
  const f = sign ? signed : fmt;
  const interval = x.lo === null || x.hi === null ? "" : `[${f(x.lo, digits)}, ${f(x.hi, digits)}]`;
  return `${f(x.estimate, digits)}${interval ? ` ${interval}` : ""}`;
}

export function countFlags(arm: PanelArmReport): Record<PanelFlagKind, number> {
  const out: Record<PanelFlagKind, number> = { costume: 0, polarity: 0, indistinguishable: 0 };
  for (const f of arm.flags) out[f.kind] += 1;
  return out;
}

/** One arm in a sentence: "2.6 effective positions [2.1, 3.0] of 4; 1 costume change; 1 polarity pair fails to diverge". */
export function armSummary(arm: PanelArmReport, k: number): string {
  const ep = arm.divergence.effectivePositions;
  const interval = ep.lo === null || ep.hi === null ? "" : ` [${fmt(ep.lo, 1)}, ${fmt(ep.hi, 1)}]`;
  const parts = [`${fmt(ep.estimate, 1)} effective positions${interval} of ${k}`];
  const c = countFlags(arm);
  if (c.costume) parts.push(plural(c.costume, "costume change", "costume changes"));
  if (c.polarity) parts.push(`${plural(c.polarity, "polarity pair fails", "polarity pairs fail")} to diverge`);
  if (c.indistinguishable) parts.push(`${plural(c.indistinguishable, "pair", "pairs")} the judge cannot tell apart`);
  if (!c.costume && !c.polarity && !c.indistinguishable && arm.divergence.items > 0) parts.push("no flags");
  return parts.join("; ");
}

/** The line at the top of the report. */
export function summaryLine(report: PanelReport): string {
  const k = report.members.length;
  const head = plural(k, "member", "members");
  if (report.arms.length === 0) return `${head}; no answers yet`;
  if (report.arms.length === 1) {
    const arm = report.arms[0];
    return arm.divergence.items === 0 ? `${head}; no common items judged yet` : `${head}, ${armSummary(arm, k)}`;
  }
  const arms = report.arms.map((a) => `${a.label}: ${a.divergence.items === 0 ? "no common items judged yet" : armSummary(a, k)}`);
  return `${head}. ${arms.join(". ")}.`;
}

/** Whether an interval of a difference leaves 0 out, and which way. */
export function gainVerdict(gain: Interval): "gain" | "loss" | "unclear" {
  if (gain.lo === null || gain.hi === null) return "unclear";
  if (gain.lo > 0) return "gain";
  if (gain.hi < 0) return "loss";
  return "unclear";
}

/** One more digit when a clear gain's bound would otherwise print as 0 ("+0.1 [0.0, +0.2]" → "+0.07 [+0.01, +0.15]"). */
export function gainDigits(gain: Interval, digits: number): number {
  const near = (x: number | null) => x !== null && x !== 0 && Math.abs(x) < 0.5 * 10 ** -digits;
  return gainVerdict(gain) !== "unclear" && (near(gain.lo) || near(gain.hi)) ? digits + 1 : digits;
}

/** "+0.8 [+0.3, +1.2]: routing adds diversity", or "no clear gain" when the interval spans 0. */
export function gainText(gain: Interval, digits: number, unit: string): string {
  const v = gainVerdict(gain);
  const number = withInterval(gain, gainDigits(gain, digits), true);
  return v === "unclear" ? `no clear gain (${number}${unit})` : v === "gain" ? `${number}${unit}: routing adds diversity` : `${number}${unit}: routing loses diversity`;
}

export const PAIR_STATUS_TONE: Record<PairStatus, "rose" | "amber" | "green" | "slate"> = {
  "costume change": "rose",
  "not distinguishable": "amber",
  distinct: "green",
  inconclusive: "slate",
};

export const PAIR_STATUS_HINT: Record<PairStatus, string> = {
  "costume change": "Different prompts, yet every watched trait lands the same (within ±5): a costume change",
  "not distinguishable": "Same prompt and the same landings: the two are one persona",
  distinct: "Some watched trait lands more than 5 points apart",
  inconclusive: "Not enough evidence either way yet: more items narrow the intervals",
};

/** A sequential fill for a distance cell (white → brand indigo), with ink that stays readable (WCAG AA on both ends). */
export function distanceFill(d: number | null, max: number): { fill: string; ink: string } {
  if (d === null || !Number.isFinite(d)) return { fill: "#f1f5f9", ink: INK_DARK };
  const t = Math.min(1, Math.max(0, d / Math.max(1, max)));
  const from = [248, 250, 252]; // slate-50
  const to = [67, 56, 202]; // indigo-700
  const [r, g, b] = from.map((v, i) => Math.round(v + (to[i] - v) * t));
  // Whichever ink contrasts more: white on dark fills, slate-950 on light ones (≥ 4.5:1 everywhere, WCAG AA).
  const l = luminance(r, g, b);
  return { fill: `rgb(${r}, ${g}, ${b})`, ink: 1.05 / (l + 0.05) > (l + 0.05) / (INK_DARK_L + 0.05) ? "#ffffff" : INK_DARK };
}

const INK_DARK = "#020617"; // slate-950
const INK_DARK_L = 0.0014;

/** WCAG relative luminance of an sRGB colour. */
export function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => { const x = c / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

// ── the map ────────────────────────────────────────────────────────────────

export type MapPoint = { key: string; name: string; x: number; y: number; label: { x: number; y: number; anchor: "start" | "end" | "middle" } };
export type MapLayout = { width: number; height: number; points: MapPoint[]; pxPerPoint: number; scaleBar: { x: number; y: number; length: number } };

const CHAR_PX = 7; // ~ width of one character at the label's 12 px
const PAD = 28;

/** The smallest span (points) a map shows, so identical members do not blow up to fill the frame. */
export const MIN_SPAN = 20;

/** Equal-aspect pixels per point that fit every given map in a width × height frame (so side-by-side maps share a scale). */
export function commonScale(maps: readonly (readonly [number, number][])[], width: number, height: number, labelRoom: number): number {
  let span = MIN_SPAN;
  for (const c of maps) {
    const xs = c.map((p) => p[0]);
    const ys = c.map((p) => p[1]);
    if (xs.length) span = Math.max(span, (Math.max(...xs) - Math.min(...xs)) * (height / width), Math.max(...ys) - Math.min(...ys));
  }
  return Math.min((width - 2 * PAD - 2 * labelRoom) * (height / width), height - 2 * PAD - 24) / span;
}

/**
 * Places members (coordinates in points) in a width × height frame at `pxPerPoint`,
 * centred, y up; each label goes right, left, above or below its point, whichever
 * overlaps the labels and points already placed least (greedy, largest names first).
 */
export function mapLayout(allCoords: readonly [number, number][], allMembers: readonly { key: string; name: string }[], width: number, height: number, pxPerPoint: number): MapLayout {
  // A partial report may have fewer coordinates than members (or none yet): draw those it has.
  const n = Math.min(allCoords.length, allMembers.length);
  const coords = allCoords.slice(0, n);
  const members = allMembers.slice(0, n);
  const xs = coords.map((p) => p[0]);
  const ys = coords.map((p) => p[1]);
  const cx = xs.length ? (Math.max(...xs) + Math.min(...xs)) / 2 : 0;
  const cy = ys.length ? (Math.max(...ys) + Math.min(...ys)) / 2 : 0;
  const px = coords.map(([x, y]) => ({ x: width / 2 + (x - cx) * pxPerPoint, y: (height - 24) / 2 - (y - cy) * pxPerPoint }));
  type Box = { x0: number; y0: number; x1: number; y1: number };
  const placed: Box[] = px.map((p) => ({ x0: p.x - 6, y0: p.y - 6, x1: p.x + 6, y1: p.y + 6 }));
  const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const outside = (a: Box) => Math.max(0, -a.x0) * 12 + Math.max(0, a.x1 - width) * 12 + Math.max(0, -a.y0) * 40 + Math.max(0, a.y1 - (height - 24)) * 40;
  const labels: MapPoint["label"][] = new Array(coords.length);
  const order = members.map((_, i) => i).sort((a, b) => members[b].name.length - members[a].name.length);
  for (const i of order) {
    const p = px[i];
    const w = Math.min(members[i].name.length, 22) * CHAR_PX;
    const candidates: { label: MapPoint["label"]; box: Box }[] = [
      { label: { x: p.x + 9, y: p.y + 4, anchor: "start" }, box: { x0: p.x + 8, y0: p.y - 8, x1: p.x + 10 + w, y1: p.y + 8 } },
      { label: { x: p.x - 9, y: p.y + 4, anchor: "end" }, box: { x0: p.x - 10 - w, y0: p.y - 8, x1: p.x - 8, y1: p.y + 8 } },
      { label: { x: p.x, y: p.y - 11, anchor: "middle" }, box: { x0: p.x - w / 2, y0: p.y - 24, x1: p.x + w / 2, y1: p.y - 8 } },
      { label: { x: p.x, y: p.y + 21, anchor: "middle" }, box: { x0: p.x - w / 2, y0: p.y + 8, x1: p.x + w / 2, y1: p.y + 24 } },
    ];
    let best = candidates[0];
    let cost = Infinity;
    for (const c of candidates) {
      const k = placed.reduce((s, b) => s + overlap(c.box, b), 0) + outside(c.box);
      if (k < cost) { cost = k; best = c; }
    }
    labels[i] = best.label;
    placed.push(best.box);
  }
  return {
    width, height, pxPerPoint,
    points: members.map((m, i) => ({ key: m.key, name: m.name, x: px[i].x, y: px[i].y, label: labels[i] })),
    scaleBar: { x: PAD, y: height - 12, length: 10 * pxPerPoint },
  };
}

/** "shows 83% of how the members differ" (null when every member sits on the same spot). */
export function faithfulness(explained: number | null): string {
  return explained === null ? "every member sits on the same spot" : `shows ${Math.round(explained * 100)}% of how the members differ`;
}

/** A polarity axis in words: "Warmth", or "0.5 Warmth − 0.5 Directness". */
export function axisText(weights: Record<string, number>, nameOf: (trait: string) => string): string {
  const entries = Object.entries(weights).filter(([, w]) => w !== 0);
  if (entries.length === 1) return `${entries[0][1] < 0 ? "−" : ""}${nameOf(entries[0][0])}`;
  if (entries.length === 0) return "overall (distance)";
  return entries.map(([t, w], i) => `${i === 0 ? (w < 0 ? "−" : "") : w < 0 ? " − " : " + "}${fmt(Math.abs(w), 2)} ${nameOf(t)}`).join("");
}
