"use client";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { FlagAckScopeProvider } from "@/components/probes/flag-ack-scope";
import { ProgressPanel } from "@/components/probes/progress-panel";
import { ReportMethod, useReportMethod } from "@/components/probes/report-method";
import { ReportView } from "@/components/probes/report-view";
import { TraitDiscussion } from "@/components/review/trait-discussion";
import { modelLabel, RunStatusBadge, SimulatedBadge, versionLabel } from "@/components/probes/run-status";
import { ApiError } from "@/lib/query/api";
import { useWorkspace } from "@/lib/query/hooks";
import { isActive, useProbeRun, useProbeRunAction } from "@/lib/query/probe-hooks";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { can } from "@/lib/schemas/workspace";

export function ProbeReportPage({ workspaceId, personaId, runId }: { workspaceId: string; personaId: string; runId: string }) {
  const run = useProbeRun(workspaceId, runId, useReportMethod());
  const viewer = useWorkspace(workspaceId);
  const base = `/w/${workspaceId}/personas/${personaId}`;

  if (run.isPending) return <div className="m-8 h-96 animate-pulse rounded-xl bg-slate-100" />;
  if (run.isError) {
    const missing = run.error instanceof ApiError && run.error.status === 404;
    return (
      <div className="mx-auto max-w-xl px-8 py-16 text-center">
        <h1 className="text-lg font-semibold">{missing ? "Probe run not found" : "Could not load this probe run"}</h1>
        <p className="mt-2 text-sm text-slate-500">{missing ? "It may belong to another workspace." : run.error.message}</p>
        <Link href={`${base}/probes`} className="mt-6 inline-block text-sm font-medium text-brand-600">← Back to probes</Link>
      </div>
    );
  }
  const data = run.data;
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-8 py-8">
      <div>
        <Breadcrumb
          items={[
            { label: "Personas", href: `/w/${workspaceId}` },
            { label: data.personaName, href: base },
            { label: "Probes", href: `${base}/probes` },
            { label: `${versionLabel(data.version)} · ${new Date(data.createdAt).toLocaleDateString()}` },
          ]}
        />
        <ReportHeader workspaceId={workspaceId} run={data} />
        <ReportMethod workspaceId={workspaceId} run={data} />
      </div>
      <Card className="px-5 py-4"><ProgressPanel run={data} /></Card>
      {/* Flags acknowledged as expected for the persona show who and when; editors acknowledge and undo (issue 12 §7). */}
      <FlagAckScopeProvider value={{ audience: "studio", workspaceId, personaId: data.personaId, canEdit: !!viewer && can.editPersona(viewer.role) }}>
        <ReportView workspaceId={workspaceId} run={data} />
      </FlagAckScopeProvider>
      <TraitDiscussion
        workspaceId={workspaceId} personaId={data.personaId} version={typeof data.version === "number" ? data.version : null}
        traits={data.report.rows.map((r) => ({ key: r.key, name: r.name }))} canComment={!!viewer && can.review(viewer.role)}
      />
    </div>
  );
}

function ReportHeader({ workspaceId, run }: { workspaceId: string; run: ProbeRunDetail }) {
  const toast = useToast();
  const cancel = useProbeRunAction(workspaceId, run.id, "cancel");
  const resume = useProbeRunAction(workspaceId, run.id, "resume");
  const workspace = useWorkspace(workspaceId);
  // Probes call models (cost): editors and owners start, cancel and resume them.
  const canRun = !!workspace && can.editPersona(workspace.role);
  const canCancel = canRun && isActive(run.status);
  const canResume = canRun && (run.status === "failed" || run.status === "cancelled");
  const targeted = Object.entries(run.targets);
  return (
    <header className="mt-2 space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Probe report</h1>
        <RunStatusBadge status={run.status} />
        <SimulatedBadge run={run} />
        {canCancel ? (
          <Button
            variant="danger"
            size="sm"
            className="ml-auto"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(undefined, { onSuccess: () => toast("Probe cancelled"), onError: (e) => toast(e.message, "error") })}
          >
            {cancel.isPending ? "Cancelling…" : "Cancel probe"}
          </Button>
        ) : null}
        {canResume ? (
          <Button
            size="sm"
            className="ml-auto"
            disabled={resume.isPending}
            onClick={() => resume.mutate(undefined, { onSuccess: () => toast("Probe resumed"), onError: (e) => toast(e.message, "error") })}
          >
            {resume.isPending ? "Resuming…" : "Resume probe"}
          </Button>
        ) : null}
      </div>
      {run.status === "failed" && run.error ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          The run failed: {run.error}. Answers collected so far are kept{canResume ? "; resume to continue where it stopped" : ""}.
        </p>
      ) : null}
      <dl className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-[auto_1fr] lg:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-500">Version</dt>
        <dd className="font-medium">{versionLabel(run.version)}</dd>
        <dt className="text-slate-500">Target model</dt>
        <dd className="font-medium">{modelLabel(run.target)}</dd>
        <dt className="text-slate-500">Targets</dt>
        <dd>{targeted.length ? targeted.map(([k, v]) => `${run.report.rows.find((r) => r.key === k)?.name ?? k} ${v}`).join(" · ") : "none"}</dd>
        <dt className="text-slate-500">Judge model</dt>
        <dd className="font-medium">{modelLabel(run.judge)}</dd>
        <dt className="text-slate-500">Started</dt>
        <dd>by {run.createdBy}, <TimeAgo iso={run.createdAt} /></dd>
        <dt className="text-slate-500">Settings</dt>
        <dd className="text-slate-600">
          temperature {run.config.temperature} · seed {run.config.seed} · stop at ±{run.config.targetHalfWidth} · budget {run.config.budgetPerTrait}/trait
        </dd>
        {run.customTraits.length ? (
          <>
            <dt className="text-slate-500">Custom traits</dt>
            <dd title="The definition (items and rubric) frozen into this run">
              {run.customTraits.map((t) => `${t.name} v${t.version}`).join(" · ")}
              {run.judge.simulated ? <span className="text-slate-500"> — the simulator cannot score custom traits (n = 0); use a language model as judge</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-500 hover:text-slate-900">System prompt probed</summary>
        <pre tabIndex={0} role="region" aria-label="System prompt probed" className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-3 font-mono text-xs text-slate-700">{run.systemPrompt}</pre>
      </details>
    </header>
  );
}
