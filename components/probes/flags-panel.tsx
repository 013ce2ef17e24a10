"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ReportFlag } from "@/lib/schemas/probe";

// What designers act on, first on the page: each flag with its severity, a
// title, the plain explanation with its numbers, and the answers that show it.
// Tensions, compromises and misses are shown in full; leakage flags (often many,
// and alike) one line each so they do not bury the rest.

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
  const leaks = flags.filter((f) => f.kind === "leakage").length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        <b className="text-slate-900">{flags.length} flag{flags.length === 1 ? "" : "s"}</b>: {counts.join(", ")}.
        {leaks ? " Leakage: a trait you did not target moved clearly away from the neutral assistant’s baseline — traits travel in clusters, so set a target for any that matter." : ""}
      </p>
      <ul aria-label="Flags" className="space-y-2">
        {flags.map((flag) => flag.kind === "leakage"
          ? <CompactFlag key={flag.id} flag={flag} detail={shiftOf(flag.traits[0])} onShowAnswers={onShowAnswers} />
          : <FullFlag key={flag.id} flag={flag} onShowAnswers={onShowAnswers} onPlotPair={onPlotPair} />)}
      </ul>
    </div>
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
