import { PRESSURE_FLAG_KINDS } from "@/lib/schemas/pressure";
import { pts } from "@/lib/probing/flags/format";
import type { Flag } from "@/lib/probing/flags/types";
import type { LandingVerdict } from "@/lib/probing/range";

// One sentence on top of a report: the main issue, so a designer reads the
// flags knowing which one matters. What the designer asked for comes first
// (tension, compromise, miss, overshoot, beyond reach on targeted traits —
// alerts before warnings, then the largest gap from target); side effects
// (leakage) are the line only when nothing targeted is off, and then grouped
// ("3 traits moved without being asked for"). A partial report says "Not
// enough evidence yet" (with what it sees so far). Pure: reads a report's
// flags and rows, so it can be drawn for any stored report too.
// Flags the designer acknowledged as expected for this persona (issue 12 §7,
// flags/acknowledge.ts) are settled: never the main issue, counted at the end
// ("2 acknowledged side effects (Warm and Patient)").
//
// Pressure and self-report findings (issue 14) come after the targeted-trait
// findings and never outrank them: "caves under pressure" and "says but
// doesn't do" are the line when nothing targeted is off (before leakage: a
// persona that gives way when pushed, or claims what it does not do, is a
// problem with what was asked for); "drifts back to the assistant" and "does
// but doesn't say" only when neither those nor an unexpected leak is there.

export type VerdictKind =
  | "tension" | "compromise" | "miss" | "overshoot" | "beyond reach"
  | "leakage" | "on target" | "not settled" | "no targets" | "not enough evidence"
  | "caves" | "drifts-back" | "says-not-does" | "does-not-say";

/** ok: nothing to act on; pending: the evidence does not settle it yet. */
export type VerdictSeverity = "alert" | "warn" | "ok" | "pending";

export type VerdictLine = {
  text: string;
  kind: VerdictKind;
  severity: VerdictSeverity;
  /** The flags the line refers to, main one first. */
  flagIds: string[];
};

/** What the line needs of a report row (structurally a report row). */
export type VerdictRow = {
  key: string;
  name: string;
  target: number | null;
  landing: { mean: number | null };
  judged?: { verdict: LandingVerdict };
};

export type VerdictInput = {
  flags: readonly Pick<Flag, "id" | "kind" | "traits" | "severity" | "title" | "expected">[];
  rows: readonly VerdictRow[];
  final: boolean;
  /** Ids of flags acknowledged as expected for this persona: settled, never the main issue. */
  acknowledged?: ReadonlySet<string>;
};

type LineFlag = VerdictInput["flags"][number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Warm, Patient and Diplomatic" (more than three: "Warm, Patient, Diplomatic and 2 more"). */
function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  if (names.length > 3) return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** How far a targeted trait lands from its target number (null: not targeted or not measured). */
function gapOf(row: VerdictRow | undefined): number | null {
  if (!row || row.target === null || row.landing.mean === null) return null;
  return Math.abs(row.target - row.landing.mean);
}

const OFF: readonly LandingVerdict[] = ["miss", "overshoot", "beyond reach"];

/** Issue 14 kinds: findings under pressure or in the persona's own words, ranked after the targeted ones. */
const STRONG_BEHAVIOUR: readonly string[] = ["caves", "says-not-does"];
const WEAK_BEHAVIOUR: readonly string[] = ["drifts-back", "does-not-say"];
const isBehaviour = (f: { kind: string }) => (PRESSURE_FLAG_KINDS as readonly string[]).includes(f.kind);

/** "misses its target of 80 by 27 (lands at 53)", from the row (null: not targeted or not measured). */
function offBy(row: VerdictRow, verb: "misses" | "overshoots"): string | null {
  if (row.target === null || row.landing.mean === null) return null;
  return `${verb} its target of ${pts(row.target)} by ${pts(Math.abs(row.target - row.landing.mean))} (lands at ${pts(row.landing.mean)})`;
}

const verbOf = (row: VerdictRow): "misses" | "overshoots" => (row.judged?.verdict === "overshoot" ? "overshoots" : "misses");

/**
 * The finding about targets, in one clause, with the numbers of the trait that is off:
 * "Firm / boundary-setting misses its target of 80 by 27 (lands at 53)"; a tension names
 * the trait that gives way and the one that wins; a pair that both fall short keeps its title with both gaps.
 */
function describe(flag: LineFlag, rowOf: (k: string) => VerdictRow | undefined): { text: string; kind: VerdictKind; tail?: string } {
  const rows = flag.traits.map(rowOf).filter((r): r is VerdictRow => r !== undefined);
  const off = rows.filter((r) => r.judged && OFF.includes(r.judged.verdict));
  if (flag.kind === "miss" || flag.kind === "overshoot") {
    const row = rows[0];
    const clause = row && offBy(row, flag.kind === "miss" ? "misses" : "overshoots");
    if (row && clause) {
      if (row.judged?.verdict === "beyond reach") return { text: `${row.name} ${clause}, beyond what this model reaches — no prompt wording will close it`, kind: "beyond reach" };
      return { text: `${row.name} ${clause}`, kind: flag.kind };
    }
    return { text: flag.title, kind: flag.kind };
  }
  if (flag.kind === "leakage") return { text: flag.title, kind: "leakage" };
  if (off.length === 1 && rows.length === 2) {
    // One gives way, the other lands: name the one that misses, the problem the designer will fix.
    const [loser] = off;
    const winner = rows.find((r) => r !== loser)!;
    const clause = offBy(loser, verbOf(loser));
    if (clause) return { text: `${loser.name} ${clause}`, kind: flag.kind, tail: `: it pulls against ${winner.name}, which gets there` };
  }
  if (off.length === 2) {
    const gaps = off.flatMap((r) => (r.target === null || r.landing.mean === null ? [] : [`${r.name} by ${pts(Math.abs(r.target - r.landing.mean))}`]));
    if (gaps.length === 2) return { text: `${flag.title} (${gaps.join(", ")})`, kind: flag.kind };
  }
  return { text: flag.title, kind: flag.kind };
}

export function verdictLine(input: VerdictInput): VerdictLine {
  const rows = new Map(input.rows.map((r) => [r.key, r]));
  const rowOf = (k: string) => rows.get(k);
  const nameOf = (k: string) => rows.get(k)?.name ?? k;
  const order = new Map(input.flags.map((f, i) => [f.id, i]));
  const gap = (f: LineFlag) => Math.max(-1, ...f.traits.map((k) => gapOf(rowOf(k)) ?? -1));

  const isAcked = (f: LineFlag) => input.acknowledged?.has(f.id) ?? false;
  const acked = input.flags.filter(isAcked);
  const open = input.flags.filter((f) => !isAcked(f));
  const bySeverity = (a: LineFlag, b: LineFlag) =>
    (a.severity === b.severity ? 0 : a.severity === "alert" ? -1 : 1)
    || gap(b) - gap(a)
    || order.get(a.id)! - order.get(b.id)!;
  const asked = open.filter((f) => f.kind !== "leakage" && !isBehaviour(f)).sort(bySeverity);
  const strong = open.filter((f) => STRONG_BEHAVIOUR.includes(f.kind)).sort(bySeverity);
  const weak = open.filter((f) => WEAK_BEHAVIOUR.includes(f.kind)).sort(bySeverity);
  /** The line naming a pressure / self-report finding (its title), with how many more of its tier follow. */
  const behaviourLine = (tier: LineFlag[]): VerdictLine => {
    const [main] = tier;
    const more = tier.length > 1 ? ` (${plural(tier.length - 1, "more finding", "more findings")} under pressure or in its own words below)` : "";
    const kind = main.kind as VerdictKind;
    const flagIds = tier.map((f) => f.id);
    if (!input.final) return { text: `Not enough evidence yet — so far: ${main.title}`, kind, severity: "pending", flagIds };
    return { text: `${main.title} — the main issue${more}`, kind, severity: main.severity, flagIds };
  };
  const leaks = open.filter((f) => f.kind === "leakage");
  const unexpected = leaks.filter((f) => !f.expected);
  const expected = leaks.filter((f) => f.expected);
  const measured = input.rows.some((r) => r.landing.mean !== null);

  if (asked.length) {
    const [main] = asked;
    const { text, kind, tail = "" } = describe(main, rowOf);
    const more = asked.length > 1 ? ` (${plural(asked.length - 1, "more finding", "more findings")} on targeted traits below)` : "";
    const flagIds = asked.map((f) => f.id);
    if (!input.final) return { text: `Not enough evidence yet — so far: ${text}${tail}`, kind, severity: "pending", flagIds };
    return { text: `${text} — the main issue${tail}${more}`, kind, severity: main.severity, flagIds };
  }
  if (strong.length) return behaviourLine(strong);
  if (!input.final || !measured) {
    return weak.length ? behaviourLine(weak) : { text: "Not enough evidence yet", kind: "not enough evidence", severity: "pending", flagIds: [] };
  }

  const came = expected.length
    ? `${plural(expected.length, "trait", "traits")} came with the character type (${nameList(expected.map((f) => nameOf(f.traits[0])))})`
    : "";
  // Acknowledged findings: on targeted traits (a miss, a tension…) and side effects (leakage), named by trait.
  const ackedAsked = acked.filter((f) => f.kind !== "leakage" && !isBehaviour(f));
  const ackedLeaks = acked.filter((f) => f.kind === "leakage");
  const traitNames = (fs: readonly LineFlag[]) => nameList([...new Set(fs.flatMap((f) => f.traits))].map(nameOf));
  const ackedSide = ackedLeaks.length ? `${plural(ackedLeaks.length, "acknowledged side effect", "acknowledged side effects")} (${traitNames(ackedLeaks)})` : "";
  const ackedTargets = ackedAsked.length
    ? `${plural(ackedAsked.length, "acknowledged finding", "acknowledged findings")} on targeted traits (${traitNames(ackedAsked)})`
    : "";
  const settled = new Set(ackedAsked.flatMap((f) => f.traits));
  const ackedIds = acked.map((f) => f.id);
  const tail = (...parts: string[]) => parts.filter(Boolean).map((p) => `; ${p}`).join("");
  const targeted = input.rows.filter((r) => r.target !== null);
  if (weak.length && (targeted.length === 0 || unexpected.length === 0)) return behaviourLine(weak);
  if (targeted.length === 0) {
    // An archetype-only persona: every shift is the character type's own (worded so by the leakage flags).
    if (leaks.length) {
      return { text: `No targets set: ${plural(leaks.length, "trait", "traits")} moved with the character type (${nameList(leaks.map((f) => nameOf(f.traits[0])))})${tail(ackedSide)}`, kind: "no targets", severity: "ok", flagIds: [...leaks, ...acked].map((f) => f.id) };
    }
    return ackedSide
      ? { text: `No targets set: ${ackedSide}`, kind: "no targets", severity: "ok", flagIds: ackedIds }
      : { text: "No targets set, and no watched trait clearly moved from the neutral baseline", kind: "no targets", severity: "ok", flagIds: [] };
  }
  if (unexpected.length) {
    const severity = unexpected.some((f) => f.severity === "alert") ? "alert" : "warn";
    const moved = `${plural(unexpected.length, "trait", "traits")} moved without being asked for (${nameList(unexpected.map((f) => nameOf(f.traits[0])))})`;
    return {
      text: `${moved}${tail(came, ackedTargets, ackedSide)} — no ${ackedAsked.length ? "other " : ""}targeted trait is clearly off target`,
      kind: "leakage", severity, flagIds: [...unexpected, ...expected, ...acked].map((f) => f.id),
    };
  }
  // A targeted trait whose finding is acknowledged is settled, whatever its landing.
  const unsettled = targeted.filter((r) => r.judged && r.judged.verdict !== "within tolerance" && !settled.has(r.key));
  if (unsettled.length) {
    const names = nameList(unsettled.map((r) => r.name));
    return {
      text: `Not settled: ${names} ${unsettled.length === 1 ? "is" : "are"} neither clearly on nor clearly off target — more answers would decide${tail(came, ackedTargets, ackedSide)}`,
      kind: "not settled", severity: "pending", flagIds: [...expected.map((f) => f.id), ...ackedIds],
    };
  }
  // Every finding left is acknowledged: on target apart from what the designer accepted for this persona.
  const head = ackedAsked.length ? `On target apart from ${ackedTargets}` : "On target: every targeted trait lands within tolerance";
  return {
    text: `${head}${tail(came, ackedSide)}`,
    kind: "on target", severity: "ok", flagIds: [...expected.map((f) => f.id), ...ackedIds],
  };
}
