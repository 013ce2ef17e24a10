import { fmt, intervalText, signed } from "@/lib/probing/chart-prep/format";
import type { Conversation } from "@/lib/probing/pressure/drift";
import { survivalCurve } from "@/lib/probing/pressure/survival";
import { defaultBreakThreshold, type FramingReport, type PressureConversation, type PressureReport, type SelfReportReport } from "@/lib/schemas/pressure";

// Issue 14's report sections → what the charts and tables draw: the drift line
// with its band, the turns-to-break curve (recomputed here, client-side, when
// the designer moves a threshold), the conversation list and chat, the
// self-report gap and the framing pair. Pure, so every number is unit-tested.

type Est = { estimate: number | null; lo: number | null; hi: number | null; items: number };

/** "−6.3 points/turn [−8.1, −4.5]" */
export function slopeText(slope: Est): string {
  if (slope.estimate === null) return "not enough turns yet";
  const iv = slope.lo !== null && slope.hi !== null ? ` [${one(slope.lo)}, ${one(slope.hi)}]` : "";
  return `${one(slope.estimate)} points/turn${iv}`;
}
const one = (x: number | null) => signed(x, 1);

/** "−25 [−31, −19] from the first answer to the last" */
export function changeText(change: Est): string {
  if (change.estimate === null) return "no change measured yet";
  const iv = intervalText(change.lo, change.hi, true);
  return `${signed(change.estimate)}${iv ? ` ${iv}` : ""} from the first answer to the last`;
}

/** The threshold a trait breaks at: the report's, else target − 20, else 50 (pressureRequestSchema's default). */
export function defaultThreshold(pressure: Pick<PressureReport, "thresholds">, trait: string, target: number | null | undefined): number {
  return pressure.thresholds[trait] ?? defaultBreakThreshold(target);
}

/**
 * Traits shown by default: the scripts' traits, then the flagged ones (caves /
 * drifts back), in that order; every other drifted trait sits behind "show all".
 */
export function pressureTraits(pressure: Pick<PressureReport, "scripts" | "drift" | "tests">): { shown: string[]; more: string[] } {
  const all = [...new Set(pressure.drift.filter((d) => d.script === null).map((d) => d.trait))];
  const shown: string[] = [];
  const add = (t: string) => { if (!shown.includes(t) && all.includes(t)) shown.push(t); };
  pressure.scripts.forEach((s) => add(s.trait));
  pressure.tests.filter((t) => t.flagged).forEach((t) => add(t.trait));
  return { shown, more: all.filter((t) => !shown.includes(t)) };
}

export type DriftPoint = { turn: number; mean: number | null; lo: number | null; hi: number | null; n: number };
export type DriftChart = {
  trait: string;
  points: DriftPoint[];
  threshold: number;
  /** The judged window (instructed range ± tolerance), else target ± tolerance, clamped to 0–100 (targeted traits only). */
  band: [number, number] | null;
  target: number | null;
  baseline: number | null;
  slope: string;
  change: string;
  conversations: number;
  /** The slope's interval lies wholly below 0 / above 0. */
  direction: "falls" | "rises" | "unclear";
};

/**
 * One trait's drift: over the conversations of the script that pushes it when
 * exactly one does (what its caves flag reads), else over all conversations
 * (the report's `script: null` row).
 */
export function driftChart(
  pressure: PressureReport, trait: string,
  opts: { target?: number | null; tolerance?: number; threshold?: number; window?: { lo: number; hi: number } | null } = {},
): DriftChart | null {
  const pushing = pressure.scripts.filter((s) => s.trait === trait);
  const row = (pushing.length === 1 ? pressure.drift.find((d) => d.trait === trait && d.script === pushing[0].key) : undefined)
    ?? pressure.drift.find((d) => d.trait === trait && d.script === null);
  if (!row) return null;
  const target = opts.target ?? null;
  const tol = opts.tolerance ?? 10;
  const { slope } = row;
  return {
    trait,
    points: row.perTurn.map((p) => ({ turn: p.turn, mean: p.estimate, lo: p.lo, hi: p.hi, n: p.items })),
    threshold: opts.threshold ?? defaultThreshold(pressure, trait, target),
    // The window the caves flag judges against (the landing's: instructed range ± tolerance), else target ± tolerance.
    band: opts.window ? [Math.max(0, opts.window.lo), Math.min(100, opts.window.hi)]
      : target === null ? null : [Math.max(0, target - tol), Math.min(100, target + tol)],
    target,
    baseline: pressure.baseline[trait] ?? null,
    slope: slopeText(slope),
    change: changeText(row.change),
    conversations: row.conversations,
    direction: slope.hi !== null && slope.hi < 0 ? "falls" : slope.lo !== null && slope.lo > 0 ? "rises" : "unclear",
  };
}

/**
 * The report's conversations as the statistics read them: turns[k] = the scores
 * of turn k. With `trait`, scoped as the server scopes turns-to-break and the
 * flags: a trait some script pushes reads only the conversations of the
 * scripts that push it.
 */
export function asConversations(pressure: Pick<PressureReport, "conversations" | "scripts">, trait?: string): Conversation[] {
  const pushing = new Set(pressure.scripts.filter((s) => s.trait === trait).map((s) => s.key));
  const scoped = trait !== undefined && pushing.size > 0 ? pressure.conversations.filter((c) => pushing.has(c.script)) : pressure.conversations;
  return scoped.map((c) => {
    const last = Math.max(-1, ...c.turns.map((t) => t.turn));
    const turns: Record<string, number | null>[] = Array.from({ length: last + 1 }, () => ({}));
    for (const t of c.turns) turns[t.turn] = t.scores;
    return { id: c.id, turns };
  });
}

export type SurvivalView = {
  trait: string;
  threshold: number;
  conversations: number;
  breaks: number;
  /** Step points from turn 0 (survival 1 before any break) to the last turn reached. */
  steps: { turn: number; survival: number; lo: number; hi: number; atRisk: number; breaks: number }[];
  lastTurn: number;
  median: string;
};

/** "breaks at turn 3 [2, 4]"; "holds beyond turn 4"; the interval's open end says "beyond". */
export function medianText(c: { median: number | null; medianLo: number | null; medianHi: number | null; lastTurn: number }): string {
  if (c.lastTurn < 0) return "no scored turn yet";
  if (c.median === null) return `holds beyond turn ${c.lastTurn}`;
  const lo = c.medianLo ?? c.median;
  const hi = c.medianHi === null ? `beyond ${c.lastTurn}` : String(c.medianHi);
  if (c.median === 0) return `half already below at the first answer (turn 0) [${lo}, ${hi}]`;
  return `breaks at turn ${c.median} [${lo}, ${hi}]`;
}

/** Kaplan–Meier "not yet broken" per turn at `threshold`, recomputed from the conversations. */
export function survivalView(pressure: PressureReport, trait: string, threshold: number): SurvivalView {
  const curve = survivalCurve(asConversations(pressure, trait), trait, threshold);
  const byTurn = new Map(curve.steps.map((s) => [s.turn, s]));
  const steps: SurvivalView["steps"] = [];
  let prev = { survival: 1, lo: 1, hi: 1 };
  for (let turn = 0; turn <= curve.lastTurn; turn++) {
    const s = byTurn.get(turn);
    if (s) prev = { survival: s.survival, lo: s.lo, hi: s.hi };
    steps.push({ turn, ...prev, atRisk: s?.atRisk ?? curve.times.filter((t) => t.turn >= turn).length, breaks: s?.breaks ?? 0 });
  }
  return { trait, threshold, conversations: curve.conversations, breaks: curve.breaks, steps, lastTurn: curve.lastTurn, median: medianText(curve) };
}

export type ConversationRow = {
  id: string; index: number; script: string; scriptName: string; trait: string;
  first: number | null; last: number | null; status: PressureReport["conversations"][number]["status"];
  /** First turn below the trait's threshold; null = held. */
  breakTurn: number | null;
  text: string;
};

/** The conversation list: id, script, first → last score on the script's trait, status, break turn. */
export function conversationRows(pressure: PressureReport, thresholdOf: (trait: string) => number): ConversationRow[] {
  const scripts = new Map(pressure.scripts.map((s) => [s.key, s]));
  return pressure.conversations.map((c) => {
    const script = scripts.get(c.script);
    const trait = script?.trait ?? "";
    const scored = [...c.turns].sort((a, b) => a.turn - b.turn).filter((t) => typeof t.scores[trait] === "number");
    const first = scored.length ? scored[0].scores[trait]! : null;
    const last = scored.length ? scored[scored.length - 1].scores[trait]! : null;
    const threshold = thresholdOf(trait);
    const broke = scored.find((t) => t.scores[trait]! < threshold);
    return {
      id: c.id, index: c.index, script: c.script, scriptName: script?.name ?? c.script, trait, first, last, status: c.status,
      breakTurn: broke ? broke.turn : null,
      text: first === null ? "not scored yet" : `${fmt(first)} → ${fmt(last)}`,
    };
  });
}

export type ChatTurn = PressureConversation["turns"][number] & { score: number | null; breaks: boolean; below: boolean };

/** A conversation's turns in order, each with its score on the watched trait and the break turn marked. */
export function chatTurns(conversation: PressureConversation, trait: string, threshold: number): { turns: ChatTurn[]; breakTurn: number | null } {
  const turns = [...conversation.turns].sort((a, b) => a.turn - b.turn);
  let breakTurn: number | null = null;
  const out = turns.map((t) => {
    const v = t.scores[trait];
    const score = typeof v === "number" ? v : null;
    const below = score !== null && score < threshold;
    const breaks = below && breakTurn === null;
    if (breaks) breakTurn = t.turn;
    return { ...t, score, below, breaks };
  });
  return { turns: out, breakTurn };
}

// ---------- self-report ----------

export type SelfReportRow = {
  trait: string;
  self: number | null;
  behaviour: number | null;
  behaviourLo: number | null;
  behaviourHi: number | null;
  gap: string;
  flag: string | null;
  flagKind: "says-not-does" | "does-not-say" | null;
  /** Honest about width: "3 self-ratings: wide interval". */
  note: string;
  items: number;
  wide: boolean;
};

export const SELF_REPORT_FLAG_TEXT = { "says-not-does": "Says but doesn't do", "does-not-say": "Does but doesn't say" } as const;

export function selfReportRows(report: SelfReportReport): SelfReportRow[] {
  return report.rows.map((r) => {
    const width = r.gap.lo !== null && r.gap.hi !== null ? r.gap.hi - r.gap.lo : null;
    const wide = r.self.items < 5 || (width !== null && width > 20);
    const items = r.self.items;
    const gapIv = intervalText(r.gap.lo, r.gap.hi, true);
    return {
      trait: r.trait, self: r.self.estimate, behaviour: r.behaviour.estimate, behaviourLo: r.behaviour.lo, behaviourHi: r.behaviour.hi,
      gap: r.gap.estimate === null ? "no gap yet" : `${signed(r.gap.estimate)}${gapIv ? ` ${gapIv}` : ""}`,
      flag: r.flag ? SELF_REPORT_FLAG_TEXT[r.flag] : null,
      flagKind: r.flag,
      note: items === 0 ? "no self-rating yet" : `${items} self-rating${items === 1 ? "" : "s"}${wide ? ": wide interval" : ""}`,
      items, wide,
    };
  });
}

// ---------- framing ----------

export const FRAMING_VERDICT_TEXT: Record<FramingReport["verdict"], string> = {
  "requested leaks less": "The requested wording leaks less: asking for the behaviour as the job moves fewer other traits than making it the character's nature.",
  "requested leaks more": "The requested wording leaks more: asking for the behaviour as the job moves other traits further than making it the character's nature.",
  mixed: "Mixed: the requested wording leaks less on some traits and more on others — read the rows before choosing a wording.",
  "no clear difference": "No clear difference: both wordings move the other traits about as much.",
  "not enough evidence": "Not enough evidence yet to tell the two wordings apart.",
};

/** "+12 [+6, +18]" for an estimate, "—" without one. */
export function estText(e: Est): string {
  if (e.estimate === null) return "—";
  const iv = intervalText(e.lo, e.hi, true);
  return `${signed(e.estimate)}${iv ? ` ${iv}` : ""}`;
}

export type DiffPart = { text: string; kind: "same" | "nature" | "requested" };

/**
 * Word-level diff of the two sentences (longest common subsequence over
 * words): runs of words both share, only the nature wording has, only the
 * requested one has. Parts are joined by single spaces to read a side back.
 */
export function wordingDiff(nature: string, requested: string): DiffPart[] {
  const a = nature.split(/\s+/).filter(Boolean), b = requested.split(/\s+/).filter(Boolean);
  const n = a.length, m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: DiffPart[] = [];
  const push = (word: string, kind: DiffPart["kind"]) => {
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind) prev.text += ` ${word}`; else out.push({ text: word, kind });
  };
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { push(a[i], "same"); i++; j++; }
    else if (L[i + 1][j] >= L[i][j + 1]) push(a[i++], "nature");
    else push(b[j++], "requested");
  }
  while (i < n) push(a[i++], "nature");
  while (j < m) push(b[j++], "requested");
  return out;
}

/** One side of the diff read back: its parts joined by spaces. */
export const diffSide = (parts: readonly DiffPart[], side: "nature" | "requested"): DiffPart[] => parts.filter((p) => p.kind === "same" || p.kind === side);

export type FramingRow = {
  trait: string;
  nature: Est; requested: Est; difference: Est;
  natureText: string; requestedText: string; differenceText: string;
  natureLeaks: boolean; requestedLeaksLess: boolean; requestedLeaksMore: boolean;
};

export function framingRows(framing: FramingReport): FramingRow[] {
  return framing.rows.map((r) => ({
    trait: r.trait, nature: r.nature, requested: r.requested, difference: r.difference,
    natureText: estText(r.nature), requestedText: estText(r.requested), differenceText: estText(r.difference),
    natureLeaks: r.natureLeaks, requestedLeaksLess: r.requestedLeaksLess, requestedLeaksMore: r.requestedLeaksMore ?? false,
  }));
}

/** A common symmetric scale for the leakage rows: ±(the largest |bound|, rounded up to 5, at least 10). */
export function leakageDomain(rows: readonly FramingRow[]): number {
  const m = Math.max(10, ...rows.flatMap((r) => [r.nature, r.requested].flatMap((e) => [e.lo, e.hi, e.estimate]).filter((x): x is number => x !== null).map(Math.abs)));
  return Math.ceil(m / 5) * 5;
}
