"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { StatusBadge } from "@/components/personas/status-badge";
import { SlugCopy } from "@/components/personas/slug-copy";
import { AvatarButton } from "@/components/personas/avatar-dialog";
import { ChangesRequestedReason } from "@/components/review/changes-requested-reason";
import { LabelBadges } from "@/components/personas/label-badges";
import { useLabels } from "@/lib/query/label-hooks";
import { CoherencePanel } from "@/components/personas/editor/coherence-panel";
import { ConflictDialog } from "@/components/personas/editor/conflict-dialog";
import { DangerZone } from "@/components/personas/editor/danger-zone";
import { SidePanel } from "@/components/personas/editor/side-panel";
import { ArchetypeHelp } from "@/components/preview/archetype-help";
import { MergedNotice, SaveIndicator } from "@/components/personas/editor/save-indicator";
import { SaveVersionDialog } from "@/components/versions/save-version-dialog";
import { ScenarioDrafts } from "@/components/personas/editor/scenario-drafts";
import { SpecForm } from "@/components/personas/editor/spec-form";
import { ShareDialog } from "@/components/share/share-dialog";
import { ExportDialog } from "@/components/interop/export-dialog";
import { useAutosave } from "@/components/personas/editor/use-autosave";
import { useArchivePersona, useCreateVersion, usePersona, useWorkspace } from "@/lib/query/hooks";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import { can, type Role } from "@/lib/schemas/workspace";
import { PersonaLoadError } from "@/components/personas/persona-load-error";

const HEADER_LINK = "inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50";

export function PersonaEditorPage({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const persona = usePersona(workspaceId, personaId);
  const workspace = useWorkspace(workspaceId);
  if (persona.isPending || !workspace) return <div className="m-8 h-96 animate-pulse rounded-xl bg-slate-100" />;
  if (persona.isError) return <PersonaLoadError workspaceId={workspaceId} error={persona.error} />;
  const readOnly = !can.editPersona(workspace.role) || persona.data.status === "archived";
  // Keyed by id: switching personas starts a fresh editor state.
  return <Editor key={persona.data.id} workspaceId={workspaceId} initial={persona.data} detail={persona.data} readOnly={readOnly} role={workspace.role} />;
}

function Editor({
  workspaceId, initial, detail, readOnly, role,
}: { workspaceId: string; initial: PersonaDetail; detail: PersonaDetail; readOnly: boolean; role: string }) {
  const toast = useToast();
  const save = useAutosave(workspaceId, initial, { watch: !readOnly });
  const createVersion = useCreateVersion(workspaceId, initial.id);
  const archive = useArchivePersona(workspaceId, initial.id);
  const labels = useLabels(workspaceId, initial.id);
  const [versionOpen, setVersionOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [versionError, setVersionError] = useState<string | null>(null);
  const archived = detail.status === "archived";

  async function saveVersion(message: string) {
    setVersionError(null);
    if (!(await save.saveNow())) {
      setVersionError(save.error ?? "The draft could not be saved; fix it first");
      return;
    }
    createVersion.mutate(
      { message, revision: save.revisionRef.current },
      {
        onSuccess: (v) => {
          setVersionOpen(false);
          toast(`Saved version ${v.number}`);
        },
        onError: (e) => setVersionError(e.message),
      },
    );
  }

  return (
    <div className="flex min-h-screen flex-col">
      <header className="z-20 border-b border-slate-200 bg-white/90 backdrop-blur md:sticky md:top-0">
        <div className="flex flex-wrap items-center gap-3 px-4 py-3 md:px-8">
          <nav className="flex min-w-0 items-center gap-2 text-sm" aria-label="Breadcrumb">
            <Link href={`/w/${workspaceId}`} className="text-slate-500 hover:text-slate-900">Personas</Link>
            <span className="text-slate-300">/</span>
            <AvatarButton workspaceId={workspaceId} personaId={initial.id} name={detail.name} canEdit={!readOnly} />
            <h1 className="truncate font-semibold text-slate-900" data-testid="persona-title">{save.spec.name || "Untitled"}</h1>
          </nav>
          <SlugCopy slug={detail.slug} />
          <StatusBadge status={detail.status} />
          {detail.status === "changes_requested" && detail.latestVersion ? <ChangesRequestedReason workspaceId={workspaceId} personaId={initial.id} version={detail.latestVersion} /> : null}
          <LabelBadges labels={labels.data} />
          {!readOnly ? <SaveIndicator state={save.state} error={save.error} revision={save.revision} onRetry={() => void save.saveNow()} /> : null}
          {!readOnly ? <MergedNotice notice={save.merged} onDismiss={save.dismissMerged} /> : null}
          <div className="ml-auto flex flex-wrap items-center gap-1.5">
            <span className="text-xs text-slate-500">
              {detail.latestVersion ? <span title={detail.dirty ? "The draft has changes that are not in a saved version" : undefined}>v{detail.latestVersion}{detail.dirty ? " + edits" : ""}</span> : "No versions yet"}
            </span>
            <Link
              href={`/w/${workspaceId}/personas/${initial.id}/versions`}
              className={HEADER_LINK}
            >
              Versions{detail.latestVersion ? ` (${detail.latestVersion})` : ""}
            </Link>
            <Link
              href={`/w/${workspaceId}/personas/${initial.id}/probes`}
              className={HEADER_LINK}
            >
              Probe
            </Link>
            {detail.latestVersion ? (
              <Link
                href={`/w/${workspaceId}/personas/${initial.id}/versions/${detail.latestVersion}`}
                className={HEADER_LINK}
                title="Sample answers, comments, review requests and decisions on the latest version"
              >
                Review v{detail.latestVersion}
              </Link>
            ) : null}
            <Link
              href={`/w/${workspaceId}/personas/${initial.id}/variants`}
              className={HEADER_LINK}
            >
              Variants
            </Link>
            {can.review(role as Role) ? (
              <Link href={`/w/${workspaceId}/personas/${initial.id}/compare`} className={HEADER_LINK} title="Draft vs version, or model A vs model B, side by side">
                Compare
              </Link>
            ) : null}
            <Button size="sm" className="h-9" onClick={() => setExportOpen(true)}>Export</Button>
            <Button size="sm" className="h-9" onClick={() => setShareOpen(true)}>Share</Button>
            {!readOnly ? (
              <Button variant="primary" onClick={() => { setVersionError(null); setVersionOpen(true); }}>Save version</Button>
            ) : null}
          </div>
        </div>
        {!readOnly && save.recovered ? (
          <div className="flex items-center gap-3 border-t border-sky-200 bg-sky-50 px-8 py-2 text-sm text-sky-900" role="note">
            <span>
              This browser kept edits that were never saved (from {new Date(save.recovered.at).toLocaleString()}).
            </span>
            <button className="font-medium underline" onClick={save.applyRecovered}>Restore them</button>
            <button className="text-sky-700 hover:underline" onClick={save.discardRecovered}>Discard</button>
          </div>
        ) : null}
        {readOnly ? (
          <div className="border-t border-amber-200 bg-amber-50 px-8 py-2 text-sm text-amber-900" role="note">
            {archived ? (
              <>
                This persona is archived and read-only.{" "}
                {can.editPersona(role as never) ? (
                  <button className="font-medium underline" onClick={() => archive.mutate(false)}>Restore it</button>
                ) : null}
              </>
            ) : (
              <>You have read-only access here (role: {role}).</>
            )}
          </div>
        ) : null}
      </header>

      <div className="grid flex-1 gap-6 px-4 py-6 md:px-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,0.85fr)]">
        <fieldset disabled={readOnly} className="min-w-0 space-y-5">
          <SpecForm
            spec={save.spec}
            onChange={save.setSpec}
            archetypeHelp={
              can.review(role as Role) ? (
                <ArchetypeHelp
                  workspaceId={workspaceId}
                  spec={save.spec}
                  onPick={(archetype) => save.setSpec((s) => ({ ...s, archetype }))}
                />
              ) : null
            }
            scenariosHelp={
              !readOnly ? (
                <ScenarioDrafts
                  workspaceId={workspaceId}
                  personaId={initial.id}
                  scenarios={save.spec.scenarios}
                  onAdd={(scenarios) => save.setSpec((s) => ({ ...s, scenarios }))}
                />
              ) : null
            }
            traitsHelp={
              <CoherencePanel
                workspaceId={workspaceId}
                personaId={initial.id}
                spec={save.spec}
                onUseType={readOnly ? undefined : (archetype) => save.setSpec((s) => ({ ...s, archetype }))}
              />
            }
          />
          {!readOnly ? <DangerZone workspaceId={workspaceId} persona={detail} /> : null}
        </fieldset>
        <div className="min-w-0">
          <div className="sticky top-20 h-[calc(100vh-7rem)]">
            <SidePanel
              workspaceId={workspaceId}
              personaId={initial.id}
              spec={save.spec}
              canPreview={can.review(role as Role)}
              canEdit={!readOnly}
              onMessagesChange={(sampleMessages) => save.setSpec((s) => ({ ...s, sampleMessages }))}
            />
          </div>
        </div>
      </div>

      <SaveVersionDialog
        open={versionOpen}
        onClose={() => setVersionOpen(false)}
        onSave={saveVersion}
        nextNumber={detail.latestVersion + 1}
        busy={createVersion.isPending || save.state === "saving"}
        error={versionError}
        description="A version is an immutable snapshot of the spec and its compiled prompt. Probes, reviews and share links point at versions."
        placeholder="Reframed as a triage nurse instead of a list of traits"
        fieldId="version-message"
      />
      <ExportDialog workspaceId={workspaceId} personaId={initial.id} latestVersion={detail.latestVersion} open={exportOpen} onClose={() => setExportOpen(false)} />
      <ShareDialog
        open={shareOpen}
        onClose={() => setShareOpen(false)}
        workspaceId={workspaceId}
        personaId={initial.id}
        role={role as Role}
        latestVersion={detail.latestVersion}
      />
      <ConflictDialog conflict={save.conflict} fields={save.conflictFields} mine={save.spec} onKeepMine={() => void save.keepMine()} onTakeTheirs={save.takeTheirs} />
    </div>
  );
}
