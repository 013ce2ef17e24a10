import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { modelLabel, RunStatusBadge, runTitle, SimulatedBadge } from "@/components/probes/run-status";
import { capNotice, usageLine } from "@/components/probes/run-usage";
import type { ProbeRunDetail } from "@/lib/schemas/probe";

// One column of a comparison: what was probed, on which models, and its flags.

export function RunSummary({ run, letter, color, href }: { run: ProbeRunDetail; letter: "A" | "B"; color: string; href: string }) {
  return (
    <Card className="px-5 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="inline-flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold text-white" style={{ background: color }}>{letter}</span>
        <h3 className="text-sm font-semibold">{runTitle(run)}</h3>
        <RunStatusBadge status={run.status} />
        <SimulatedBadge run={run} />
        <Link href={href} className="ml-auto text-xs font-medium text-brand-600 hover:text-brand-700">Full report →</Link>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs">
        <dt className="text-slate-500">Target</dt><dd>{modelLabel(run.target)}</dd>
        <dt className="text-slate-500">Judge</dt><dd>{modelLabel(run.judge)}</dd>
        <dt className="text-slate-500">Started</dt><dd>{new Date(run.createdAt).toLocaleString()} by {run.createdBy}</dd>
        <dt className="text-slate-500">Answers</dt><dd className="tabular-nums">{run.progress.answers}{run.report.final ? "" : " (still running)"}</dd>
        <dt className="text-slate-500">Spent</dt><dd className="tabular-nums">{usageLine(run)}</dd>
        {capNotice(run) ? <><dt className="text-slate-500">Cap</dt><dd className="text-amber-800">{capNotice(run)}</dd></> : null}
      </dl>
      <h4 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Flags ({run.report.flags.length})</h4>
      {run.report.flags.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {run.report.flags.map((f) => (
            <li key={f.id} className="flex items-start gap-2">
              <Badge tone={f.severity === "alert" ? "rose" : "amber"}>{f.kind}</Badge>
              <span>{f.title}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-emerald-700">No flags</p>
      )}
    </Card>
  );
}
