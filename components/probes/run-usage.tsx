import type { ProbeRun } from "@/lib/schemas/probe";

// What a run spent, in one line ("1,204 calls · 0.81 M tokens · $0.37"), and
// the notice when it stopped at its cap.

const count = (n: number) => n.toLocaleString("en-US");

export function formatTokens(tokens: number): string {
  if (tokens >= 100_000) return `${(tokens / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 2 })} M tokens`;
  return `${count(tokens)} tokens`;
}

export function formatUsd(usd: number): string {
  return usd > 0 && usd < 0.01 ? "< $0.01" : `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function usageLine(run: Pick<ProbeRun, "progress" | "usage">): string {
  const { promptTokens, completionTokens, costUsd } = run.usage;
  const calls = `${count(run.progress.modelCalls)} call${run.progress.modelCalls === 1 ? "" : "s"}`;
  return [calls, formatTokens(promptTokens + completionTokens), costUsd === null ? "cost unknown (no prices)" : formatUsd(costUsd)].join(" · ");
}

/** "Stopped at the cap of 500 calls — …", or null when no cap stopped the run. */
export function capNotice(run: Pick<ProbeRun, "caps">): string | null {
  const { maxCalls, maxCostUsd, reached } = run.caps;
  if (!reached) return null;
  const caps = [maxCalls !== null ? `${count(maxCalls)} calls` : null, maxCostUsd !== null ? formatUsd(maxCostUsd) : null].filter(Boolean);
  return `Stopped at the cap of ${caps.join(" / ")} — the report covers what was answered`;
}

export function RunUsage({ run }: { run: ProbeRun }) {
  const notice = capNotice(run);
  const { maxCalls, maxCostUsd } = run.caps;
  const limit = [maxCalls !== null ? `${count(maxCalls)} calls` : null, maxCostUsd !== null ? formatUsd(maxCostUsd) : null].filter(Boolean).join(" / ");
  return (
    <div className="space-y-1 text-xs" data-testid="run-usage">
      <p className="tabular-nums text-slate-700">
        {usageLine(run)}
        {limit && !notice ? <span className="text-slate-500"> · cap {limit}</span> : null}
      </p>
      {notice ? <p className="rounded-md bg-amber-50 px-2 py-1 text-amber-900 ring-1 ring-inset ring-amber-200" role="status" data-testid="cap-reached">{notice}</p> : null}
    </div>
  );
}
