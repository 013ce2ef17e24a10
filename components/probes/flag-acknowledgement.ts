import { ACK_REASON_MAX, type Acknowledgement, type FlagAcknowledged } from "@/lib/schemas/acknowledgement";
import type { ReportFlag } from "@/lib/schemas/probe";
import { shiftDirection, shortenAtWord } from "@/lib/probing/chart-prep";

// "Expected for this persona" (issue 12 §7), the words and the grouping the
// flags panel, the persona's list, the review box, the approval gate and the
// share page share: which way a leak moved, what a flag id means, open vs
// acknowledged, and the approval dialog's one-line summary.

/** A served report flag: the server marks the flags an acknowledgement on the persona matches. */
export type AckableFlag = ReportFlag & { acknowledged?: FlagAcknowledged | null };
export type AckDirection = Acknowledgement["direction"];

/** A leak is acknowledged for the way it moved (the sign of its shift, as the server matches it); every other kind either way (""). */
export function ackDirection(flag: Pick<ReportFlag, "kind" | "evidence">): AckDirection {
  return flag.kind === "leakage" ? shiftDirection(flag) ?? "" : "";
}

/** "well_read" → "Well read": the fallback when no name is known for a trait key. */
export const prettyKey = (key: string): string => (key ? key[0].toUpperCase() + key.slice(1).replace(/_/g, " ") : key);

/** A flag's (first) trait by name: leakage titles start with it ("Warm rose without being asked for"). */
export function flagTraitName(flag: { title: string; traits?: readonly string[] }): string {
  const m = /^(.+?) (?:rose|fell|came with|misses|overshoots|is) /.exec(flag.title);
  return m ? m[1] : prettyKey(flag.traits?.[0] ?? "");
}

/** What the acknowledge form says it covers: "Warm moving up is expected" (leakage), else null. */
export function directionSentence(flag: Pick<ReportFlag, "kind" | "title" | "traits" | "evidence">): string | null {
  if (flag.kind !== "leakage") return null;
  const dir = ackDirection(flag);
  const name = flagTraitName(flag);
  return dir ? `${name} moving ${dir} is expected` : `${name} moving either way is expected`;
}

/**
 * The form's starting reason, short enough to read in a one-line list: a leak the character type implies
 * starts from what its title says ("Warm came with the character type: rose with Empathetic" →
 * "Comes with the character type: rose with Empathetic"); the library's longer reason stays on the flag.
 */
export function prefillReason(flag: Pick<ReportFlag, "expected"> & { title?: string }): string {
  if (!flag.expected) return "";
  const how = flag.title?.split(": ").slice(1).join(": ").trim();
  return (how ? `Comes with the character type: ${how}` : "Comes with the character type").slice(0, ACK_REASON_MAX);
}

/** A reason in a one-line list: at most 80 characters, cut at a word. */
const shortReason = (reason: string): string => shortenAtWord(reason, 80);

/** The reason's problem in words, or null when it can be saved (mirrors acknowledgeFlagBody). */
export function reasonProblem(reason: string): string | null {
  const n = reason.trim().length;
  if (n === 0) return "Say why this is expected for the persona";
  if (n > ACK_REASON_MAX) return `At most ${ACK_REASON_MAX} characters (${n} now)`;
  return null;
}

/** Open flags (what to act on) and the ones acknowledged as expected for the persona, each in the report's order. */
export function splitFlags<F extends { acknowledged?: unknown }>(flags: readonly F[]): { open: F[]; acknowledged: F[] } {
  return { open: flags.filter((f) => !f.acknowledged), acknowledged: flags.filter((f) => Boolean(f.acknowledged)) };
}

const KIND_ORDER: ReportFlag["kind"][] = ["tension", "compromise", "leakage", "miss", "overshoot"];

/**
 * The panel's counts, open flags only: "2 open flags" with "1 tension, 1 leakage", then what is not open — leaks that
 * came with the character type (never an alert; the verdict line and the approval gate do not count them) and flags
 * acknowledged as expected for the persona.
 */
export function flagCounts(flags: readonly { kind: string; expected?: unknown; acknowledged?: unknown }[]): { head: string; kinds: string; rest: string[] } {
  const { open: notAcked, acknowledged } = splitFlags(flags);
  const open = notAcked.filter((f) => !f.expected);
  const came = notAcked.length - open.length;
  const kinds = KIND_ORDER.map((k) => [k, open.filter((f) => f.kind === k).length] as const).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  return {
    head: open.length ? `${open.length} open flag${open.length === 1 ? "" : "s"}` : "No open flags",
    kinds: kinds.join(", "),
    rest: [...(came ? [`${came} came with the character type`] : []), ...(acknowledged.length ? [`${acknowledged.length} acknowledged`] : [])],
  };
}

/** The counts in one line: "2 open flags: 1 tension, 1 leakage · 2 came with the character type · 3 acknowledged". */
export function openCountLine(flags: readonly { kind: string; expected?: unknown; acknowledged?: unknown }[]): string {
  const { head, kinds, rest } = flagCounts(flags);
  return [kinds ? `${head}: ${kinds}` : head, ...rest].join(" \u00b7 ");
}

/** One persona acknowledgement in words: "Warm moving up (leakage)", "Firm misses its target". */
export function describeAcknowledgement(ack: Pick<Acknowledgement, "flagId" | "direction">, nameOf: (key: string) => string = prettyKey): string {
  const [kind, rest = ""] = ack.flagId.split(":");
  const [a, b] = rest.split("+").map((k) => (k ? nameOf(k) : k));
  switch (kind) {
    case "leakage": return `${a} moving ${ack.direction || "either way"} (leakage)`;
    case "miss": return `${a} misses its target`;
    case "overshoot": return `${a} overshoots its target`;
    case "tension": return `${a} and ${b} pull against each other`;
    case "compromise": return `${a} and ${b} settle at a compromise`;
    default: return ack.flagId;
  }
}

/** A flag as a summary needs it: the review state's short form will do (no traits, kind as a string). */
export type SummaryFlag = Pick<ReportFlag, "title" | "severity"> & {
  kind: string; traits?: readonly string[]; expected?: unknown; acknowledged?: Pick<FlagAcknowledged, "reason"> | null;
};

/**
 * The review box's and the approval gate's three lists, as the gate counts (lib/services/review): open flags; leaks
 * that came with the character type (listed, not counted as open); flags acknowledged as expected for the persona.
 */
export function reviewGroups<F extends SummaryFlag>(flags: readonly F[]): { open: F[]; came: F[]; acknowledged: F[] } {
  const { open, acknowledged } = splitFlags(flags);
  return { open: open.filter((f) => !f.expected), came: open.filter((f) => Boolean(f.expected)), acknowledged };
}

/** A short name for a flag in a one-line list: the trait for a leak, else the flag's title. */
const shortName = (f: SummaryFlag) => (f.kind === "leakage" ? flagTraitName(f) : f.title);

/**
 * The approval dialog's line: "Open flags: 1 alert (Firm misses its target) · Acknowledged: 3 (Warm, Patient,
 * Diplomatic — expected for a support agent)". Acknowledged flags sharing a reason are listed together; leaks that
 * came with the character type (not acknowledged yet) get their own part between the two.
 */
export function reviewFlagsLine(flags: readonly SummaryFlag[]): string {
  const { open, came, acknowledged } = reviewGroups(flags);
  const bySeverity = (["alert", "warn"] as const)
    .map((s) => [s, open.filter((f) => f.severity === s)] as const)
    .filter(([, fs]) => fs.length > 0)
    .map(([s, fs]) => `${fs.length} ${s === "alert" ? "alert" : "warning"}${fs.length === 1 ? "" : "s"} (${fs.map(shortName).join(", ")})`);
  const parts = [`Open flags: ${bySeverity.length ? bySeverity.join(", ") : "none"}`];
  if (came.length) parts.push(`Came with the character type: ${came.length} (${came.map(shortName).join(", ")})`);
  if (acknowledged.length) {
    const reasons = new Map<string, string[]>();
    for (const f of acknowledged) {
      const reason = shortReason(f.acknowledged?.reason ?? "");
      reasons.set(reason, [...(reasons.get(reason) ?? []), shortName(f)]);
    }
    const groups = [...reasons].map(([reason, names]) => `${names.join(", ")}${reason ? ` — ${reason}` : ""}`);
    parts.push(`Acknowledged: ${acknowledged.length} (${groups.join("; ")})`);
  }
  return parts.join(" · ");
}
