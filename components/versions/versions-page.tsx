"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { FieldChanges, PromptLines } from "@/components/versions/diff-view";
import { LandingDiff } from "@/components/versions/landing-diff";
import { PressureDiffSection } from "@/components/versions/pressure-diff";
import { RestoreDialog } from "@/components/versions/restore-dialog";
import { LabelsPanel } from "@/components/versions/labels-panel";
import { UseInApp } from "@/components/versions/use-in-app";
import { VersionLabelBadges } from "@/components/personas/label-badges";
import { useLabels } from "@/lib/query/label-hooks";
import { useDiff, usePersona, useVersions, useWorkspace } from "@/lib/query/hooks";
import { can } from "@/lib/schemas/workspace";

export function VersionsPage({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const persona = usePersona(workspaceId, personaId);
  const versions = useVersions(workspaceId, personaId);
  const workspace = useWorkspace(workspaceId);
  const labels = useLabels(workspaceId, personaId);
  const [restoring, setRestoring] = useState<number | null>(null);

  const list = versions.data ?? [];
  const latest = list[0]?.number;
  const defaultFrom = list[1]?.number ?? latest;
  const defaultTo = list.length >= 2 ? latest : "draft";
  const from = search.get("from") ?? (defaultFrom !== undefined ? String(defaultFrom) : null);
  const to = search.get("to") ?? (defaultTo !== undefined ? String(defaultTo) : null);
  const diff = useDiff(workspaceId, personaId, from, to);
  const editable = workspace ? can.editPersona(workspace.role) && persona.data?.status !== "archived" : false;

  const choose = (next: { from?: string; to?: string }) => {
    const params = new URLSearchParams({ from: next.from ?? from ?? "", to: next.to ?? to ?? "" });
    router.replace(`${pathname}?${params}`, { scroll: false });
  };
  const base = `/w/${workspaceId}/personas/${personaId}`;

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-8 sm:py-8">
      <Breadcrumb
        items={[
          { label: "Personas", href: `/w/${workspaceId}` },
          { label: persona.data?.name ?? "…", href: base },
          { label: "Versions" },
        ]}
      />
      <div className="mt-2 flex items-end justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Versions</h1>
        <Link href={base} className="text-sm font-medium text-brand-600 hover:text-brand-700">Open the editor →</Link>
      </div>

      {versions.isPending ? (
        <div className="mt-6 h-64 animate-pulse rounded-xl bg-slate-100" />
      ) : list.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No versions yet" action={<Link href={base} className="text-sm font-medium text-brand-600">Back to the editor</Link>}>
            Press &ldquo;Save version&rdquo; in the editor to snapshot the draft. Versions are immutable; you can compare and restore them here.
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
          <div className="min-w-0 space-y-4 self-start">
            <LabelsPanel workspaceId={workspaceId} personaId={personaId} labels={labels.data ?? []} versions={list} editable={editable} />
            <Card>
              <ol aria-label="Version history" className="divide-y divide-slate-100">
                <li className="px-4 py-3">
                  <p className="text-sm font-medium">Current draft</p>
                  <p className="text-xs text-slate-500">
                    {persona.data ? <>revision {persona.data.revision} · edited <TimeAgo iso={persona.data.updatedAt} /></> : "…"}
                    {persona.data?.dirty ? <span className="ml-1 text-amber-700">· unversioned changes</span> : null}
                  </p>
                </li>
                {list.map((v) => (
                  <li key={v.number} className={cn("px-4 py-3", (from === String(v.number) || to === String(v.number)) && "bg-brand-50/60")}>
                    <div className="flex items-baseline justify-between gap-2">
                      <span className="flex items-center gap-1.5">
                        <Link href={`${base}/versions/${v.number}`} className="text-sm font-semibold text-slate-900 hover:text-brand-700">
                          v{v.number}
                        </Link>
                        {persona.data?.approvedVersion === v.number ? <Badge tone="green">approved</Badge> : null}
                        <VersionLabelBadges labels={labels.data} version={v.number} />
                      </span>
                      <span className="text-xs text-slate-600"><TimeAgo iso={v.createdAt} /></span>
                    </div>
                    <p className="mt-0.5 text-sm text-slate-700">{v.message}</p>
                    <p className="text-xs text-slate-600">by {v.authorName}</p>
                    <div className="mt-2 flex gap-1.5">
                      <Link href={`${base}/versions/${v.number}`} className="rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100">Open</Link>
                      <button className="rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100" onClick={() => choose({ from: String(v.number), to: "draft" })}>
                        Compare with draft
                      </button>
                      {editable ? (
                        <button className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50" onClick={() => setRestoring(v.number)}>
                          Restore
                        </button>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ol>
            </Card>
          </div>

          <div className="min-w-0 space-y-5">
            {labels.data && labels.data.length > 0 && persona.data ? <UseInApp workspaceId={workspaceId} slug={persona.data.slug} labels={labels.data} /> : null}
            <Card className="flex flex-wrap items-center gap-3 px-5 py-3">
              <span className="text-sm font-medium">Compare</span>
              <Select aria-label="Compare from" value={from ?? ""} onChange={(e) => choose({ from: e.target.value })} className="w-60">
                {list.map((v) => <option key={v.number} value={String(v.number)}>v{v.number} · {v.message.slice(0, 30)}</option>)}
                <option value="draft">Current draft</option>
              </Select>
              <span className="text-slate-500">→</span>
              <Select aria-label="Compare to" value={to ?? ""} onChange={(e) => choose({ to: e.target.value })} className="w-60">
                {list.map((v) => <option key={v.number} value={String(v.number)}>v{v.number} · {v.message.slice(0, 30)}</option>)}
                <option value="draft">Current draft</option>
              </Select>
              <Button size="sm" variant="ghost" onClick={() => choose({ from: to ?? "", to: from ?? "" })}>⇄ Swap</Button>
            </Card>
            {from === to ? (
              <p className="text-sm text-slate-500">Pick two different snapshots to compare.</p>
            ) : diff.isPending ? (
              <div className="h-64 animate-pulse rounded-xl bg-slate-100" />
            ) : diff.isError ? (
              <p role="alert" className="text-sm text-rose-600">{diff.error.message}</p>
            ) : (
              <>
                <Card className="px-5 py-4">
                  <h2 className="text-sm font-semibold">Spec fields</h2>
                  <p className="text-xs text-slate-500">{diff.data.fields.length} field{diff.data.fields.length === 1 ? "" : "s"} changed</p>
                  <div className="mt-2"><FieldChanges fields={diff.data.fields} /></div>
                </Card>
                <Card className="px-5 py-4">
                  <h2 className="mb-3 text-sm font-semibold">Compiled prompt</h2>
                  <PromptLines diff={diff.data.prompt} />
                </Card>
                <LandingDiff landing={diff.data.landing} note={diff.data.landingNote} probesHref={`${base}/probes`} />
                <PressureDiffSection pressure={diff.data.pressure ?? null} />
              </>
            )}
          </div>
        </div>
      )}
      <RestoreDialog workspaceId={workspaceId} personaId={personaId} number={restoring} onClose={() => setRestoring(null)} />
    </div>
  );
}
