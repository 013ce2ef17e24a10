"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useRevisionAutosave } from "@/components/shared/use-revision-autosave";
import { ApiError, api, paths } from "@/lib/query/api";
import { keys } from "@/lib/query/hooks";
import { personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";
import type { ConflictDetails, PersonaDetail } from "@/lib/schemas/persona-api";

// Autosave of a persona's spec with optimistic concurrency (debounce, one save in
// flight, 409 → conflict kept until the designer chooses: see
// components/shared/use-revision-autosave.ts). Local edits are also mirrored to
// localStorage while unsaved, and a backup left by an earlier session is offered back.

export type { SaveState } from "@/components/shared/use-revision-autosave";
export type Conflict = ConflictDetails["current"];

const backupKey = (id: string) => `persona-studio:unsaved:${id}`;

export function useAutosave(ws: string, initial: PersonaDetail, { delay = 700 }: { delay?: number } = {}) {
  const qc = useQueryClient();
  const id = initial.id;
  const save = useRevisionAutosave({
    initial: initial.spec,
    initialRevision: initial.revision,
    delay,
    baseline: (spec: PersonaSpec) => JSON.stringify(spec),
    request: (savedJson, spec, revision) => (JSON.stringify(spec) === savedJson ? null : { revision, spec }),
    problem: (spec) => {
      const parsed = personaSpecSchema.safeParse(spec);
      if (parsed.success) return null;
      const issue = parsed.error.issues[0];
      return `${issue.path.join(".") || "spec"}: ${issue.message}`;
    },
    send: (body) => api<PersonaDetail>("PATCH", paths.persona(ws, id), body),
    onSaved: (detail) => {
      qc.setQueryData(keys.persona(ws, id), detail);
      void qc.invalidateQueries({ queryKey: [...keys.personas(ws), "list"] });
    },
    onClean: () => localStorage.removeItem(backupKey(id)),
    onEdit: (spec, revision) => {
      try {
        localStorage.setItem(backupKey(id), JSON.stringify({ spec, revision, at: Date.now() }));
      } catch {
        /* storage full or disabled: the server save is still the source of truth */
      }
    },
    conflictOf: (e): Conflict | null =>
      e instanceof ApiError && e.status === 409 ? ((e.details as ConflictDetails | undefined)?.current ?? null) : null,
    theirs: (c: Conflict) => c.spec,
  });
  const setSpec = save.setValue;
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

  const applyRecovered = useCallback(() => {
    if (recovered) setSpec(recovered.spec);
    setRecovered(null);
  }, [recovered, setSpec]);

  const discardRecovered = useCallback(() => {
    localStorage.removeItem(backupKey(id));
    setRecovered(null);
  }, [id]);

  return {
    spec: save.value, setSpec, state: save.state, error: save.error, conflict: save.conflict, revision: save.revision,
    revisionRef: save.revisionRef, saveNow: save.saveNow, keepMine: save.keepMine, takeTheirs: save.takeTheirs,
    recovered, applyRecovered, discardRecovered,
  };
}
