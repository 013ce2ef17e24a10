"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { LinkRow, LinkRows, RowTitle, RowUpdated, RowsError, RowsPending } from "@/components/ui/link-rows";
import { CopyButton } from "@/components/share/copy-button";
import { PersonaAvatar } from "@/components/personas/persona-avatar";
import { NewPersonaDialog } from "@/components/personas/new-persona-dialog";
import { ImportDialog } from "@/components/interop/import-dialog";
import { STATUS_OPTIONS, StatusBadge } from "@/components/personas/status-badge";
import { LabelBadges } from "@/components/personas/label-badges";
import { SamplePersonaButton } from "@/components/onboarding/sample-persona-button";
import { SimulatorNotice } from "@/components/onboarding/simulator-notice";
import { usePersonaPages, useWorkspace } from "@/lib/query/hooks";
import { useDebounced } from "@/components/ui/use-debounced";
import type { PersonaPage } from "@/lib/schemas/persona-api";

/** Search waits for typing to pause this long: one request per pause, the superseded one cancelled. */
const SEARCH_DEBOUNCE_MS = 250;

function countLabel(first: PersonaPage | undefined): string {
  if (!first || first.count === null) return "";
  return `${first.count.toLocaleString("en-US")} persona${first.count === 1 ? "" : "s"}`;
}
import { can } from "@/lib/schemas/workspace";

export function PersonaList({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("active");
  const [sort, setSort] = useState("updated");
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const query = useDebounced(q.trim(), SEARCH_DEBOUNCE_MS);
  const list = usePersonaPages(workspaceId, { q: query, status, sort });
  const rows = list.data?.pages.flatMap((p) => p.personas) ?? [];
  const canEdit = workspace ? can.editPersona(workspace.role) : false;
  const filtering = !!query || status !== "active";

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-8 sm:py-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Personas</h1>
          <p className="mt-1 text-sm text-slate-500">{workspace?.name ?? "\u00a0"}</p>
        </div>
        {canEdit ? (
          <div className="flex gap-2">
            <Button onClick={() => setImporting(true)}>Import…</Button>
            <Button variant="primary" onClick={() => setCreating(true)}>+ New persona</Button>
          </div>
        ) : null}
      </header>
      <SimulatorNotice workspaceId={workspaceId} />

      <div className="mt-6 flex flex-wrap items-center gap-3">
        <Input
          type="search" aria-label="Search personas" placeholder="Search by name or archetype…"
          value={q} onChange={(e) => setQ(e.target.value)} className="max-w-xs"
        />
        <Select aria-label="Status filter" value={status} onChange={(e) => setStatus(e.target.value)} className="w-44">
          <option value="active">All active</option>
          {STATUS_OPTIONS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          <option value="all">Everything</option>
        </Select>
        <Select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value)} className="w-48">
          <option value="updated">Recently edited</option>
          <option value="created">Newest first</option>
          <option value="name">Name A–Z</option>
          <option value="status">Status</option>
        </Select>
        <span className="ml-auto text-xs text-slate-500">{countLabel(list.data?.pages[0])}</span>
      </div>

      <div className="mt-5">
        {list.isPending ? (
          <RowsPending />
        ) : list.isError ? (
          <RowsError what="personas" error={list.error} />
        ) : rows.length === 0 ? (
          filtering ? (
            <EmptyState title="Nothing matches">Try another search or status filter.</EmptyState>
          ) : (
            <EmptyState
              title="Compose your first persona"
              action={canEdit ? (
                <div className="flex flex-wrap items-start justify-center gap-2">
                  <Button variant="primary" onClick={() => setCreating(true)}>+ New persona</Button>
                  <SamplePersonaButton workspaceId={workspaceId} />
                </div>
              ) : null}
            >
              Start with a character type — &ldquo;a veteran ER triage nurse&rdquo; — rather than a list of adjectives.
              A coherent type brings its traits along; a list of traits from different clusters settles into a compromise.
              {canEdit ? " Or explore a sample: a refund-desk agent, versioned, with a probe report of where “empathetic but firm” lands." : null}
            </EmptyState>
          )
        ) : (
          <LinkRows label="Personas">
            {rows.map((p) => (
              <LinkRow key={p.id} href={`/w/${workspaceId}/personas/${p.id}`} columns="grid-cols-[1fr_auto] sm:grid-cols-[minmax(0,1fr)_9rem_10rem_10rem]"
                aside={<CopyButton text={p.slug} label="Copy slug" ariaLabel={`Copy slug ${p.slug}`} variant="ghost" className="h-8 px-2" />}>
                <div className="flex min-w-0 items-center gap-3"><PersonaAvatar workspaceId={workspaceId} personaId={p.id} name={p.name} uploadedAt={p.avatarAt ?? null} /><RowTitle title={p.name} subtitle={p.archetype} missing="No archetype yet" /></div>
                <div className="flex flex-col items-end gap-1 sm:items-start"><StatusBadge status={p.status} /><LabelBadges labels={p.labels} className="contents" /></div>
                <div className="hidden text-xs text-slate-500 sm:block">
                  {p.latestVersion ? `v${p.latestVersion}` : "no versions"} · {p.traitCount} trait{p.traitCount === 1 ? "" : "s"}
                  <code className="mt-0.5 block truncate font-mono text-slate-600" title="Slug: how the CLI and the API name this persona" data-testid="row-slug">{p.slug}</code>
                </div>
                <RowUpdated at={p.updatedAt} by={p.updatedBy} />
              </LinkRow>
            ))}
          </LinkRows>
        )}
        {list.hasNextPage ? (
          <div className="mt-4 flex items-center justify-center gap-3 text-xs text-slate-500">
            <span>Showing {rows.length.toLocaleString("en-US")}</span>
            <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
      </div>
      <NewPersonaDialog workspaceId={workspaceId} open={creating} onClose={() => setCreating(false)} />
      <ImportDialog workspaceId={workspaceId} open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
