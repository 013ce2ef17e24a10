"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api, paths } from "@/lib/query/api";
import { keys } from "@/lib/query/hooks";
import { personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";
import type { ConflictDetails, PersonaDetail } from "@/lib/schemas/persona-api";

// Autosave with optimistic concurrency. Edits are debounced; one save is in
// flight at a time; a stale revision (409) freezes autosave and keeps both
// texts — the designer's local spec and the server's current draft — until the
// designer chooses. Local edits are also mirrored to localStorage while unsaved.

export type SaveState = "saved" | "dirty" | "saving" | "invalid" | "error" | "conflict";
export type Conflict = ConflictDetails["current"];

const backupKey = (id: string) => `persona-studio:unsaved:${id}`;

export function useAutosave(ws: string, initial: PersonaDetail, { delay = 700 }: { delay?: number } = {}) {
  const qc = useQueryClient();
  const [spec, setSpecState] = useState<PersonaSpec>(initial.spec);
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [revision, setRevision] = useState(initial.revision);
  const latest = useRef(spec);
  const revisionRef = useRef(initial.revision);
  const savedJson = useRef(JSON.stringify(initial.spec));
  const conflictRef = useRef<Conflict | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = initial.id;
  const [recovered, setRecovered] = useState<{ spec: PersonaSpec; at: number } | null>(null);

  // Edits that never reached the server (tab closed mid-save, network down) come back as an offer.
  useEffect(() => {
    try {
      const raw = localStorage.getItem(backupKey(id));
      if (!raw) return;
      const backup = JSON.parse(raw) as { spec: unknown; at: number };
      const parsed = personaSpecSchema.safeParse(backup.spec);
      if (parsed.success && JSON.stringify(parsed.data) !== JSON.stringify(initial.spec)) {
        setRecovered({ spec: parsed.data, at: backup.at });
      } else {
        localStorage.removeItem(backupKey(id));
      }
    } catch {
      /* unreadable backup: nothing to offer */
    }
    // Only on first mount: later backups are this session's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const applyRevision = (r: number) => {
    revisionRef.current = r;
    setRevision(r);
  };

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    if (conflictRef.current) return false;
    const toSave = latest.current;
    const json = JSON.stringify(toSave);
    if (json === savedJson.current) {
      setState("saved");
      return true;
    }
    const parsed = personaSpecSchema.safeParse(toSave);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setState("invalid");
      setError(`${issue.path.join(".") || "spec"}: ${issue.message}`);
      return false;
    }
    setState("saving");
    const run = api<PersonaDetail>("PATCH", paths.persona(ws, id), { revision: revisionRef.current, spec: toSave })
      .then((detail) => {
        applyRevision(detail.revision);
        savedJson.current = json;
        qc.setQueryData(keys.persona(ws, id), detail);
        void qc.invalidateQueries({ queryKey: [...keys.personas(ws), "list"] });
        setError(null);
        if (JSON.stringify(latest.current) === json) {
          setState("saved");
          localStorage.removeItem(backupKey(id));
        } else {
          setState("dirty");
        }
        return true;
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 409 && (e.details as ConflictDetails | undefined)?.current) {
          const current = (e.details as ConflictDetails).current;
          conflictRef.current = current;
          setConflict(current);
          setState("conflict");
          setError(e.message);
        } else {
          setState("error");
          setError(e instanceof Error ? e.message : "Save failed");
        }
        return false;
      })
      .finally(() => {
        inflight.current = null;
      });
    inflight.current = run;
    return run;
  }, [id, qc, ws]);

  // Edits that arrived while a save was in flight get their own save afterwards.
  useEffect(() => {
    if (state !== "dirty") return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), delay);
    return () => clearTimeout(timer.current);
  }, [state, spec, delay, saveNow]);

  const setSpec = useCallback(
    (next: PersonaSpec | ((prev: PersonaSpec) => PersonaSpec)) => {
      const value = typeof next === "function" ? next(latest.current) : next;
      latest.current = value;
      setSpecState(value);
      try {
        localStorage.setItem(backupKey(id), JSON.stringify({ spec: value, revision: revisionRef.current, at: Date.now() }));
      } catch {
        /* storage full or disabled: the server save is still the source of truth */
      }
      if (!conflictRef.current) setState((s) => (s === "saving" ? s : "dirty"));
    },
    [id],
  );

  /** Overwrite the server's draft with mine (I have seen theirs in the dialog). */
  const keepMine = useCallback(async () => {
    const c = conflictRef.current;
    if (!c) return;
    conflictRef.current = null;
    setConflict(null);
    applyRevision(c.revision);
    savedJson.current = JSON.stringify(c.spec);
    setState("dirty");
    await saveNow();
  }, [saveNow]);

  /** Drop my edits and continue from the server's draft. */
  const takeTheirs = useCallback(() => {
    const c = conflictRef.current;
    if (!c) return;
    conflictRef.current = null;
    setConflict(null);
    applyRevision(c.revision);
    latest.current = c.spec;
    savedJson.current = JSON.stringify(c.spec);
    setSpecState(c.spec);
    setState("saved");
    setError(null);
    localStorage.removeItem(backupKey(id));
  }, [id]);

  // A failed save (network, server) retries on its own; the text stays local meanwhile.
  useEffect(() => {
    if (state !== "error") return;
    const t = setTimeout(() => setState("dirty"), 5000);
    return () => clearTimeout(t);
  }, [state]);

  // Never lose work by closing the tab mid-save.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (state !== "saved") e.preventDefault();
    };
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [state]);

  const applyRecovered = useCallback(() => {
    if (recovered) setSpec(recovered.spec);
    setRecovered(null);
  }, [recovered, setSpec]);

  const discardRecovered = useCallback(() => {
    localStorage.removeItem(backupKey(id));
    setRecovered(null);
  }, [id]);

  return {
    spec, setSpec, state, error, conflict, revision, revisionRef, saveNow, keepMine, takeTheirs,
    recovered, applyRecovered, discardRecovered,
  };
}
