"use client";
import { Button } from "@/components/ui/button";

/** "Replaced your archetype with … [Undo]" — shown beside the field a suggestion changed. */
export function UndoNotice({ message, onUndo, onDismiss }: { message: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div role="status" data-testid="undo-notice"
      className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-md bg-slate-900 px-3 py-2 text-sm text-white">
      <span className="min-w-0 flex-1">
        {message} <span className="text-slate-300">Ctrl+Z (⌘Z) in the field works too.</span>
      </span>
      <span className="flex items-center gap-1">
        <Button size="sm" onClick={onUndo} className="border-white/30 bg-white text-slate-900 hover:bg-slate-100">Undo</Button>
        <Button size="sm" variant="ghost" onClick={onDismiss} aria-label="Dismiss" className="text-slate-300 hover:bg-white/10 hover:text-white">✕</Button>
      </span>
    </div>
  );
}
