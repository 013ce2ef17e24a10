"use client";
import { cn } from "@/components/ui/cn";
import type { MergeNotice, SaveState } from "@/components/personas/editor/use-autosave";

const TEXT: Record<SaveState, string> = {
  saved: "Saved",
  partial: "Saved",
  dirty: "Unsaved changes…",
  saving: "Saving…",
  invalid: "Not saved",
  error: "Save failed — retrying",
  conflict: "Conflict — choose a draft",
};

/**
 * The draft's save state. "partial" is a save that went through with a field held back:
 * "Saved — 1 field not saved: Background is too long" (`error` carries the second half).
 */
export function SaveIndicator({
  state, error, revision, onRetry,
}: { state: SaveState; error: string | null; revision: number; onRetry: () => void }) {
  const bad = state === "invalid" || state === "error" || state === "conflict";
  const dot = state === "saved" ? "bg-emerald-500" : bad ? "bg-rose-500" : state === "partial" ? "bg-amber-500" : "bg-amber-400 animate-pulse";
  return (
    <span className="flex items-center gap-2 text-xs" data-testid="save-state" data-state={state} title={error ?? `Draft revision ${revision}`}>
      <span className={cn("h-2 w-2 shrink-0 rounded-full", dot)} />
      {state === "partial" && error ? (
        <span className="text-amber-800">{`${TEXT[state]} — ${error}`}</span>
      ) : (
        <span className={cn(bad ? "text-rose-700" : "text-slate-500")}>{TEXT[state]}</span>
      )}
      {state === "invalid" && error ? <span className="text-rose-700">· {error}</span> : null}
      {state === "error" ? (
        <button className="font-medium text-rose-700 underline" onClick={onRetry}>Retry now</button>
      ) : null}
    </span>
  );
}

/** A newer draft merged into this editor without asking: whose, and which fields came in. */
export function MergedNotice({ notice, onDismiss }: { notice: MergeNotice | null; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <span role="status" className="flex items-center gap-2 rounded-md bg-sky-50 px-2 py-1 text-xs text-sky-900" data-testid="merged-notice">
      <span>
        Merged {notice.by}&rsquo;s newer edit{notice.fields.length > 1 ? "s" : ""} to {notice.fields.join(", ")}; your edits are kept
      </span>
      <button type="button" className="font-medium underline" onClick={onDismiss}>OK</button>
    </span>
  );
}
