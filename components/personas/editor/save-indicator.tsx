"use client";
import { cn } from "@/components/ui/cn";
import type { SaveState } from "@/components/personas/editor/use-autosave";

const TEXT: Record<SaveState, string> = {
  saved: "Saved",
  dirty: "Unsaved changes…",
  saving: "Saving…",
  invalid: "Not saved",
  error: "Save failed — retrying",
  conflict: "Conflict — choose a draft",
};

export function SaveIndicator({
  state, error, revision, onRetry,
}: { state: SaveState; error: string | null; revision: number; onRetry: () => void }) {
  const bad = state === "invalid" || state === "error" || state === "conflict";
  return (
    <span className="flex items-center gap-2 text-xs" data-testid="save-state" data-state={state} title={error ?? `Draft revision ${revision}`}>
      <span className={cn("h-2 w-2 rounded-full", state === "saved" ? "bg-emerald-500" : bad ? "bg-rose-500" : "bg-amber-400 animate-pulse")} />
      <span className={cn(bad ? "text-rose-700" : "text-slate-500")}>{TEXT[state]}</span>
      {state === "invalid" && error ? <span className="text-rose-700">· {error}</span> : null}
      {state === "error" ? (
        <button className="font-medium text-rose-700 underline" onClick={onRetry}>Retry now</button>
      ) : null}
    </span>
  );
}
