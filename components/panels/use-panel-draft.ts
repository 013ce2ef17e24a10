"use client";
import { useQueryClient } from "@tanstack/react-query";
import { buildPanelPatch, draftOf, draftProblem, isConflict, type PanelDraft } from "@/components/panels/panel-draft";
import { useRevisionAutosave } from "@/components/shared/use-revision-autosave";
import { api } from "@/lib/query/api";
import { conflictOf, panelKeys, panelPaths, savePanel, type PanelConflict } from "@/lib/query/panel-hooks";
import type { PanelDetail } from "@/lib/schemas/panel";

// Autosave for the panel editor, as the persona editor does it (shared engine:
// components/shared/use-revision-autosave.ts): edits are debounced, one save is
// in flight at a time, and a stale revision (409) freezes autosave and keeps
// both drafts — mine and the one now on the server — until the designer chooses.
// Only the fields that changed are sent.

export function usePanelDraft(ws: string, initial: PanelDetail, { delay = 700 }: { delay?: number } = {}) {
  const qc = useQueryClient();
  const id = initial.id;
  const save = useRevisionAutosave({
    initial: draftOf(initial),
    initialRevision: initial.revision,
    delay,
    baseline: (draft: PanelDraft) => draft,
    request: buildPanelPatch,
    problem: draftProblem,
    send: (patch) => savePanel(ws, id, patch),
    onSaved: (detail) => {
      qc.setQueryData(panelKeys.detail(ws, id), detail);
      void qc.invalidateQueries({ queryKey: panelKeys.list(ws) });
    },
    onTakeTheirs: () => void qc.invalidateQueries({ queryKey: panelKeys.detail(ws, id) }),
    // The 409 carries the panel as it is now; if it does not, read it.
    conflictOf: (e): PanelConflict | null | Promise<PanelConflict | null> =>
      isConflict(e) ? (conflictOf(e.details) ?? api<PanelDetail>("GET", panelPaths.one(ws, id)).catch(() => null)) : null,
    theirs: (c: PanelConflict) => draftOf(c),
  });
  const setDraft: (next: (prev: PanelDraft) => PanelDraft) => void = save.setValue;
  return {
    draft: save.value, setDraft, state: save.state, error: save.error, conflict: save.conflict, revision: save.revision,
    revisionRef: save.revisionRef, saveNow: save.saveNow, keepMine: save.keepMine, takeTheirs: save.takeTheirs,
  };
}
