"use client";
import Link from "next/link";
import { progressHeadline, RunProgressBar } from "@/components/probes/progress-panel";
import { RunStatusBadge } from "@/components/probes/run-status";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { EXPERIMENT_LABELS, panelRunProgress } from "@/components/panels/panel-runs-list";
import { PanelReportView } from "@/components/panels/report/panel-report-view";
import { isPanelRunActive, usePanelReport, usePanelRun, usePanelRunAction } from "@/components/panels/report/panel-run-hooks";
import { ApiError } from "@/lib/query/api";
import { useWorkspace } from "@/lib/query/hooks";
import { ARM_LABELS, type PanelRun } from "@/lib/schemas/panel-run";
import { can } from "@/lib/schemas/workspace";

// A panel probe's page: the run (polled while the member runs and the
// distinguishability pass go on), progress per member run, cancel / resume,
// then the report (partial while running, refreshed as answers arrive).

export function PanelRunPage({ workspaceId, panelId, runId }: { workspaceId: string; panelId: string; runId: string }) {
  const run = usePanelRun(workspaceId, panelId, runId);
  const report = usePanelReport(workspaceId, panelId, runId, run.data?.status);
  const base = `/w/${workspaceId}/panels/${panelId}`;

  if (run.isPending) return <div className="m-4 h-96 animate-pulse rounded-xl bg-slate-100 sm:m-8" />;
  if (run.isError) {
    const missing = run.error instanceof ApiError && run.error.status === 404;
    return (
      <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-8">
        <h1 className="text-lg font-semibold">{missing ? "Panel probe not found" : "Could not load this panel probe"}</h1>
        <p className="mt-2 text-sm text-slate-500">{missing ? "It may belong to another workspace." : run.error.message}</p>
        <Link href={base} className="mt-6 inline-block text-sm font-medium text-brand-600">← Back to the panel</Link>
      </div>
    );
  }
  const data = run.data;
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-8 sm:py-8">
      <div>
        <Breadcrumb items={[
          { label: "Panels", href: `/w/${workspaceId}/panels` },
          { label: data.panelName, href: base },
          { label: `Probe · ${new Date(data.createdAt).toLocaleDateString()}` },
        ]} />
        <RunHeader workspaceId={workspaceId} run={data} traitName={(t) => report.data?.traitLabels[t] ?? t} />
      </div>
      <Card className="px-4 py-4 sm:px-5"><RunProgress run={data} workspaceId={workspaceId} /></Card>
      {report.data ? (
        <PanelReportView report={report.data} run={data} workspaceId={workspaceId} />
      ) : report.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load the report: {report.error.message}</p>
      ) : (
        <div className="h-64 animate-pulse rounded-xl bg-slate-100" role="status" aria-label="Loading the report" />
      )}
    </div>
  );
}

function RunHeader({ workspaceId, run, traitName }: { workspaceId: string; run: PanelRun; traitName: (t: string) => string }) {
  const toast = useToast();
  const workspace = useWorkspace(workspaceId);
  const cancel = usePanelRunAction(workspaceId, run.panelId, run.id, "cancel");
  const resume = usePanelRunAction(workspaceId, run.panelId, run.id, "resume");
  // Probes call models (cost): editors and owners start, cancel and resume them.
  const canRun = !!workspace && can.editPersona(workspace.role);
  const canCancel = canRun && isPanelRunActive(run.status);
  const canResume = canRun && (run.status === "failed" || run.status === "cancelled");
  const simulated = run.members.some((m) => m.runs.some((r) => r.simulated));
  return (
    <header className="mt-2 space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">Panel probe</h1>
        <RunStatusBadge status={run.status} />
        {simulated ? <Badge tone="amber">Simulator — not a language model</Badge> : null}
        {canCancel ? (
          <Button variant="danger" size="sm" className="ml-auto" disabled={cancel.isPending}
            onClick={() => cancel.mutate(undefined, { onSuccess: () => toast("Panel probe cancelled"), onError: (e) => toast(e.message, "error") })}>
            {cancel.isPending ? "Cancelling…" : "Cancel probe"}
          </Button>
        ) : null}
        {canResume ? (
          <Button size="sm" className="ml-auto" disabled={resume.isPending}
            onClick={() => resume.mutate(undefined, { onSuccess: () => toast("Panel probe resumed"), onError: (e) => toast(e.message, "error") })}>
            {resume.isPending ? "Resuming…" : "Resume probe"}
          </Button>
        ) : null}
      </div>
      {run.status === "failed" ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          A member run or the distinguishability pass failed{run.distinguish.error ? `: ${run.distinguish.error}` : ""}. Answers collected so far are kept{canResume ? "; resume to continue where it stopped" : ""}.
        </p>
      ) : null}
      <dl className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-[auto_1fr] lg:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-500">Experiment</dt>
        <dd className="font-medium">{EXPERIMENT_LABELS[run.experiment]}</dd>
        <dt className="text-slate-500">Panel version</dt>
        <dd className="font-medium">{run.panelVersion ? `v${run.panelVersion}` : "current (frozen at start)"}</dd>
        <dt className="text-slate-500">Judge</dt>
        <dd className="font-medium">{run.judge.label} · {run.judge.model}</dd>
        <dt className="text-slate-500">Started</dt>
        <dd>by {run.createdBy}, <TimeAgo iso={run.createdAt} /></dd>
        <dt className="text-slate-500">Watched traits</dt>
        <dd className="lg:col-span-3">{run.watched.map(traitName).join(" · ")}</dd>
      </dl>
    </header>
  );
}

/** Progress per member run (answers done, failed) and of the blind distinguishability pass. */
export function RunProgress({ run, workspaceId }: { run: PanelRun; workspaceId?: string }) {
  const p = panelRunProgress(run);
  const d = run.distinguish;
  const active = isPanelRunActive(run.status);
  const units = p.memberRuns + (d.status === "off" ? 0 : 1);
  const fraction = units === 0 ? 0 : (p.finished + (d.status === "done" ? 1 : d.total ? d.done / d.total : 0)) / units;
  const pct = Math.round(Math.min(1, fraction) * 100);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">
          {progressHeadline(run.status, "Members answering")}
        </span>
        <span className="text-xs tabular-nums text-slate-600">
          {p.finished}/{p.memberRuns} member runs done · {run.modelCalls.toLocaleString("en-US")} calls{run.maxCalls ? ` of at most ${run.maxCalls.toLocaleString("en-US")}` : ""} · {run.cacheHits.toLocaleString("en-US")} reused
        </span>
      </div>
      <RunProgressBar pct={pct} status={run.status} label="Panel probe progress" />
      <details open={active} className="text-sm">
        <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Member runs ({p.memberRuns}) and distinguishability</summary>
        <ul className="mt-2 divide-y divide-slate-100" aria-label="Member runs">
          {run.members.flatMap((m) => m.runs.map((r) => (
            <li key={r.runId} className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5">
              <span className="w-full min-w-0 font-medium text-slate-800 sm:w-auto sm:flex-1">
                {workspaceId ? <Link href={`/w/${workspaceId}/personas/${m.personaId}/probes/${r.runId}`} className="text-brand-700 hover:underline">{m.name}</Link> : m.name}
              </span>
              {run.arms.length > 1 ? <span className="text-xs text-slate-500">{ARM_LABELS[r.arm]}</span> : null}
              <span className="text-xs text-slate-500">{r.seatLabel}</span>
              <span className="text-xs tabular-nums text-slate-700">{r.done} done{r.failed ? <span className="text-rose-700"> · {r.failed} failed</span> : null}</span>
              <RunStatusBadge status={r.status} />
            </li>
          )))}
          <li className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5">
            <span className="min-w-0 flex-1 font-medium text-slate-800">Blind distinguishability</span>
            <span className="text-xs tabular-nums text-slate-700">
              {d.status === "off" ? "off" : d.status === "waiting" ? "waits for the member runs" : `${d.done}/${d.total} judged`}
            </span>
            {d.status !== "off" ? <Badge tone={d.status === "done" ? "green" : d.status === "failed" ? "rose" : d.status === "running" ? "sky" : "slate"}>{d.status}</Badge> : null}
          </li>
        </ul>
        {d.error ? <p role="alert" className="mt-1 text-xs text-rose-700">Distinguishability: {d.error}</p> : null}
      </details>
    </div>
  );
}
