"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { buildPanelPatch, draftOf, draftProblem, isConflict, type PanelDraft } from "@/components/panels/panel-draft";
import { api } from "@/lib/query/api";
import { conflictOf, panelKeys, panelPaths, savePanel, type PanelConflict } from "@/lib/query/panel-hooks";
import type { SaveState } from "@/components/personas/editor/use-autosave";
import type { PanelDetail } from "@/lib/schemas/panel";

// Autosave for the panel editor, as the persona editor does it: edits are
// debounced, one save is in flight at a time, and a stale revision (409) freezes
// autosave and keeps both drafts — mine and the one now on the server — until
// the designer chooses.

export function usePanelDraft(ws: string, initial: PanelDetail, { delay = 700 }: { delay?: number } = {}) {
  const qc = useQueryClient();
  const id = initial.id;
  const [draft, setDraftState] = useState<PanelDraft>(() => draftOf(initial));
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<PanelConflict | null>(null);
  const [revision, setRevision] = useState(initial.revision);
  const latest = useRef(draft);
  const saved = useRef(draftOf(initial));
  const revisionRef = useRef(initial.revision);
  const conflictRef = useRef<PanelConflict | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const applyRevision = (r: number) => {
    revisionRef.current = r;
    setRevision(r);
  };

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    if (conflictRef.current) return false;
    const toSave = latest.current;
    const patch = buildPanelPatch(saved.current, toSave, revisionRef.current);
    if (!patch) {
      setState("saved");
      return true;
    }
    const problem = draftProblem(toSave);
    if (problem) {
      setState("invalid");
      setError(problem);
      return false;
    }
    setState("saving");
    const run = savePanel(ws, id, patch)
      .then((detail) => {
        applyRevision(detail.revision);
        saved.current = toSave;
        qc.setQueryData(panelKeys.detail(ws, id), detail);
        void qc.invalidateQueries({ queryKey: panelKeys.list(ws) });
        setError(null);
        setState(latest.current === toSave ? "saved" : "dirty");
        return true;
      })
      .catch(async (e: unknown) => {
        if (isConflict(e)) {
          // The 409 carries the panel as it is now; if it does not, read it.
          const c = conflictOf(e.details) ?? (await api<PanelDetail>("GET", panelPaths.one(ws, id)).catch(() => null));
          if (c) {
            conflictRef.current = c;
            setConflict(c);
            setState("conflict");
            setError(e.message);
            return false;
          }
        }
        setState("error");
        setError(e instanceof Error ? e.message : "Save failed");
        return false;
      })
      .finally(() => {
        inflight.current = null;
      });
    inflight.current = run;
    return run;
  }, [id, qc, ws]);

  useEffect(() => {
    if (state !== "dirty") return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), delay);
    return () => clearTimeout(timer.current);
  }, [state, draft, delay, saveNow]);

  const setDraft = useCallback((next: (prev: PanelDraft) => PanelDraft) => {
    const value = next(latest.current);
    latest.current = value;
    setDraftState(value);
    if (!conflictRef.current) setState((s) => (s === "saving" ? s : "dirty"));
  }, []);

  /** Overwrite the server's panel with mine (I have seen what differs). */
  const keepMine = useCallback(async () => {
    const c = conflictRef.current;
    if (!c) return;
    conflictRef.current = null;
    setConflict(null);
    applyRevision(c.revision);
    saved.current = draftOf(c);
    setState("dirty");
    await saveNow();
  }, [saveNow]);

  /** Drop my edits and continue from the server's panel. */
  const takeTheirs = useCallback(() => {
    const c = conflictRef.current;
    if (!c) return;
    conflictRef.current = null;
    setConflict(null);
    applyRevision(c.revision);
    const theirs = draftOf(c);
    latest.current = theirs;
    saved.current = theirs;
    setDraftState(theirs);
    setState("saved");
    setError(null);
    void qc.invalidateQueries({ queryKey: panelKeys.detail(ws, id) });
  }, [id, qc, ws]);

  useEffect(() => {
    if (state !== "error") return;
    const t = setTimeout(() => setState("dirty"), 5000);
    return () => clearTimeout(t);
  }, [state]);

  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (state !== "saved") e.preventDefault();
    };
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [state]);

  return { draft, setDraft, state, error, conflict, revision, revisionRef, saveNow, keepMine, takeTheirs };
}
