"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies text to the clipboard. Where the Clipboard API is missing or refused
 * (plain http, an embedded browser), it selects the element `selectId` names
 * instead, so the reader can copy it by hand.
 */
export function CopyButton({
  text, selectId, label = "Copy", ariaLabel, size = "sm", variant = "secondary", className,
}: {
  text: string; selectId?: string; label?: string; size?: "sm" | "md"; variant?: "primary" | "secondary" | "ghost"; className?: string;
  /** A name that says what is copied where several copy buttons share a page (it starts with the visible label). */
  ariaLabel?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  async function copy() {
    let next: "copied" | "manual" = "copied";
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
    } catch {
      if (selectId) selectText(selectId);
      next = "manual";
    }
    setState(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2500);
  }

  return (
    <Button size={size} variant={variant} className={className} aria-label={state === "idle" ? ariaLabel : undefined} onClick={() => void copy()}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "manual" ? "Selected — press Ctrl+C" : label}</span>
    </Button>
  );
}

export function selectText(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    el.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
