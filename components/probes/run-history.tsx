"use client";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { TimeAgo } from "@/components/ui/time-ago";
import { runFacts, runName, runSubtitle } from "@/components/probes/run-history-format";
import { RunStatusBadge } from "@/components/probes/run-status";
import { isActive } from "@/lib/query/probe-hooks";
import type { ProbeRun, RunSummary } from "@/lib/schemas/probe";

// The persona's probe runs, newest first, each named so a designer can tell
// them apart: the variant (or version), what it watched and froze, what it
// spent, who started it, and its report's verdict line. Tick two to compare.
// A list of cards rather than a wide table, so it reads at 390 px without
// scrolling sideways.

const VERDICT_TONE: Record<NonNullable<RunSummary["verdictLine"]>["severity"], string> = {
  alert: "border-l-rose-500 bg-rose-50 text-rose-950",
  warn: "border-l-amber-400 bg-amber-50 text-amber-950",
  ok: "border-l-emerald-500 bg-emerald-50 text-emerald-950",
  pending: "border-l-slate-400 bg-slate-50 text-slate-700",
};

function RunRow({ run, base, checked, disabled, onToggle }: { run: ProbeRun; base: string; checked: boolean; disabled: boolean; onToggle: () => void }) {
  const name = runName(run);
  const line = run.summary?.verdictLine ?? null;
  const pct = Math.round(run.progress.fraction * 100);
  const titleId = `run-${run.id}-title`;
  return (
    <li className={cn("flex gap-3 px-4 py-3 hover:bg-slate-50", checked && "bg-brand-50/50")} data-testid="run-history-row">
      <input
        type="checkbox"
        aria-label={`Select run ${name} from ${new Date(run.createdAt).toLocaleString()} to compare`}
        checked={checked}
        disabled={disabled}
        onChange={onToggle}
        className="mt-1 shrink-0 accent-brand-600"
      />
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <h3 id={titleId} className="break-words text-sm font-semibold">{name}</h3>
          <RunStatusBadge status={run.status} />
          <Link href={`${base}/probes/${run.id}`} className="ml-auto text-sm font-medium text-brand-600 hover:text-brand-700" aria-label={`Report of ${name}`}>
            Report →
          </Link>
        </div>
        <p className="break-words text-xs text-slate-500">{runSubtitle(run)}</p>
        <p className="break-words text-xs tabular-nums text-slate-600" data-testid="run-facts">
          {runFacts(run)} · by {run.createdBy}, <TimeAgo iso={run.createdAt} />
        </p>
        {isActive(run.status) ? (
          <div className="flex items-center gap-2" role="group" aria-label={`${pct}% done`}>
            <div className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full rounded-full bg-sky-500" style={{ width: `${pct}%` }} />
            </div>
            <span className="text-xs tabular-nums text-slate-500">{pct}% · {run.progress.answers} answers</span>
          </div>
        ) : null}
        {line ? (
          <p data-testid="run-verdict-line" className={cn("break-words rounded-md border-l-4 px-2 py-1 text-xs font-medium", VERDICT_TONE[line.severity])}>
            {line.text}
          </p>
        ) : null}
        {run.status === "failed" && run.error ? <p className="break-words text-xs text-rose-700">{run.error}</p> : null}
      </div>
    </li>
  );
}

export function RunHistory({
  runs, base, selected, onToggle,
}: { runs: ProbeRun[]; base: string; selected: string[]; onToggle: (id: string) => void }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Probe runs">
      {runs.map((run) => {
        const checked = selected.includes(run.id);
        return (
          <RunRow key={run.id} run={run} base={base} checked={checked} disabled={!checked && selected.length >= 2} onToggle={() => onToggle(run.id)} />
        );
      })}
    </ul>
  );
}
