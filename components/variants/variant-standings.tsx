import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { DotContender } from "@/components/charts/variant-dot-plot";
import { RunStatusBadge } from "@/components/probes/run-status";
import { fmt } from "@/lib/probing/chart-prep";
import type { RunStatus } from "@/lib/schemas/probe";
import type { VariantBatch } from "@/lib/schemas/variant";

// The standings under the chart: rank by distance to the targets, how many
// targeted traits each contender was measured on, its flags, and its report.

export function VariantStandings({
  batch, contenders, reportBase,
}: { batch: VariantBatch; contenders: DotContender[]; reportBase: string }) {
  const targetCount = Object.keys(batch.targets).length;
  return (
    <div className="overflow-x-auto" data-testid="variant-standings">
      <table className="w-full min-w-[40rem] text-sm" aria-label="Standings">
        <thead>
          <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
            <th className="py-2 pr-3 font-medium">#</th>
            <th className="py-2 pr-3 font-medium">Contender</th>
            <th className="py-2 pr-3 text-right font-medium">Distance to target (RMS)</th>
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
            const flags = run?.report.flags ?? [];
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
                    <span className={cn("text-base font-semibold", winner ? "text-emerald-700" : "text-slate-900")}>{fmt(s.distance, 1)}</span>
                  </span>
                </td>
                <td className={cn("py-2.5 pr-3 text-right", s.traitsMeasured < targetCount ? "text-amber-700" : "text-slate-700")}>
                  {s.traitsMeasured} / {targetCount}
                </td>
                <td className="py-2.5 pr-3">
                  <span className={cn("font-medium", s.flags ? "text-amber-800" : "text-slate-500")}>{s.flags}</span>
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
  );
}
