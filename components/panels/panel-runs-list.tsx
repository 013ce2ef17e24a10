"use client";
import Link from "next/link";
import { RunStatusBadge } from "@/components/probes/run-status";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { usePanelRuns } from "@/components/panels/report/panel-run-hooks";
import type { PanelRun } from "@/lib/schemas/panel-run";

// The panel's probes, latest first: experiment, status, how far the member
// runs are, calls; each opens its report.

export const EXPERIMENT_LABELS: Record<PanelRun["experiment"], string> = {
  divergence: "Divergence",
  ceiling: "Ceiling: one model vs routed",
};

export function panelRunProgress(run: Pick<PanelRun, "members">): { done: number; failed: number; memberRuns: number; finished: number } {
  const runs = run.members.flatMap((m) => m.runs);
  return {
    done: runs.reduce((s, r) => s + r.done, 0),
    failed: runs.reduce((s, r) => s + r.failed, 0),
    memberRuns: runs.length,
    finished: runs.filter((r) => r.status === "completed").length,
  };
}

export function PanelRunsList({ workspaceId, panelId, canRun, onProbe }: { workspaceId: string; panelId: string; canRun: boolean; onProbe: () => void }) {
  const runs = usePanelRuns(workspaceId, panelId);
  return (
    <Section
      id="panel-runs"
      title="Panel probes"
      description="Is the diversity real? Each probe asks every member the same items and reports how far apart they land."
      actions={canRun ? <Button size="sm" onClick={onProbe}>Probe the panel</Button> : null}
    >
      {runs.isPending ? (
        <div className="h-16 animate-pulse rounded-md bg-slate-100" />
      ) : runs.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load the panel&rsquo;s probes: {runs.error.message}</p>
      ) : runs.data.length === 0 ? (
        <p className="text-sm text-slate-500">No probes yet.{canRun ? " “Probe the panel” measures whether the members really differ." : ""}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Panel probes">
          {[...runs.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((run) => {
            const p = panelRunProgress(run);
            return (
              <li key={run.id}>
                <Link href={`/w/${workspaceId}/panels/${panelId}/runs/${run.id}`} className="block space-y-0.5 rounded-md px-1 py-2 hover:bg-slate-50">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{EXPERIMENT_LABELS[run.experiment]}</span>
                    {run.members.some((m) => m.runs.some((r) => r.simulated)) ? <Badge tone="amber">Simulator</Badge> : null}
                    <RunStatusBadge status={run.status} />
                  </span>
                  <span className="block text-xs text-slate-500">
                    {run.panelVersion ? `v${run.panelVersion}` : "current"} · {run.members.length} members · {run.watched.length} traits · {p.done.toLocaleString("en-US")} answers
                    {p.failed ? ` · ${p.failed} failed` : ""} · {run.modelCalls.toLocaleString("en-US")} calls{run.cacheHits ? `, ${run.cacheHits.toLocaleString("en-US")} reused` : ""}
                  </span>
                  <span className="block text-xs text-slate-500">{run.createdBy} · <TimeAgo iso={run.createdAt} /></span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
