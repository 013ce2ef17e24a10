"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { LinkRow, LinkRows, RowTitle, RowUpdated, RowsError, RowsPending } from "@/components/ui/link-rows";
import { AxesExperimentDialog } from "@/components/panels/axes-experiment-dialog";
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
  const [axes, setAxes] = useState(false);
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
            <Button onClick={() => setAxes(true)}>Axes experiment…</Button>
            <Button onClick={() => setImporting(true)}>Import council files…</Button>
            <Button variant="primary" onClick={() => setCreating(true)}>+ New panel</Button>
          </div>
        ) : null}
      </header>

      <div className="mt-6">
        {list.isPending ? (
          <RowsPending />
        ) : list.isError ? (
          <RowsError what="panels" error={list.error} />
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
          <LinkRows label="Panels">
            {list.data.map((p) => (
              <LinkRow key={p.id} href={`/w/${workspaceId}/panels/${p.id}`} columns="grid-cols-[minmax(0,1fr)_auto] sm:grid-cols-[minmax(0,1fr)_8rem_10rem]">
                <RowTitle title={p.name} subtitle={p.description} missing="No description" />
                <div className="text-xs text-slate-500">
                  {p.memberCount} member{p.memberCount === 1 ? "" : "s"}
                  {p.latestVersion ? <span className="text-slate-500"> · v{p.latestVersion}</span> : null}
                </div>
                <RowUpdated at={p.updatedAt} by={p.updatedBy} />
              </LinkRow>
            ))}
          </LinkRows>
        )}
      </div>
      <NewPanelDialog workspaceId={workspaceId} open={creating} onClose={() => setCreating(false)} />
      <ImportCouncilDialog workspaceId={workspaceId} open={importing} onClose={() => setImporting(false)} />
      <AxesExperimentDialog workspaceId={workspaceId} open={axes} onClose={() => setAxes(false)} />
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
