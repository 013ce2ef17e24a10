"use client";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ChartLegend } from "@/components/charts/legend";
import { COLORS } from "@/components/charts/palette";
import { fmt, intervalText, type IntervalRow } from "@/lib/probing/chart-prep";

// The numbers table of the report, drawn: per trait a 0–100 scale with the
// baseline (grey tick), the landing mean and its 95% interval (indigo bar), the
// target (diamond) inside its tolerance band, and the figures in plain text.

const TICKS = [0, 25, 50, 75, 100];
const pct = (x: number) => `${x}%`;

const VERDICT: Record<IntervalRow["verdict"], { label: string; tone: "slate" | "green" | "amber" | "sky"; title?: string }> = {
  pending: { label: "collecting", tone: "slate" },
  "on-target": { label: "on target", tone: "green" },
  "off-target": { label: "off target", tone: "amber" },
  "not-clearly-off": {
    label: "not clearly off", tone: "slate",
    title: "The interval reaches the window the target's instruction asks for: not clearly off target. A narrower interval (higher budget) would settle it.",
  },
  steady: { label: "near baseline", tone: "slate" },
  nudged: { label: "small shift", tone: "slate" },
  moved: { label: "moved", tone: "sky" },
  "no-leak": { label: "no leakage", tone: "green", title: "An equivalence test puts the shift within the leakage threshold" },
  "possible-leak": {
    label: "possible leak", tone: "amber",
    title: "The shift is at least the leakage threshold, but its test has not cleared: not enough evidence either way. Probe again with a higher budget to decide.",
  },
};

function Scale({ row }: { row: IntervalRow }) {
  const { landing, baseline, target, toleranceBand } = row;
  return (
    <div className="relative h-7" aria-hidden>
      {TICKS.map((t) => <div key={t} className="absolute inset-y-0 w-px bg-slate-100" style={{ left: pct(t) }} />)}
      <div className="absolute inset-x-0 top-1/2 h-px bg-slate-200" />
      {toleranceBand ? (
        <div className="absolute inset-y-1 rounded-sm bg-slate-100 ring-1 ring-slate-200 ring-inset"
          style={{ left: pct(toleranceBand[0]), width: pct(toleranceBand[1] - toleranceBand[0]) }} />
      ) : null}
      {baseline.mean !== null ? (
        <div className="absolute inset-y-0.5 w-[3px] -translate-x-1/2 rounded-full" style={{ left: pct(baseline.mean), background: COLORS.baseline }} />
      ) : null}
      {landing.lo !== null && landing.hi !== null ? (
        <div className="absolute top-1/2 h-2.5 -translate-y-1/2 rounded-full"
          style={{ left: pct(landing.lo), width: `max(4px, ${landing.hi - landing.lo}%)`, background: COLORS.landing, opacity: 0.45 }} />
      ) : null}
      {target !== null ? (
        <div className="absolute top-1/2 h-4 w-4 -translate-x-1/2 -translate-y-1/2 rotate-45 border-2 bg-white"
          style={{ left: pct(target), borderColor: COLORS.target }} />
      ) : null}
      {landing.mean !== null ? (
        <div className="absolute top-1/2 h-3.5 w-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow"
          style={{ left: pct(landing.mean), background: COLORS.landing }} />
      ) : null}
    </div>
  );
}

export function IntervalBars({
  rows, onPickTrait, tolerance,
}: { rows: IntervalRow[]; onPickTrait?: (key: string) => void; tolerance: number }) {
  return (
    <div className="space-y-3">
      <ChartLegend
        items={[
          { label: "Landing mean", color: COLORS.landing, kind: "dot" },
          { label: "95% interval", color: COLORS.landing, kind: "line" },
          { label: "Target", color: COLORS.target, kind: "diamond" },
          { label: `Target ± ${tolerance}`, color: "#cbd5e1", kind: "fill" },
          { label: "Baseline (neutral assistant)", color: COLORS.baseline, kind: "tick" },
        ]}
      />
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Trait landings">
        <table className="w-full min-w-[52rem] text-sm" aria-label="Landing by trait">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="w-56 py-1.5 pr-3 font-medium">Trait</th>
              <th className="py-1.5 font-medium">
                <div className="relative h-4">
                  {TICKS.map((t) => (
                    <span key={t} className="absolute -translate-x-1/2 tabular-nums" style={{ left: pct(t) }}>{t}</span>
                  ))}
                </div>
              </th>
              <th className="w-36 py-1.5 pl-4 text-right font-medium">Landing [95%]</th>
              <th className="w-12 py-1.5 pl-3 text-right font-medium">n</th>
              <th className="w-56 py-1.5 pl-4 font-medium" title={rows.some((r) => r.shift.allItems) ? "Persona − baseline on every item of the run, paired by item: every answer is scored on every watched trait" : undefined}>
                Shift from baseline{rows.some((r) => r.shift.allItems) ? <span className="font-normal"> (all items)</span> : null}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.key} className={cn(row.severity === "alert" && "bg-rose-50/40", row.severity === "warn" && "bg-amber-50/40")}>
                <td className="py-2 pr-3 align-middle">
                  <button
                    type="button"
                    onClick={() => onPickTrait?.(row.key)}
                    className="text-left font-medium text-slate-900 hover:text-brand-700 hover:underline"
                    title="Show this trait's answers"
                  >
                    {row.name}
                  </button>
                  <div className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-500">
                    {row.target !== null ? <span>target {row.target}</span> : <span>not targeted</span>}
                    {row.flags.length ? (
                      row.flags.map((f) => <Badge key={f.id} tone={f.severity === "alert" ? "rose" : "amber"}>{f.kind}</Badge>)
                    ) : (
                      <span title={VERDICT[row.verdict].title}><Badge tone={VERDICT[row.verdict].tone}>{VERDICT[row.verdict].label}</Badge></span>
                    )}
                  </div>
                </td>
                <td className="py-2 align-middle"><Scale row={row} /></td>
                <td className="py-2 pl-4 text-right align-middle tabular-nums">
                  <span className="font-semibold text-brand-700">{fmt(row.landing.mean)}</span>{" "}
                  <span className="text-slate-500">{intervalText(row.landing.lo, row.landing.hi)}</span>
                </td>
                <td className="py-2 pl-3 text-right align-middle tabular-nums text-slate-600">
                  {row.landing.n}
                  {row.done === "budget" ? <span className="block text-[10px] text-amber-700" title="Stopped on the budget before the interval was narrow enough">budget</span> : null}
                </td>
                <td className={cn("py-2 pl-4 align-middle tabular-nums", row.shift.excludesZero ? "text-slate-900" : "text-slate-500")}>
                  {row.shift.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
