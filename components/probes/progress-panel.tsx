import { cn } from "@/components/ui/cn";
import { RunUsage } from "@/components/probes/run-usage";
import type { ProbeRun } from "@/lib/schemas/probe";

// How far the run is: a progress bar plus the counts behind it (answers judged,
// calls served from the identical-call cache), and what the calls that reached a
// provider used and cost, with the run's cap (run-usage.tsx).

export function ProgressPanel({ run }: { run: ProbeRun }) {
  const p = run.progress;
  const pct = Math.round(Math.min(1, Math.max(0, p.fraction)) * 100);
  const active = run.status === "queued" || run.status === "running";
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">
          {run.status === "queued" ? "Waiting for a worker…" : active ? "Collecting answers" : run.status === "completed" ? "All answers collected" : "Stopped"}
        </span>
        <span className="tabular-nums text-slate-600">{pct}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Probe progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn("h-full rounded-full transition-[width] duration-700", run.status === "failed" ? "bg-rose-500" : run.status === "cancelled" ? "bg-amber-400" : "bg-brand-600")}
          style={{ width: `${pct}%` }}
        />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <Stat label="Answers judged" value={p.answers} />
        {p.failed ? <Stat label="Failed" value={p.failed} warn /> : null}
        <Stat label="Traits finished" value={`${p.traitsDone} / ${p.traits}`} />
        <Stat label="Cache hits" value={p.cacheHits} />
      </dl>
      <RunUsage run={run} />
    </div>
  );
}

function Stat({ label, value, warn }: { label: string; value: number | string; warn?: boolean }) {
  return (
    <div className="flex gap-1.5">
      <dt>{label}</dt>
      <dd className={cn("font-semibold tabular-nums", warn ? "text-rose-700" : "text-slate-900")}>{value}</dd>
    </div>
  );
}
