"use client";
import { useCallback, useEffect, useRef, useState } from "react";

// Autosave with optimistic concurrency, shared by the persona and panel editors.
// Edits are debounced; one save is in flight at a time; a stale revision (409)
// freezes autosave and keeps both values — the designer's local one and the
// server's current one — until the designer chooses (keepMine / takeTheirs).
// A failed save retries on its own after 5 s; closing the tab while anything is
// unsaved asks first. What is saved, how, and what a conflict carries is the
// caller's: see RevisionAutosaveOptions.
// With `rebase` (the persona editor: a field-by-field merge), a stale save whose
// changes touch other fields than the newer draft's is merged and saved again on its
// own; only a true conflict freezes autosave. `incoming` takes a newer draft seen
// elsewhere (another tab, a refetch) the same way, before this tab's next save.

export type SaveState = "saved" | "dirty" | "saving" | "invalid" | "error" | "conflict";

export type RevisionAutosaveOptions<V, B, R, D extends { revision: number }, C extends { revision: number }> = {
  initial: V;
  initialRevision: number;
  delay: number;
  /** What "saved" is remembered as (the value itself, or e.g. its JSON). */
  baseline: (value: V) => B;
  /** The request for `value` against what was last saved, or null when nothing changed. */
  request: (saved: B, value: V, revision: number) => R | null;
  /** Why `value` cannot be saved, or null. Checked only when something changed. */
  problem: (value: V) => string | null;
  send: (request: R) => Promise<D>;
  /** After a save succeeded (update caches here). */
  onSaved?: (detail: D) => void;
  /** After a save left nothing unsaved, and after takeTheirs. */
  onClean?: () => void;
  /** After every local edit, with the revision it is based on. */
  onEdit?: (value: V, revision: number) => void;
  /** After takeTheirs. */
  onTakeTheirs?: () => void;
  /** The server's current value if the error is a stale-revision conflict, else null. */
  conflictOf: (e: unknown) => C | null | Promise<C | null>;
  /** The local value a conflict's server side stands for. */
  theirs: (conflict: C) => V;
  /**
   * My value rebased on the conflict's (a merge from what was last saved), or null
   * when they cannot be merged. Called before `theirs`.
   */
  rebase?: (conflict: C, mine: V) => V | null;
  /** The value "keep mine" saves (default: mine as it is). Called before `theirs`. */
  keepMineValue?: (conflict: C, mine: V) => V;
  /** The value "use theirs" continues from (default: theirs). Called before `theirs`. */
  takeTheirsValue?: (conflict: C, mine: V) => V;
  /** After a newer value was merged in without asking. */
  onRebased?: (conflict: C) => void;
};

export function useRevisionAutosave<V, B, R, D extends { revision: number }, C extends { revision: number }>(
  options: RevisionAutosaveOptions<V, B, R, D, C>,
) {
  const { initial, initialRevision, delay } = options;
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const [value, setValueState] = useState<V>(initial);
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<C | null>(null);
  const [revision, setRevision] = useState(initialRevision);
  const latest = useRef(value);
  const revisionRef = useRef(initialRevision);
  const [firstBaseline] = useState(() => options.baseline(initial));
  const saved = useRef<B>(firstBaseline);
  const conflictRef = useRef<C | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const applyRevision = (r: number) => {
    revisionRef.current = r;
    setRevision(r);
  };

  /** A newer server value: merged in (state saved or dirty) or, if it cannot be, a conflict. */
  const settle = (c: C): "merged" | "conflict" => {
    const o = opts.current;
    const merged = o.rebase?.(c, latest.current) ?? null;
    if (merged === null) {
      conflictRef.current = c;
      setConflict(c);
      setState("conflict");
      return "conflict";
    }
    applyRevision(c.revision);
    saved.current = o.baseline(o.theirs(c));
    latest.current = merged;
    setValueState(merged);
    o.onEdit?.(merged, c.revision);
    o.onRebased?.(c);
    setError(null);
    if (o.baseline(merged) === saved.current) {
      setState("saved");
      o.onClean?.();
    } else {
      setState("dirty");
    }
    return "merged";
  };

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    if (conflictRef.current) return false;
    const o = opts.current;
    const toSave = latest.current;
    const req = o.request(saved.current, toSave, revisionRef.current);
    if (req === null) {
      setState("saved");
      return true;
    }
    const problem = o.problem(toSave);
    if (problem !== null) {
      setState("invalid");
      setError(problem);
      return false;
    }
    const failed = (e: unknown, c: C | null): boolean | "again" => {
      if (c) {
        // Merged with the newer draft: save the merge at once (after this attempt is done).
        if (settle(c) === "merged") return "again";
        setError(e instanceof Error ? e.message : "Conflict");
      } else {
        setState("error");
        setError(e instanceof Error ? e.message : "Save failed");
      }
      return false;
    };
    setState("saving");
    const attempt: Promise<boolean | "again"> = o
      .send(req)
      .then((detail) => {
        applyRevision(detail.revision);
        saved.current = o.baseline(toSave);
        o.onSaved?.(detail);
        setError(null);
        if (o.baseline(latest.current) === saved.current) {
          setState("saved");
          o.onClean?.();
        } else {
          setState("dirty");
        }
        return true;
      })
      .catch((e: unknown) => {
        const c = o.conflictOf(e);
        return c instanceof Promise ? c.then((found) => failed(e, found)) : failed(e, c);
      })
      .finally(() => {
        inflight.current = null;
      });
    inflight.current = attempt.then((r) => r === true);
    return attempt.then((r) => (r === "again" ? saveNow() : r));
    // settle only touches refs and state setters: stable across renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** A newer value saved elsewhere (another tab, a refetch): merged in now, not at this tab's next save. */
  const incoming = useCallback((c: C) => {
    if (c.revision <= revisionRef.current || conflictRef.current || inflight.current || !opts.current.rebase) return;
    clearTimeout(timer.current);
    settle(c);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Edits that arrived while a save was in flight get their own save afterwards.
  useEffect(() => {
    if (state !== "dirty") return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), delay);
    return () => clearTimeout(timer.current);
  }, [state, value, delay, saveNow]);

  const setValue = useCallback((next: V | ((prev: V) => V)) => {
    const v = typeof next === "function" ? (next as (prev: V) => V)(latest.current) : next;
    latest.current = v;
    setValueState(v);
    opts.current.onEdit?.(v, revisionRef.current);
    if (!conflictRef.current) setState((s) => (s === "saving" ? s : "dirty"));
  }, []);

  /** Overwrite the server's value with mine (I have seen theirs). */
  const keepMine = useCallback(async () => {
    const c = conflictRef.current;
    if (!c) return;
    const o = opts.current;
    const mine = o.keepMineValue?.(c, latest.current) ?? latest.current;
    conflictRef.current = null;
    setConflict(null);
    applyRevision(c.revision);
    saved.current = o.baseline(o.theirs(c));
    latest.current = mine;
    setValueState(mine);
    setState("dirty");
    await saveNow();
  }, [saveNow]);

  /** Drop my edits and continue from the server's value. */
  const takeTheirs = useCallback(() => {
    const c = conflictRef.current;
    if (!c) return;
    const o = opts.current;
    const continued = o.takeTheirsValue?.(c, latest.current);
    conflictRef.current = null;
    setConflict(null);
    applyRevision(c.revision);
    const server = o.theirs(c);
    const v = continued ?? server;
    latest.current = v;
    saved.current = o.baseline(server);
    setValueState(v);
    setError(null);
    if (o.baseline(v) === saved.current) {
      setState("saved");
      o.onClean?.();
    } else {
      setState("dirty"); // my edits to other fields still go out
    }
    o.onTakeTheirs?.();
  }, []);

  // A failed save (network, server) retries on its own; the value stays local meanwhile.
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

  return { value, setValue, state, error, conflict, revision, revisionRef, saveNow, keepMine, takeTheirs, incoming };
}
