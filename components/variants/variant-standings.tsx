import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { DotContender } from "@/components/charts/variant-dot-plot";
import { flagCounts, splitFlags } from "@/components/probes/flag-acknowledgement";
import { RunStatusBadge } from "@/components/probes/run-status";
import { fmt } from "@/lib/probing/chart-prep";
import type { RunStatus } from "@/lib/schemas/probe";
import { VARIANT_WIN_LEVEL, type VariantBatch } from "@/lib/schemas/variant";

// The standings under the chart: ordered by mean distance to the targets (an
// order, not a verdict), which contenders no one is clearly closer than, how
// many targeted traits each was measured on, its open flags (acknowledged ones
// and leaks that came with the character type counted apart), and its report. Under
// the table: every pair compared item by item, the only thing that decides.
// When the batch asked the persona's scenarios, each contender's distance there
// stands beside it (a point estimate, not part of the verdict).

export function VariantStandings({
  batch, contenders, reportBase,
}: { batch: VariantBatch; contenders: DotContender[]; reportBase: string }) {
  const targetCount = Object.keys(batch.targets).length;
  const tied = batch.verdict.state === "no clear winner";
  const withScenarios = batch.standings.some((s) => s.scenarioDistance !== undefined);
  return (
    <div className="space-y-4">
    <div className="relative overflow-x-auto" data-testid="variant-standings" tabIndex={0} role="region" aria-label="Standings table">
      <table className="w-full min-w-[40rem] text-sm" aria-label="Standings">
        <thead>
          <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
            <th className="py-2 pr-3 font-medium">#</th>
            <th className="py-2 pr-3 font-medium">Contender</th>
            <th className="py-2 pr-3 text-right font-medium">Mean distance to target</th>
            {withScenarios ? (
              <th className="py-2 pr-3 text-right font-medium" title="Mean |landing − target| over your scenarios: a point estimate from one answer per scenario, not part of the verdict">
                In your scenarios
              </th>
            ) : null}
            <th className="py-2 pr-3 text-right font-medium">Targeted traits measured</th>
            <th className="py-2 pr-3 font-medium">Flags</th>
            <th className="py-2"><span className="sr-only">Report</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top tabular-nums">
          {batch.standings.map((s, rank) => {
            const run = batch.runs.find((r) => r.id === s.runId);
            const color = contenders.find((c) => c.id === s.runId)?.color;
            const winner = batch.final && batch.winner === s.runId;
            // Open flags only, as the report's counts line: acknowledged ones and leaks that came with the character type are counted apart.
            const all = run?.report.flags ?? [];
            const flags = splitFlags(all).open.filter((f) => !f.expected);
            const settled = flagCounts(all).rest;
            return (
              <tr key={s.runId} className={cn(winner && "bg-emerald-50/50")}>
                <td className="py-2.5 pr-3 text-slate-500">{rank + 1}</td>
                <td className="py-2.5 pr-3">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: color }} aria-hidden />
                    <span className={cn("font-medium text-slate-900", s.variantId === null && "italic")}>{s.name}</span>
                    {s.status !== "completed" ? <RunStatusBadge status={s.status as RunStatus} /> : null}
                  </span>
                </td>
                <td className="py-2.5 pr-3 text-right">
                  <span className="inline-flex items-center gap-2">
                    {winner ? <Badge tone="green">closest</Badge> : null}
                    {!winner && batch.final && tied && s.inTopGroup ? <Badge tone="slate">no clear winner</Badge> : null}
                    <span className={cn("text-base font-semibold", winner ? "text-emerald-700" : "text-slate-900")}>{fmt(s.meanGap, 1)}</span>
                  </span>
                </td>
                {withScenarios ? <td className="py-2.5 pr-3 text-right text-slate-700" data-testid="scenario-distance">{fmt(s.scenarioDistance ?? null, 1)}</td> : null}
                <td className={cn("py-2.5 pr-3 text-right", s.traitsMeasured < targetCount ? "text-amber-700" : "text-slate-700")}>
                  {s.traitsMeasured} / {targetCount}
                </td>
                <td className="py-2.5 pr-3">
                  <span className={cn("font-medium", s.flags ? "text-amber-800" : "text-slate-500")} data-testid="open-flags">{s.flags}</span>
                  {settled.length ? <span className="ml-1.5 text-xs text-slate-500" data-testid="settled-flags">({settled.join(" \u00b7 ")})</span> : null}
                  {flags.length ? (
                    <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                      {flags.map((f) => (
                        <li key={f.id} className="flex items-start gap-1.5">
                          <span className={cn("mt-1 h-1.5 w-1.5 shrink-0 rounded-full", f.severity === "alert" ? "bg-rose-500" : "bg-amber-500")} aria-hidden />
                          <span title={f.explanation}>{f.title}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td className="py-2.5 text-right whitespace-nowrap">
                  <Link href={`${reportBase}/${s.runId}`} className="font-medium text-brand-600 hover:text-brand-700">Full report →</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
    <PairList batch={batch} />
    </div>
  );
}

const level = `${Math.round(VARIANT_WIN_LEVEL * 100)}%`;

/** Every pair, paired by item: the difference in mean distance and whether it is clear. */
function PairList({ batch }: { batch: VariantBatch }) {
  if (!batch.final || batch.comparisons.length === 0) return null;
  const name = (id: string) => batch.standings.find((s) => s.runId === id)?.name ?? id;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Pairwise, item by item</h4>
      <ul className="mt-2 space-y-1 text-sm text-slate-700" aria-label="Pairwise comparisons" data-testid="variant-pairs">
        {batch.comparisons.map((p) => {
          const diff = p.difference;
          const closer = diff === null ? null : diff < 0 ? p.a : p.b;
          return (
            <li key={`${p.a}-${p.b}`} className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">“{name(p.a)}” vs “{name(p.b)}”:</span>
              <span className="tabular-nums">
                {diff === null ? "no shared items" : Math.abs(diff) < 0.05 ? "the same mean distance" : `${name(closer!)} closer by ${fmt(Math.abs(diff), 1)}`}
                {p.lo !== null && p.hi !== null ? <span className="text-xs text-slate-500"> ({level} interval of a − b: {fmt(p.lo, 1)} to {fmt(p.hi, 1)}, {p.items} items)</span> : null}
              </span>
              {p.winner ? <Badge tone="green">clear</Badge> : <Badge tone="slate">not clear</Badge>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
