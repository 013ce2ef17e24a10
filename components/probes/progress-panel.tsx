import { cn } from "@/components/ui/cn";
import { RunUsage } from "@/components/probes/run-usage";
import type { ProbeRun } from "@/lib/schemas/probe";

// How far the run is: a progress bar plus the counts behind it (answers judged,
// calls served from the identical-call cache), and what the calls that reached a
// provider used and cost, with the run's cap (run-usage.tsx).

export function ProgressPanel({ run }: { run: ProbeRun }) {
  const p = run.progress;
  const pct = Math.round(Math.min(1, Math.max(0, p.fraction)) * 100);
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">
          {progressHeadline(run.status, "Collecting answers")}
        </span>
        <span className="tabular-nums text-slate-600">{pct}%</span>
      </div>
      <RunProgressBar pct={pct} status={run.status} label="Probe progress" />
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

/** What a run (a persona probe, a panel probe) is doing, in words; `running` says it while it runs. */
export function progressHeadline(status: string, running: string): string {
  return status === "queued" ? "Waiting for a worker…" : status === "running" ? running : status === "completed" ? "All answers collected" : "Stopped";
}

/** The bar of a run (a persona probe, a panel probe): brand while it runs or is done, rose when it failed, amber when cancelled. */
export function RunProgressBar({ pct, status, label }: { pct: number; status: string; label: string }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2.5 overflow-hidden rounded-full bg-slate-100">
      <div
        className={cn("h-full rounded-full transition-[width] duration-700", status === "failed" ? "bg-rose-500" : status === "cancelled" ? "bg-amber-400" : "bg-brand-600")}
        style={{ width: `${pct}%` }}
      />
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
