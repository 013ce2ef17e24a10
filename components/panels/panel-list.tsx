"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { ImportCouncilDialog } from "@/components/panels/import-council-dialog";
import { ApiError } from "@/lib/query/api";
import { useWorkspace } from "@/lib/query/hooks";
import { useCreatePanel, usePanels } from "@/lib/query/panel-hooks";
import { can } from "@/lib/schemas/workspace";

export function PanelList({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const list = usePanels(workspaceId);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const canEdit = workspace ? can.editPersona(workspace.role) : false;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Panels</h1>
          <p className="mt-1 text-sm text-slate-500">Councils of personas on seats: is their diversity real, or costume changes on one model?</p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setImporting(true)}>Import council files…</Button>
            <Button variant="primary" onClick={() => setCreating(true)}>+ New panel</Button>
          </div>
        ) : null}
      </header>

      <div className="mt-6">
        {list.isPending ? (
          <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
        ) : list.isError ? (
          <p role="alert" className="text-sm text-rose-600">Could not load panels: {list.error.message}</p>
        ) : list.data.length === 0 ? (
          <EmptyState
            title="No panels yet"
            action={canEdit ? (
              <div className="flex flex-wrap justify-center gap-2">
                <Button onClick={() => setImporting(true)}>Import council files…</Button>
                <Button variant="primary" onClick={() => setCreating(true)}>+ New panel</Button>
              </div>
            ) : null}
          >
            A panel is a set of personas, each on a seat (provider and model), with polarity pairs that should disagree.
            Start from this workspace&rsquo;s personas, or import council member files and a seat plan.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Panels">
            {list.data.map((p) => (
              <li key={p.id}>
                <Link href={`/w/${workspaceId}/panels/${p.id}`} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-4 px-5 py-4 hover:bg-slate-50 sm:grid-cols-[minmax(0,1fr)_8rem_10rem]">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">{p.name}</p>
                    <p className="truncate text-sm text-slate-500">{p.description || <span className="italic">No description</span>}</p>
                  </div>
                  <div className="text-xs text-slate-500">
                    {p.memberCount} member{p.memberCount === 1 ? "" : "s"}
                    {p.latestVersion ? <span className="text-slate-400"> · v{p.latestVersion}</span> : null}
                  </div>
                  <div className="hidden text-right text-xs text-slate-500 sm:block">
                    <TimeAgo iso={p.updatedAt} /><br /><span className="text-slate-400">by {p.updatedBy}</span>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <NewPanelDialog workspaceId={workspaceId} open={creating} onClose={() => setCreating(false)} />
      <ImportCouncilDialog workspaceId={workspaceId} open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}

function NewPanelDialog({ workspaceId, open, onClose }: { workspaceId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const create = useCreatePanel(workspaceId);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const err = create.error instanceof ApiError ? create.error : null;
  const submit = () =>
    create.mutate(
      { name, ...(description.trim() ? { description } : {}) },
      { onSuccess: (p) => router.push(`/w/${workspaceId}/panels/${p.id}`) },
    );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New panel"
      description="Name the panel; add members, seats and polarity pairs in the editor."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={create.isPending || !name.trim()}>Create panel</Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Field label="Name" htmlFor="new-panel-name" error={err && err.field !== "description" ? err.message : null}>
          <Input id="new-panel-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Housing policy review board" autoFocus />
        </Field>
        <Field label="Description (optional)" htmlFor="new-panel-description" error={err?.field === "description" ? err.message : null}>
          <Textarea id="new-panel-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Six members in three polarity pairs, reviewing zoning proposals" />
        </Field>
      </form>
    </Dialog>
  );
}
