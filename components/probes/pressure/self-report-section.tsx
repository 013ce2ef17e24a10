import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Section } from "@/components/ui/card";
import { ChartLegend } from "@/components/charts/legend";
import { COLORS } from "@/components/charts/palette";
import { clamp, fmt, intervalText, selfReportRows, type SelfReportRow } from "@/lib/probing/chart-prep";
import type { SelfReportReport } from "@/lib/schemas/pressure";

// "In its own words" (issue 14 §3): per watched trait what the persona says it
// is (the mean of its in-character self-ratings) beside what it does (the
// measured landing with its interval) on one 0–100 scale, the gap with its
// interval, and the flag in words. A few self-ratings make a wide interval;
// the row says so rather than letting a wide gap look precise.

const SELF = "#0d9488"; // teal-600: "says"; shape (ring) tells it from the landing dot without colour
const TICKS = [0, 25, 50, 75, 100];
const pct = (x: number) => `${clamp(x)}%`;

function Scale({ row, name }: { row: SelfReportRow; name: string }) {
  return (
    <div className="relative h-7" role="img" aria-label={`${name}: says ${fmt(row.self)}, does ${fmt(row.behaviour)} ${intervalText(row.behaviourLo, row.behaviourHi)}`}>
      {TICKS.map((t) => <div key={t} className="absolute inset-y-0 w-px bg-slate-100" style={{ left: pct(t) }} />)}
      <div className="absolute inset-x-0 top-1/2 h-px bg-slate-200" />
      {row.self !== null && row.behaviour !== null ? (
        <div className="absolute top-1/2 h-0.5 -translate-y-1/2 bg-slate-400/70"
          style={{ left: pct(Math.min(row.self, row.behaviour)), width: `${Math.abs(clamp(row.self) - clamp(row.behaviour))}%` }} />
      ) : null}
      {row.behaviourLo !== null && row.behaviourHi !== null ? (
        <div className="absolute top-1/2 h-2.5 -translate-y-1/2 rounded-full" style={{ left: pct(row.behaviourLo), width: `max(4px, ${clamp(row.behaviourHi) - clamp(row.behaviourLo)}%)`, background: COLORS.landing, opacity: 0.35 }} />
      ) : null}
      {row.behaviour !== null ? (
        <div className="absolute top-1/2 h-3.5 w-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow" style={{ left: pct(row.behaviour), background: COLORS.landing }} />
      ) : null}
      {row.self !== null ? (
        <div className="absolute top-1/2 h-4 w-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-[3px] bg-white" style={{ left: pct(row.self), borderColor: SELF }} />
      ) : null}
    </div>
  );
}

export function SelfReportSection({ report, nameOf }: { report: SelfReportReport; nameOf: (key: string) => string }) {
  const rows = selfReportRows(report);
  return (
    <Section
      id="self-report"
      title="Says vs does"
      description={`The persona rated itself in character on each watched trait (${report.itemsPerTrait} questions per trait, 0–100), beside where its answers land. Gap = self-rating − landing with its 95% interval; a flag needs the whole interval beyond ±10 points.`}
    >
      <ChartLegend
        items={[
          { label: "Says (mean self-rating)", color: SELF, kind: "dot" },
          { label: "Does (measured landing)", color: COLORS.landing, kind: "dot" },
          { label: "95% interval of the landing", color: COLORS.landing, kind: "line" },
        ]}
      />
      <ul className="divide-y divide-slate-100" aria-label="Self-rating beside the measured landing, per trait">
        {rows.map((r) => {
          const name = nameOf(r.trait);
          return (
            <li key={r.trait} className={cn("grid gap-x-4 gap-y-1 py-2 sm:grid-cols-[10rem_minmax(0,1fr)_14rem] sm:items-center", r.flag && "bg-amber-50/40")} data-testid={`self-${r.trait}`}>
              <div className="min-w-0">
                <p className="break-words text-sm font-medium text-slate-900">{name}</p>
                {r.flag ? <Badge tone="amber">{r.flag}</Badge> : null}
              </div>
              <Scale row={r} name={name} />
              <div className="text-xs tabular-nums text-slate-600">
                <p>says <b className="text-slate-900">{fmt(r.self)}</b> · does <b className="text-brand-700">{fmt(r.behaviour)}</b> <span className="text-slate-500">{intervalText(r.behaviourLo, r.behaviourHi)}</span></p>
                <p>gap <span className="font-medium text-slate-900">{r.gap}</span></p>
                <p className="text-slate-500">{r.note}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
