import { verdictLine, type VerdictInput, type VerdictLine, type VerdictRow } from "@/lib/probing/flags/verdict-line";

// "Expected for this persona" (issue 12 §7): the designer acknowledges a flag
// with a reason, once, on the persona; every served report of the persona marks
// the matching flag and draws its verdict line with that flag settled. Matching
// is by the flag's stable id (kind + traits); a leakage acknowledgement may name
// a direction ("warm rising is fine"), so the same trait moving the other way
// is a new finding. Pure: the acknowledgements come from storage, the report
// from storage, and the stored report is never changed (a new object is served).

export type AckDirection = "up" | "down" | "";

/** One acknowledgement as kept on the persona (FlagAcknowledgement), in the shape a served flag carries. */
export type AckRecord = { id: string; flagId: string; direction: AckDirection; reason: string; by: string; at: string };

/** What matching needs of a flag (structurally a report flag). */
export type AckableFlag = { id: string; kind: string; evidence?: { value?: { estimate: number } } };

/** The way a leakage flag moved: up (shift > 0), down (< 0), or null (no shift to read). */
export function shiftDirection(flag: Pick<AckableFlag, "evidence">): "up" | "down" | null {
  const estimate = flag.evidence?.value?.estimate;
  if (estimate === undefined || estimate === 0 || !Number.isFinite(estimate)) return null;
  return estimate > 0 ? "up" : "down";
}

/** Does the acknowledgement cover this flag? Same id; for leakage, either way ("") or the way it moved. */
export function ackMatches(ack: Pick<AckRecord, "flagId" | "direction">, flag: AckableFlag): boolean {
  if (ack.flagId !== flag.id) return false;
  if (flag.kind !== "leakage" || ack.direction === "") return true;
  return ack.direction === shiftDirection(flag);
}

/** The acknowledgement that covers a flag, a directional one before "either way"; undefined when none does. */
export function ackFor<A extends Pick<AckRecord, "flagId" | "direction">>(flag: AckableFlag, acks: readonly A[]): A | undefined {
  const matching = acks.filter((a) => ackMatches(a, flag));
  return matching.find((a) => a.direction !== "") ?? matching[0];
}

/** What a served flag carries: who acknowledged it, when and why. */
export type FlagAcknowledgedMark = { id: string; reason: string; by: string; at: string };

const mark = (a: AckRecord): FlagAcknowledgedMark => ({ id: a.id, reason: a.reason, by: a.by, at: a.at });

/** The flags with `acknowledged` set on those an acknowledgement covers (and removed from the rest); new objects. */
export function markAcknowledged<F extends AckableFlag>(flags: readonly F[], acks: readonly AckRecord[]): (F & { acknowledged?: FlagAcknowledgedMark })[] {
  return flags.map((f) => {
    const { acknowledged: _stale, ...rest } = f as F & { acknowledged?: unknown };
    const ack = ackFor(f, acks);
    return (ack ? { ...rest, acknowledged: mark(ack) } : rest) as F & { acknowledged?: FlagAcknowledgedMark };
  });
}

/** What acknowledging needs of a report (structurally a stored ProbeReport). */
export type AckableReport = {
  flags: readonly (VerdictInput["flags"][number] & Pick<AckableFlag, "evidence">)[];
  rows: readonly VerdictRow[];
  final: boolean;
  verdictLine?: VerdictLine;
};

/** A report whose flags may carry `acknowledged`. */
export type Acknowledged<R extends AckableReport> = R & { flags: (R["flags"][number] & { acknowledged?: FlagAcknowledgedMark })[] };

/**
 * The report as served to a persona with these acknowledgements: matching flags
 * marked, and the verdict line redrawn with them settled (only when one matches
 * and the report has a line: reports stored before verdict lines keep none).
 */
export function acknowledgeReport<R extends AckableReport>(report: R, acks: readonly AckRecord[]): Acknowledged<R> {
  const unchanged = report as Acknowledged<R>;
  if (acks.length === 0 || report.flags.length === 0) return unchanged;
  const flags = markAcknowledged(report.flags, acks);
  const acknowledged = new Set(flags.filter((f) => f.acknowledged).map((f) => f.id));
  if (acknowledged.size === 0) return unchanged;
  const line = report.verdictLine ? verdictLine({ flags, rows: report.rows, final: report.final, acknowledged }) : undefined;
  return { ...report, flags, ...(line ? { verdictLine: line } : {}) };
}

/**
 * What the verdict line is drawn from, small enough to keep beside a stored report (a few KB for 24 traits),
 * so the run history can redraw each row's line with the persona's acknowledgements without loading reports.
 */
export type VerdictBasis = {
  flags: { id: string; kind: VerdictInput["flags"][number]["kind"]; traits: string[]; severity: "warn" | "alert"; title: string; expected?: true; estimate?: number }[];
  rows: VerdictRow[];
  final: boolean;
};

export function verdictBasis(report: AckableReport): VerdictBasis {
  return {
    flags: report.flags.map((f) => ({
      id: f.id, kind: f.kind, traits: [...f.traits], severity: f.severity, title: f.title,
      ...(f.expected ? { expected: true as const } : {}),
      ...(f.evidence?.value ? { estimate: f.evidence.value.estimate } : {}),
    })),
    rows: report.rows.map((r) => ({ key: r.key, name: r.name, target: r.target, landing: { mean: r.landing.mean }, ...(r.judged ? { judged: { verdict: r.judged.verdict } } : {}) })),
    final: report.final,
  };
}

/** The verdict line redrawn from a kept basis with these acknowledgements settled; null when none matches a flag. */
export function acknowledgedLine(basis: VerdictBasis, acks: readonly AckRecord[]): VerdictLine | null {
  if (acks.length === 0) return null;
  const flags = basis.flags.map((f) => ({
    ...f, expected: f.expected ? { with: [], reason: "" } : undefined,
    evidence: f.estimate === undefined ? {} : { value: { estimate: f.estimate } },
  }));
  const acknowledged = new Set(flags.filter((f) => ackFor(f, acks)).map((f) => f.id));
  return acknowledged.size ? verdictLine({ flags, rows: basis.rows, final: basis.final, acknowledged }) : null;
}

const KIND_WORDS: Record<string, string> = {
  leakage: "leakage", miss: "miss", overshoot: "overshoot", tension: "tension", compromise: "compromise",
  caves: "caves under pressure", "drifts-back": "drifts back to the assistant", "says-not-does": "says but doesn't do", "does-not-say": "does but doesn't say",
};

/**
 * A flag id in words for the activity feed: "the leakage flag on Patient (rising)",
 * "the tension flag on Empathetic + Firm / boundary-setting". `nameOf` gives a
 * trait's display name (custom traits: their key when unknown).
 */
export function describeFlagId(flagId: string, direction: AckDirection, nameOf: (key: string) => string): string {
  const [kind, traits = ""] = flagId.split(":");
  const names = traits.split("+").filter(Boolean).map(nameOf).join(" + ");
  const way = direction === "up" ? " (rising)" : direction === "down" ? " (falling)" : "";
  return `the ${KIND_WORDS[kind] ?? kind} flag on ${names || flagId}${way}`;
}

/** At most `max` characters, cut at a word boundary with an ellipsis ("Attention to the person's…"). */
export function shortenAtWord(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
