"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { RestoreDialog } from "@/components/versions/restore-dialog";
import { ActivityFeed } from "@/components/review/activity-feed";
import { ReviewPanel } from "@/components/review/review-panel";
import { SampleAnswersCard } from "@/components/review/sample-answers-card";
import { ThreadsPanel } from "@/components/review/threads-panel";
import { describeTraitTarget } from "@/lib/persona/compile";
import { usePersona, useVersion, useWorkspace } from "@/lib/query/hooks";
import { can } from "@/lib/schemas/workspace";
import { BUILTIN_TRAITS, findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-4 py-2.5 text-sm">
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="whitespace-pre-wrap text-slate-800">{children}</dd>
    </div>
  );
}

export function VersionView({ workspaceId, personaId, number }: { workspaceId: string; personaId: string; number: number }) {
  const version = useVersion(workspaceId, personaId, number);
  const persona = usePersona(workspaceId, personaId);
  const workspace = useWorkspace(workspaceId);
  const [restoring, setRestoring] = useState(false);
  const base = `/w/${workspaceId}/personas/${personaId}`;
  const editable = workspace ? can.editPersona(workspace.role) && persona.data?.status !== "archived" : false;

  if (version.isPending) return <div className="m-8 h-96 animate-pulse rounded-xl bg-slate-100" />;
  if (version.isError) {
    return (
      <div className="mx-auto max-w-xl px-8 py-16 text-center">
        <h1 className="text-lg font-semibold">Version not found</h1>
        <Link href={`${base}/versions`} className="mt-6 inline-block text-sm font-medium text-brand-600">← All versions</Link>
      </div>
    );
  }
  const v = version.data;
  const empty = <span className="text-slate-500">—</span>;
  return (
    <div className="mx-auto max-w-7xl px-8 py-8">
      <Breadcrumb
        items={[
          { label: "Personas", href: `/w/${workspaceId}` },
          { label: persona.data?.name ?? "…", href: base },
          { label: "Versions", href: `${base}/versions` },
          { label: `v${v.number}` },
        ]}
      />
      <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Version {v.number} <Badge tone="slate">immutable</Badge></h1>
          <p className="mt-1 text-sm text-slate-600">&ldquo;{v.message}&rdquo; — {v.authorName}, <TimeAgo iso={v.createdAt} /></p>
        </div>
        <div className="flex gap-2">
          <Link href={`${base}/versions?from=${v.number}&to=draft`} className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium shadow-sm hover:bg-slate-50">
            Compare with draft
          </Link>
          {editable ? <Button variant="primary" onClick={() => setRestoring(true)}>Restore into draft</Button> : null}
        </div>
      </div>
      {workspace ? (
        <div className="mt-6 grid gap-6 xl:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
          <div className="min-w-0 space-y-6">
            <SampleAnswersCard workspaceId={workspaceId} personaId={personaId} version={v.number} canRecord={can.review(workspace.role)} canComment={can.review(workspace.role)} />
            <ThreadsPanel
              workspaceId={workspaceId} personaId={personaId} version={v.number} canComment={can.review(workspace.role)}
              traitKeys={[...new Set([...Object.keys(v.spec.traitTargets), ...BUILTIN_TRAITS.map((t) => t.key)])]}
            />
          </div>
          <div className="min-w-0 space-y-6">
            <ReviewPanel workspaceId={workspaceId} personaId={personaId} version={v.number} role={workspace.role} archived={persona.data?.status === "archived"} />
            <ActivityFeed workspaceId={workspaceId} personaId={personaId} />
          </div>
        </div>
      ) : null}
      <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">What v{v.number} says</h2>
      <div className="mt-3 grid gap-6 xl:grid-cols-2">
        <Card className="px-5 py-3">
          <dl className="divide-y divide-slate-100">
            <Row label="Name">{v.spec.name}</Row>
            <Row label="Archetype">{v.spec.archetype || empty}</Row>
            <Row label="Background">{v.spec.background || empty}</Row>
            <Row label="Values">{v.spec.values.filter(Boolean).map((x) => `• ${x}`).join("\n") || empty}</Row>
            <Row label="Voice">{`${v.spec.voice.register} · ${v.spec.voice.length}${v.spec.voice.tone ? ` · ${v.spec.voice.tone}` : ""}`}</Row>
            <Row label="Boundaries">{v.spec.boundaries.filter(Boolean).map((x) => `• ${x}`).join("\n") || empty}</Row>
            <Row label="Trait targets">
              {Object.keys(v.spec.traitTargets).length ? (
                <ul className="space-y-1">
                  {Object.entries(v.spec.traitTargets).map(([k, t]) => (
                    <li key={k}>
                      <span className="font-medium">{findTrait(k)?.name ?? humanizeTraitKey(k)}</span>{" "}
                      <span className="tabular-nums text-slate-500">{t}</span>
                      <span className="block text-xs text-slate-500">{describeTraitTarget(k, t)}</span>
                    </li>
                  ))}
                </ul>
              ) : empty}
            </Row>
            <Row label="Examples">{v.spec.examples.length ? `${v.spec.examples.length} exchange(s)` : empty}</Row>
            <Row label="Notes">{v.spec.notes || empty}</Row>
          </dl>
        </Card>
        <Card className="flex flex-col">
          <h2 className="border-b border-slate-100 px-4 py-3 text-sm font-semibold">System prompt (as saved)</h2>
          <pre tabIndex={0} role="region" aria-label="System prompt (as saved)" className="max-h-[70vh] overflow-auto whitespace-pre-wrap px-4 py-3 font-mono text-[12.5px] leading-relaxed text-slate-700">{v.compiledPrompt}</pre>
        </Card>
      </div>
      <RestoreDialog workspaceId={workspaceId} personaId={personaId} number={restoring ? v.number : null} onClose={() => setRestoring(false)} />
    </div>
  );
}
