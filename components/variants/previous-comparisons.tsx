"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { isActive, useProbeRuns } from "@/lib/query/probe-hooks";
import type { ProbeRun } from "@/lib/schemas/probe";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";

// Earlier "probe variants" actions, rebuilt from the persona's run history:
// runs started together share a batchId.

type Batch = { id: string; createdAt: string; runs: ProbeRun[] };

export function groupBatches(runs: readonly ProbeRun[], limit = 5): Batch[] {
  const byId = new Map<string, Batch>();
  for (const run of runs) {
    if (!run.batchId) continue;
    const batch = byId.get(run.batchId) ?? { id: run.batchId, createdAt: run.createdAt, runs: [] };
    batch.runs.push(run);
    if (run.createdAt < batch.createdAt) batch.createdAt = run.createdAt;
    byId.set(run.batchId, batch);
  }
  const batches = [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  for (const b of batches) b.runs.sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  return batches;
}

const contenderName = (r: ProbeRun) => r.variant?.name ?? "Current draft";

export function PreviousComparisons({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const runs = useProbeRuns(workspaceId, personaId);
  const batches = groupBatches(runs.data ?? []);
  const base = `/w/${workspaceId}/personas/${personaId}/variants/compare`;
  return (
    <Section id="comparisons" title="Previous comparisons" description="The last five times variants were probed together.">
      {runs.isPending ? (
        <div className="h-16 animate-pulse rounded-md bg-slate-100" />
      ) : runs.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load the probe runs: {runs.error.message}</p>
      ) : batches.length === 0 ? (
        <p className="text-sm text-slate-500">None yet. Probe two or more variants together to compare where they land.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Previous comparisons">
          {batches.map((b) => {
            const first = b.runs[0];
            const running = b.runs.some((r) => isActive(r.status));
            return (
              <li key={b.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2.5 text-sm">
                <span className="w-28 shrink-0 text-slate-500"><TimeAgo iso={b.createdAt} /></span>
                <span className="min-w-0 flex-1">
                  <span className="font-medium text-slate-900">{b.runs.map(contenderName).join(" vs ")}</span>
                  <span className="block text-xs text-slate-500">
                    {first.target.simulated ? SIMULATOR_LABEL : `${first.target.label} · ${first.target.model}`}
                  </span>
                </span>
                {running ? <Badge tone="sky">Running</Badge> : null}
                <Link href={`${base}/${b.id}`} className="font-medium text-brand-600 hover:text-brand-700">Open comparison →</Link>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
