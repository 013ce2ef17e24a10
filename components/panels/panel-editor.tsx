"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { SaveIndicator } from "@/components/personas/editor/save-indicator";
import { ExportCouncilDialog } from "@/components/panels/export-council-dialog";
import { MembersCard } from "@/components/panels/members-card";
import { GroupsCard, PairsCard } from "@/components/panels/pairs-card";
import { PanelConflictDialog } from "@/components/panels/panel-conflict-dialog";
// ── Panel probes (issue 13 §4–5) ──
import { PanelProbeDialog } from "@/components/panels/panel-probe-dialog";
import { PanelRunsList } from "@/components/panels/panel-runs-list";
// ── Panel preview (issue 13 §3), built by another helper ──
import { PanelPreview } from "@/components/panels/panel-preview";
// ── Recorded previews, comments and share links (issue 13 §1, §3), built by another helper ──
import { PanelSessions } from "@/components/panels/panel-sessions";
import { PanelReview } from "@/components/panels/panel-review";
import { PanelShareDialog } from "@/components/panels/panel-share-dialog";
import type { SeatCandidate } from "@/components/panels/panel-spec-edit";
import { SeatsCard } from "@/components/panels/seats-card";
import { usePanelDraft } from "@/components/panels/use-panel-draft";
import { VersionsCard } from "@/components/panels/versions-card";
import { SaveVersionDialog } from "@/components/versions/save-version-dialog";
import { ApiError } from "@/lib/query/api";
import { useWorkspace } from "@/lib/query/hooks";
import { useCreatePanelVersion, usePanel, useSpreadSeats } from "@/lib/query/panel-hooks";
import { PANEL_LIMITS, type PanelDetail, type PanelSpec } from "@/lib/schemas/panel";
import { can } from "@/lib/schemas/workspace";

export function PanelEditorPage({ workspaceId, panelId }: { workspaceId: string; panelId: string }) {
  const panel = usePanel(workspaceId, panelId);
  const workspace = useWorkspace(workspaceId);
  if (panel.isPending || !workspace) return <div className="m-4 h-96 animate-pulse rounded-xl bg-slate-100 sm:m-8" />;
  if (panel.isError) {
    const missing = panel.error instanceof ApiError && panel.error.status === 404;
    return (
      <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-8">
        <h1 className="text-lg font-semibold">{missing ? "Panel not found" : "Could not load this panel"}</h1>
        <p className="mt-2 text-sm text-slate-500">{missing ? "It may have been deleted, or it belongs to another workspace." : panel.error.message}</p>
        <Link href={`/w/${workspaceId}/panels`} className="mt-6 inline-block text-sm font-medium text-brand-600">← Back to panels</Link>
      </div>
    );
  }
  // Keyed by id: another panel starts a fresh draft.
  return <Editor key={panel.data.id} workspaceId={workspaceId} initial={panel.data} detail={panel.data} readOnly={!can.editPersona(workspace.role)} />;
}

function Editor({ workspaceId, initial, detail, readOnly }: { workspaceId: string; initial: PanelDetail; detail: PanelDetail; readOnly: boolean }) {
  const toast = useToast();
  const save = usePanelDraft(workspaceId, initial);
  const spread = useSpreadSeats(workspaceId, initial.id);
  const createVersion = useCreatePanelVersion(workspaceId, initial.id);
  const [versionOpen, setVersionOpen] = useState(false);
  const [versionError, setVersionError] = useState<string | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [probeOpen, setProbeOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const { draft } = save;
  const editSpec = (edit: (spec: PanelSpec) => PanelSpec) => save.setDraft((d) => ({ ...d, spec: edit(d.spec) }));
  // Labels for seats: the workspace's candidates once spread, and the server's labels for the saved seats.
  const knownSeats: SeatCandidate[] = [
    ...(spread.data?.candidates ?? []),
    ...detail.members.flatMap((m) => (m.seat ? [{ ...m.seat, label: m.seatLabel }] : [])),
  ];
  const nameOf = (key: string) => {
    const m = draft.spec.members.find((x) => x.key === key);
    return m?.label?.trim() || detail.members.find((x) => x.key === key)?.name || key;
  };

  async function saveFirst(): Promise<boolean> {
    if (await save.saveNow()) return true;
    setVersionError(save.error ?? "The draft could not be saved; fix it first");
    return false;
  }

  async function saveVersion(message: string) {
    setVersionError(null);
    if (!(await saveFirst())) return;
    createVersion.mutate(
      { message, revision: save.revisionRef.current },
      {
        onSuccess: (v) => { setVersionOpen(false); toast(`Saved version ${v.number}`); },
        onError: (e) => setVersionError(e.message),
      },
    );
  }

  // A probe freezes the saved panel, so the draft is saved first.
  async function openProbe() {
    if (await save.saveNow()) setProbeOpen(true);
  }

  // Spread seats plans from the saved panel, so the draft is saved first.
  async function spreadSeats() {
    if (!(await save.saveNow())) return;
    spread.mutate({});
  }

  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="flex flex-wrap items-center gap-3 px-4 py-3 sm:px-8">
          <nav className="flex min-w-0 items-center gap-2 text-sm" aria-label="Breadcrumb">
            <Link href={`/w/${workspaceId}/panels`} className="text-slate-500 hover:text-slate-900">Panels</Link>
            <span className="text-slate-300">/</span>
            <h1 className="truncate font-semibold text-slate-900" data-testid="panel-title">{draft.name || "Untitled"}</h1>
          </nav>
          {!readOnly ? <SaveIndicator state={save.state} error={save.error} revision={save.revision} onRetry={() => void save.saveNow()} /> : null}
          <div className="ml-auto flex flex-wrap items-center gap-1.5">
            <span className="text-xs text-slate-500">{detail.latestVersion ? `v${detail.latestVersion}` : "No versions yet"}</span>
            <Button size="sm" className="h-9" onClick={async () => { if (!readOnly) await save.saveNow(); setExportOpen(true); }}>Export council files</Button>
            <Button size="sm" className="h-9" onClick={() => setShareOpen(true)} data-testid="share-panel">Share</Button>
            {!readOnly ? <Button size="sm" className="h-9" onClick={() => void openProbe()} data-testid="probe-panel">Probe the panel</Button> : null}
            {!readOnly ? <Button variant="primary" onClick={() => { setVersionError(null); setVersionOpen(true); }}>Save version</Button> : null}
          </div>
        </div>
        {readOnly ? <div className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-8" role="note">You have read-only access here.</div> : null}
      </header>

      <div className="grid flex-1 gap-6 px-4 py-6 sm:px-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,0.8fr)]">
        <div className="min-w-0 space-y-5">
          <Section title="Panel">
            <Field label="Name" htmlFor="panel-name">
              <Input id="panel-name" value={draft.name} disabled={readOnly} maxLength={PANEL_LIMITS.name} onChange={(e) => save.setDraft((d) => ({ ...d, name: e.target.value }))} />
            </Field>
            <Field label="Description" htmlFor="panel-description">
              <Textarea id="panel-description" rows={2} value={draft.description} disabled={readOnly} maxLength={PANEL_LIMITS.description} onChange={(e) => save.setDraft((d) => ({ ...d, description: e.target.value }))} />
            </Field>
          </Section>
          <MembersCard
            workspaceId={workspaceId}
            spec={draft.spec}
            served={detail.members}
            candidates={spread.data?.candidates ?? null}
            knownSeats={knownSeats}
            readOnly={readOnly}
            onChange={editSpec}
          />
          <PairsCard spec={draft.spec} nameOf={nameOf} readOnly={readOnly} onChange={editSpec} />
          <GroupsCard spec={draft.spec} nameOf={nameOf} readOnly={readOnly} onChange={editSpec} />
        </div>
        <div className="min-w-0 space-y-5">
          <SeatsCard
            spec={draft.spec}
            nameOf={nameOf}
            proposal={spread.data && !sameAsApplied(draft.spec, spread.data) ? spread.data : null}
            knownSeats={knownSeats}
            spreading={spread.isPending}
            spreadError={spread.error ? spread.error.message : null}
            readOnly={readOnly}
            onSpread={() => void spreadSeats()}
            onChange={editSpec}
          />
          <PanelRunsList workspaceId={workspaceId} panelId={initial.id} canRun={!readOnly} onProbe={() => void openProbe()} />
          <VersionsCard workspaceId={workspaceId} panelId={initial.id} readOnly={readOnly} onSave={() => { setVersionError(null); setVersionOpen(true); }} />
          <PanelReview workspaceId={workspaceId} panelId={initial.id} />
        </div>
      </div>
      {/* ── Panel preview (issue 13 §3): full width, so the members' answers sit side by side. Reads the SAVED panel. ── */}
      <div className="min-w-0 px-4 pb-8 sm:px-8">
        <PanelPreview workspaceId={workspaceId} panel={detail} />
        <div className="mt-6"><PanelSessions workspaceId={workspaceId} panelId={initial.id} /></div>
      </div>
      <PanelShareDialog open={shareOpen} onClose={() => setShareOpen(false)} workspaceId={workspaceId} panelId={initial.id} canEdit={!readOnly} />

      <SaveVersionDialog
        open={versionOpen}
        onClose={() => setVersionOpen(false)}
        onSave={saveVersion}
        nextNumber={detail.latestVersion + 1}
        busy={createVersion.isPending || save.state === "saving"}
        error={versionError}
        description="The draft is saved first; the version freezes members, their pinned versions, seats, pairs and groups."
        placeholder="Routed the sceptics away from the explainers"
        fieldId="panel-version-message"
      />
      <PanelProbeDialog workspaceId={workspaceId} panel={detail} open={probeOpen} onClose={() => setProbeOpen(false)} />
      <ExportCouncilDialog workspaceId={workspaceId} panelId={initial.id} open={exportOpen} onClose={() => setExportOpen(false)} />
      <PanelConflictDialog conflict={save.conflict} mine={draft} onKeepMine={() => void save.keepMine()} onTakeTheirs={save.takeTheirs} />
    </div>
  );
}

/** Once a proposal is used, both its plans are in the spec: show the spec's plans, not a pending proposal. */
function sameAsApplied(spec: PanelSpec, p: { single: unknown; routed: unknown }): boolean {
  return JSON.stringify(spec.plans.single) === JSON.stringify(p.single) && JSON.stringify(spec.plans.routed) === JSON.stringify(p.routed);
}
