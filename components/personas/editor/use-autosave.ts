"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRevisionAutosave, type SaveState as RevisionSaveState } from "@/components/shared/use-revision-autosave";
import { fieldLabel } from "@/lib/persona/field-labels";
import { draftToSave, heldFields, heldSummary, recoverableSpec, type HeldField } from "@/lib/persona/held-fields";
import { mergeSpecs, withTheirs } from "@/lib/persona/merge";
import { ApiError, api, paths } from "@/lib/query/api";
import { keys } from "@/lib/query/hooks";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { ConflictDetails, PersonaDetail } from "@/lib/schemas/persona-api";

// Autosave of a persona's spec with optimistic concurrency (debounce, one save in
// flight, 409 → conflict kept until the designer chooses: see
// components/shared/use-revision-autosave.ts). Local edits are also mirrored to
// localStorage while unsaved, and a backup left by an earlier session is offered back.
// A field the schema refuses does not block the others: the save carries that field's
// last saved value (lib/persona/held-fields.ts) and the state is "partial" until it is fixed.
// Two tabs or two people: a newer draft — learnt from a stale save's 409, from another
// tab of this browser (BroadcastChannel, after each save) or from the editor's periodic
// refetch (`incoming`) — is merged field by field (lib/persona/merge.ts); only a field
// both sides changed differently asks, and the dialog shows just those fields.

/** "partial": everything valid is saved; some field is held back (see `held`). */
export type SaveState = RevisionSaveState | "partial";
export type Conflict = ConflictDetails["current"];
/** A newer draft merged in without asking: whose, and which of their fields came in. */
export type MergeNotice = { by: string; fields: string[]; at: number };

const toConflict = (d: PersonaDetail): Conflict => ({ revision: d.revision, spec: d.spec, updatedAt: d.updatedAt, updatedBy: d.updatedBy });

const backupKey = (id: string) => `persona-studio:unsaved:${id}`;

/** How often an open editor looks for someone else's newer draft (also on focus). */
const WATCH_MS = 15_000;

export function useAutosave(ws: string, initial: PersonaDetail, { delay = 700, watch = true }: { delay?: number; watch?: boolean } = {}) {
  const qc = useQueryClient();
  const id = initial.id;
  // What the server last accepted: a held field is sent with its value from here.
  const lastSaved = useRef<PersonaSpec>(initial.spec);
  const sending = useRef<PersonaSpec | null>(null);
  const heldRef = useRef<HeldField[]>([]);
  const channel = useRef<BroadcastChannel | null>(null);
  const rebasedFields = useRef<string[]>([]);
  const [merged, setMerged] = useState<MergeNotice | null>(null);
  const sendable = (spec: PersonaSpec) => {
    const draft = draftToSave(spec, lastSaved.current);
    return draft.ok ? draft.send : spec;
  };
  const save = useRevisionAutosave({
    initial: initial.spec,
    initialRevision: initial.revision,
    delay,
    // "Saved" means: what would be sent is what was sent; held text stays local.
    baseline: (spec: PersonaSpec) => JSON.stringify(sendable(spec)),
    request: (savedJson, spec, revision) => {
      const send = sendable(spec);
      return JSON.stringify(send) === savedJson ? null : { revision, spec: send };
    },
    problem: (spec) => {
      const draft = draftToSave(spec, lastSaved.current);
      return draft.ok ? null : draft.problem;
    },
    send: (body) => {
      sending.current = body.spec;
      return api<PersonaDetail>("PATCH", paths.persona(ws, id), body);
    },
    onSaved: (detail) => {
      if (sending.current) lastSaved.current = sending.current;
      qc.setQueryData(keys.persona(ws, id), detail);
      channel.current?.postMessage(toConflict(detail));
      void qc.invalidateQueries({ queryKey: [...keys.personas(ws), "list"] });
    },
    // Held text exists only in this tab: keep its backup so a reload can offer it back.
    onClean: () => {
      if (heldRef.current.length === 0) localStorage.removeItem(backupKey(id));
    },
    onEdit: (spec, revision) => {
      try {
        localStorage.setItem(backupKey(id), JSON.stringify({ spec, revision, at: Date.now() }));
      } catch {
        /* storage full or disabled: the server save is still the source of truth */
      }
    },
    conflictOf: (e): Conflict | null =>
      e instanceof ApiError && e.status === 409 ? ((e.details as ConflictDetails | undefined)?.current ?? null) : null,
    // Called when the server's side becomes the base (keep mine, take theirs).
    theirs: (c: Conflict) => {
      lastSaved.current = c.spec;
      return c.spec;
    },
    // The merges read lastSaved before `theirs` moves it: it is the drafts' common base.
    rebase: (c, mine) => {
      const m = mergeSpecs(lastSaved.current, mine, c.spec);
      rebasedFields.current = m.fromTheirs;
      return m.conflicts.length ? null : m.merged;
    },
    keepMineValue: (c, mine) => mergeSpecs(lastSaved.current, mine, c.spec).merged,
    takeTheirsValue: (c, mine) => withTheirs(mergeSpecs(lastSaved.current, mine, c.spec), c.spec),
    onRebased: (c) => {
      const labels = [...new Set(rebasedFields.current.map((p) => fieldLabel(p) ?? fieldLabel(p.split(".")[0]) ?? p))];
      if (labels.length) setMerged({ by: c.updatedBy, fields: labels, at: Date.now() });
    },
  });
  const setSpec = save.setValue;
  const { incoming } = save;

  // Other tabs of this browser hear of each save at once.
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const ch = new BroadcastChannel(`persona-studio:draft:${ws}:${id}`);
    ch.onmessage = (e: MessageEvent<Conflict>) => {
      if (e.data && typeof e.data.revision === "number") incoming(e.data);
    };
    channel.current = ch;
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [ws, id, incoming]);
  // Someone else's save reaches an open editor within WATCH_MS, before this tab saves again.
  const watched = useQuery({
    queryKey: [...keys.persona(ws, id), "watch"],
    queryFn: () => api<PersonaDetail>("GET", paths.persona(ws, id)),
    initialData: initial,
    staleTime: WATCH_MS,
    refetchInterval: WATCH_MS,
    refetchOnWindowFocus: true,
    enabled: watch,
  });
  useEffect(() => {
    if (watched.data) incoming(toConflict(watched.data));
  }, [watched.data, incoming]);
  // Only the fields both sides changed differently are in question.
  const conflictFields = useMemo(
    () => (save.conflict ? mergeSpecs(lastSaved.current, save.value, save.conflict.spec).conflicts : []),
    [save.conflict, save.value],
  );
  const held = useMemo(() => heldFields(save.value), [save.value]);
  useEffect(() => {
    heldRef.current = held;
  }, [held]);
  const state: SaveState = save.state === "saved" && held.length > 0 ? "partial" : save.state;
  const error = state === "partial" ? heldSummary(held) : save.state === "saved" ? null : save.error;

  // A version is made from the server's draft: with a field held back it would miss that text.
  const saveNow = useCallback(async () => (await save.saveNow()) && heldRef.current.length === 0, [save.saveNow]);
  const [recovered, setRecovered] = useState<{ spec: PersonaSpec; at: number } | null>(null);

  // Edits that never reached the server (tab closed mid-save, network down) come back as an offer.
  useEffect(() => {
    try {
      const raw = localStorage.getItem(backupKey(id));
      if (!raw) return;
      const backup = JSON.parse(raw) as { spec: unknown; at: number };
      // A backup may hold over-long text (kept local on purpose): offer it if only fields are at fault.
      const spec = recoverableSpec(backup.spec, initial.spec);
      if (spec && JSON.stringify(spec) !== JSON.stringify(initial.spec)) {
        setRecovered({ spec, at: backup.at });
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
    spec: save.value, setSpec, state, error, held, conflict: save.conflict, revision: save.revision,
    revisionRef: save.revisionRef, saveNow, keepMine: save.keepMine, takeTheirs: save.takeTheirs,
    recovered, applyRecovered, discardRecovered, conflictFields, merged, dismissMerged: () => setMerged(null),
  };
}
