"use client";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { TimeAgo } from "@/components/ui/time-ago";
import { RunStatusBadge, versionLabel } from "@/components/probes/run-status";
import { isActive } from "@/lib/query/probe-hooks";
import type { ProbeRun } from "@/lib/schemas/probe";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";

// The persona's probe runs, newest first. Tick two to compare them.

export function RunHistory({
  runs, base, selected, onToggle,
}: { runs: ProbeRun[]; base: string; selected: string[]; onToggle: (id: string) => void }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" aria-label="Probe runs">
        <thead className="border-b border-slate-100 bg-slate-50/60 text-left text-xs text-slate-500">
          <tr>
            <th className="w-10 px-4 py-2"><span className="sr-only">Compare</span></th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Version</th>
            <th className="px-3 py-2 font-medium">Target model</th>
            <th className="px-3 py-2 font-medium">Traits</th>
            <th className="px-3 py-2 font-medium">Progress</th>
            <th className="px-3 py-2 font-medium">Started</th>
            <th className="px-3 py-2"><span className="sr-only">Open</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => {
            const checked = selected.includes(run.id);
            const pct = Math.round(run.progress.fraction * 100);
            return (
              <tr key={run.id} className={cn("hover:bg-slate-50", checked && "bg-brand-50/50")}>
                <td className="px-4 py-2.5">
                  <input
                    type="checkbox"
                    aria-label={`Select run ${versionLabel(run.version)} from ${new Date(run.createdAt).toLocaleString()} to compare`}
                    checked={checked}
                    disabled={!checked && selected.length >= 2}
                    onChange={() => onToggle(run.id)}
                    className="accent-brand-600"
                  />
                </td>
                <td className="px-3 py-2.5"><RunStatusBadge status={run.status} /></td>
                <td className="px-3 py-2.5 font-medium">{versionLabel(run.version)}</td>
                <td className="px-3 py-2.5">
                  <span className="font-medium">{run.target.model}</span>
                  <span className="block text-xs text-slate-500">{run.target.simulated ? SIMULATOR_LABEL : run.target.label}</span>
                </td>
                <td className="px-3 py-2.5 text-slate-600">{run.watched.length} watched · {Object.keys(run.targets).length} targeted</td>
                <td className="px-3 py-2.5">
                  <div className="flex items-center gap-2">
                    <div className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-100">
                      <div className={cn("h-full rounded-full", isActive(run.status) ? "bg-sky-500" : run.status === "completed" ? "bg-emerald-500" : "bg-slate-400")} style={{ width: `${pct}%` }} />
                    </div>
                    <span className="text-xs tabular-nums text-slate-500">{pct}% · {run.progress.answers} answers</span>
                  </div>
                </td>
                <td className="px-3 py-2.5 text-xs text-slate-500"><TimeAgo iso={run.createdAt} /><br />by {run.createdBy}</td>
                <td className="px-3 py-2.5 text-right">
                  <Link href={`${base}/probes/${run.id}`} className="text-sm font-medium text-brand-600 hover:text-brand-700">Report →</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
