"use client";
import { createContext, useContext } from "react";

// Suggestions (the coherence card's character types, "Suggest archetypes") replace the
// archetype the designer wrote. They never do it silently: the spec form applies them
// through the field itself, so the browser's own undo stack has the edit (Ctrl+Z / Cmd+Z
// in the field brings the hand-written text back), and shows an Undo notice beside it.

/** Replaces the archetype with a suggestion, undoably; `from` names the source for the notice. */
export type ReplaceArchetype = (next: string, from: string) => void;

export const ReplaceArchetypeContext = createContext<ReplaceArchetype | null>(null);

/** The spec form's undoable replacement when rendered inside one; null elsewhere. */
export const useReplaceArchetype = () => useContext(ReplaceArchetypeContext);

/**
 * Sets a text field's whole value as if typed: select everything, then insertText (or
 * delete for an empty value). A controlled React field whose value is set from code
 * loses the browser's undo; an editing command keeps it, and React sees an ordinary
 * input event. Returns false where the command is not available (then the caller sets
 * the value the plain way).
 */
export function replaceFieldText(el: HTMLTextAreaElement | HTMLInputElement, next: string): boolean {
  if (el.disabled || el.readOnly || typeof document.execCommand !== "function") return false;
  el.focus();
  el.select();
  if (el.value === next) return true;
  try {
    const done = next === "" ? document.execCommand("delete") : document.execCommand("insertText", false, next);
    return done && el.value === next;
  } catch {
    return false;
  }
}
