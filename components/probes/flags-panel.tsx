"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { groupFlags, LEAK_GROUP_TITLES } from "@/lib/probing/chart-prep";
import type { ProbeReport, ReportFlag } from "@/lib/schemas/probe";

// What designers act on, first on the page: each flag with its severity, a
// title, the plain explanation with its numbers, and the answers that show it.
// The designer's problems (tensions, compromises, misses) come first, in full;
// leakage flags (often many, and alike) follow one line each in two groups —
// "Moved without being asked for" and "Came with the character type" — that
// start collapsed when a targeted-trait problem sits above them.

/**
 * "Compromise" only when the control arms' verdict is compromise (each trait at least 5 points lower together than
 * alone); otherwise the pair "pulls apart". A miss a range check explains (the model's own limit) is "Beyond reach".
 */
const labelOf = (flag: ReportFlag): string =>
  flag.kind === "compromise" && !flag.title.includes("compromise") ? "Pulls apart"
    : flag.kind === "miss" && flag.title.includes("beyond what this model reaches") ? "Beyond reach"
      : KIND_LABEL[flag.kind];

/** The numbers behind a flag, plainly: "+12 (±4), q = 0.003 · equivalent within ±5: no". */
export function evidenceLine(flag: ReportFlag): string | null {
  const e = flag.evidence;
  const parts: string[] = [];
  if (e.value) {
    const { estimate, lo, hi } = e.value;
    const half = lo === null || hi === null ? null : Math.round(Math.max(estimate - lo, hi - estimate));
    const sign = flag.kind === "leakage" && Math.round(estimate) > 0 ? "+" : "";
    const num = e.correlation ? estimate.toFixed(2) : `${sign}${Math.round(estimate)}`;
    parts.push(`${num.replace(/^-/, "\u2212")}${half === null || e.correlation ? "" : ` (\u00b1${half})`}`);
  }
  if (typeof e.q === "number") parts.push(e.q < 0.001 ? "q < 0.001" : `q = ${e.q < 0.01 ? e.q.toFixed(3) : e.q.toFixed(2)}`);
  if (e.basis) parts.push(e.basis);
  if (e.controls?.length) parts.push(`control arms: ${e.controls.map((c) => c.arm).join(", ")}`);
  return parts.length ? parts.join(" \u00b7 ") : null;
}

const KIND_LABEL: Record<ReportFlag["kind"], string> = {
  tension: "Tension",
  compromise: "Compromise",
  leakage: "Leakage",
  miss: "Miss",
  overshoot: "Overshoot",
};

const LEAK_GROUP_HINTS: Record<"moved" | "came", string> = {
  moved: "A trait you did not target moved clearly away from the neutral assistant’s baseline. Traits travel in clusters, so set a target for any that matter.",
  came: "The trait library expects these to move with a trait you targeted, in the direction you pushed it (warmth with empathy). Worth knowing, not an alert; set a target if you want one elsewhere.",
};

export function FlagsPanel({
  flags, final, tolerance, shiftOf, onShowAnswers, onPlotPair,
}: {
  flags: ReportFlag[];
  final: boolean;
  tolerance: number;
  /** "+23 [18, 28] vs baseline" for a trait, shown beside a leakage flag. */
  shiftOf: (key: string) => string;
  onShowAnswers: (flag: ReportFlag) => void;
  onPlotPair: (a: string, b: string) => void;
}) {
  if (flags.length === 0) {
    return final ? (
      <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="no-flags">
        <b>No flags:</b> no targeted trait is clearly more than ±{tolerance} off the instruction its target compiles to (its band of targets) and no untargeted trait clearly moved. &ldquo;No leakage&rdquo; is claimed per trait only where an equivalence test shows it (see each trait&rsquo;s row).
      </p>
    ) : (
      <p className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600" data-testid="no-flags">
        No flags so far. Flags are recomputed as answers arrive and may still appear.
      </p>
    );
  }
  const counts = (Object.keys(KIND_LABEL) as ReportFlag["kind"][])
    .map((kind) => [kind, flags.filter((f) => f.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${KIND_LABEL[kind].toLowerCase()}`);
  const groups = groupFlags(flags);
  const leakRow = (flag: ReportFlag) => <CompactFlag key={flag.id} flag={flag} detail={shiftOf(flag.traits[0])} onShowAnswers={onShowAnswers} />;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        <b className="text-slate-900">{flags.length} flag{flags.length === 1 ? "" : "s"}</b>: {counts.join(", ")}.
      </p>
      {/* One list of every flag (asked-for first); the leakage groups nest inside it as collapsible items. */}
      <ul aria-label="Flags" className="space-y-2">
        {groups.asked.map((flag) => <FullFlag key={flag.id} flag={flag} onShowAnswers={onShowAnswers} onPlotPair={onPlotPair} />)}
        {(["moved", "came"] as const).map((kind) => (groups[kind].length ? (
          <LeakGroup key={kind} title={LEAK_GROUP_TITLES[kind]} count={groups[kind].length} open={!groups.collapseLeaks} testId={`leaks-${kind}`} hint={LEAK_GROUP_HINTS[kind]}>
            {groups[kind].map(leakRow)}
          </LeakGroup>
        ) : null))}
      </ul>
    </div>
  );
}

/** One leakage group: its title and count, collapsible; open unless a targeted-trait problem sits above it. Its flags stay items of the "Flags" list. */
function LeakGroup({ title, count, open, hint, testId, children }: { title: string; count: number; open: boolean; hint: string; testId: string; children: React.ReactNode }) {
  return (
    <li role="none">
      <details open={open} className="rounded-lg border border-slate-200 bg-slate-50/60 px-3 py-2" data-testid={testId}>
        <summary className="cursor-pointer text-sm font-semibold text-slate-800">{title} ({count})</summary>
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
        <ul aria-label={title} className="mt-2 space-y-2">{children}</ul>
      </details>
    </li>
  );
}

const VERDICT_TONE: Record<NonNullable<ProbeReport["verdictLine"]>["severity"], string> = {
  alert: "border-rose-200 border-l-rose-500 bg-rose-50 text-rose-950",
  warn: "border-amber-200 border-l-amber-400 bg-amber-50 text-amber-950",
  ok: "border-emerald-200 border-l-emerald-500 bg-emerald-50 text-emerald-950",
  pending: "border-slate-200 border-l-slate-400 bg-slate-50 text-slate-700",
};

/** The report's one-sentence verdict: the main issue, on top of everything else. Absent on reports stored by older methods. */
export function VerdictBanner({ line }: { line: ProbeReport["verdictLine"] }) {
  if (!line) return null;
  return (
    <p role="status" data-testid="verdict-line" className={cn("rounded-lg border border-l-4 px-4 py-3 text-sm font-semibold", VERDICT_TONE[line.severity])}>
      {line.text}
    </p>
  );
}

function SeverityBadge({ flag }: { flag: ReportFlag }) {
  return <Badge tone={flag.severity === "alert" ? "rose" : "amber"}>{flag.severity === "alert" ? "Alert" : "Warning"}</Badge>;
}

/** What designers act on first: the explanation with its numbers, in full. */
function FullFlag({ flag, onShowAnswers, onPlotPair }: { flag: ReportFlag; onShowAnswers: (f: ReportFlag) => void; onPlotPair: (a: string, b: string) => void }) {
  const evidence = flag.evidence.answerIds?.length ?? 0;
  return (
    <li className={cn("rounded-lg border border-l-4 bg-white px-4 py-3", flag.severity === "alert" ? "border-rose-200 border-l-rose-500" : "border-amber-200 border-l-amber-400")}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge flag={flag} />
        <Badge tone="slate">{labelOf(flag)}</Badge>
        <h3 className="text-sm font-semibold text-slate-900">{flag.title}</h3>
      </div>
      {evidenceLine(flag) ? <p className="mt-1 text-xs tabular-nums text-slate-500" data-testid="flag-evidence">{evidenceLine(flag)}</p> : null}
      <p className="mt-1.5 text-sm leading-relaxed text-slate-700">{flag.explanation}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {evidence ? <Button size="sm" onClick={() => onShowAnswers(flag)}>Show the answers ({evidence})</Button> : null}
        {flag.traits.length >= 2 ? <Button size="sm" variant="ghost" onClick={() => onPlotPair(flag.traits[0], flag.traits[1])}>Plot this pair</Button> : null}
      </div>
    </li>
  );
}

/** Leakage reads the same for every trait: one line each, the explanation a click away. */
function CompactFlag({ flag, detail, onShowAnswers }: { flag: ReportFlag; detail: string; onShowAnswers: (f: ReportFlag) => void }) {
  const evidence = flag.evidence.answerIds?.length ?? 0;
  return (
    <li className={cn("rounded-lg border border-l-4 bg-white px-4 py-2", flag.severity === "alert" ? "border-rose-200 border-l-rose-500" : "border-amber-200 border-l-amber-400")}>
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1">
          <SeverityBadge flag={flag} />
          <h3 className="text-sm font-semibold text-slate-900">{flag.title}</h3>
          <span className="text-sm tabular-nums text-slate-600">{evidenceLine(flag) ?? detail}</span>
          <span className="ml-auto flex items-center gap-2">
            <span className="text-xs text-slate-500 group-open:hidden">Why?</span>
            {evidence ? (
              <Button size="sm" variant="ghost" onClick={(e) => { e.preventDefault(); onShowAnswers(flag); }}>Show the answers ({evidence})</Button>
            ) : null}
          </span>
        </summary>
        <p className="mt-1.5 pb-1 text-sm leading-relaxed text-slate-700">{flag.explanation}</p>
      </details>
    </li>
  );
}
