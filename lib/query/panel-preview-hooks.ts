"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { readNdjsonStream } from "@/lib/query/preview-stream";
import type { PanelPreviewBody, PanelPreviewEvent } from "@/lib/schemas/panel-preview";

// The panel preview's stream (NDJSON, one event per line) folded into one
// answer per member and round, as the events arrive.

export type PanelAnswer = {
  status: "waiting" | "streaming" | "done" | "error";
  text: string;
  providerLabel?: string;
  model?: string;
  simulated?: boolean;
  prompt?: { source: "version" | "draft"; version: number | null };
  error?: { kind: string; message: string };
  tokens?: number;
  latencyMs?: number;
};

export type PanelPreviewState = {
  status: "idle" | "running" | "done" | "error";
  rounds: number;
  order: { key: string; name: string }[];
  /** answers[round][memberKey] */
  answers: { 1: Record<string, PanelAnswer>; 2: Record<string, PanelAnswer> };
  error?: string;
  /** Set when the preview is recorded: the stored session's id. */
  sessionId?: string;
};

export const idlePanelPreview = (): PanelPreviewState => ({ status: "idle", rounds: 1, order: [], answers: { 1: {}, 2: {} } });

/** Pure: the state after one event (tests/unit/panel-cross-examine.test.ts). */
export function applyPanelEvent(state: PanelPreviewState, e: PanelPreviewEvent): PanelPreviewState {
  if (e.type === "panel") {
    const waiting = (): Record<string, PanelAnswer> => Object.fromEntries(e.members.map((m) => [m.key, { status: "waiting", text: "" }]));
    return { ...state, status: "running", rounds: e.rounds, order: e.members, answers: { 1: waiting(), 2: e.rounds === 2 ? waiting() : {} } };
  }
  if (e.type === "end") return { ...state, status: "done" };
  if (e.type === "session") return { ...state, sessionId: e.sessionId };
  const round = state.answers[e.round];
  const prev = round[e.member] ?? { status: "waiting", text: "" };
  let next: PanelAnswer;
  switch (e.type) {
    case "start":
      next = { status: "streaming", text: "", providerLabel: e.providerLabel, model: e.model, simulated: e.simulated, prompt: e.prompt };
      break;
    case "delta":
      next = { ...prev, status: "streaming", text: prev.text + e.text };
      break;
    case "done":
      next = { ...prev, status: "done", tokens: e.usage.completionTokens, latencyMs: e.latencyMs };
      break;
    case "error":
      next = { ...prev, status: "error", error: { kind: e.kind, message: e.message } };
      break;
  }
  return { ...state, answers: { ...state.answers, [e.round]: { ...round, [e.member]: next } } };
}

/** POSTs a panel preview and calls `onEvent` for every NDJSON line as it arrives. */
export function readPanelPreviewStream(
  workspaceId: string, panelId: string, body: PanelPreviewBody, onEvent: (e: PanelPreviewEvent) => void, signal: AbortSignal,
): Promise<void> {
  return readNdjsonStream(`/api/workspaces/${workspaceId}/panels/${panelId}/preview`, body, onEvent, signal, "Panel preview");
}

/** Runs a panel preview; starting another (or unmounting) stops the one in flight. */
export function usePanelPreview(workspaceId: string, panelId: string) {
  const [state, setState] = useState<PanelPreviewState>(idlePanelPreview);
  const abort = useRef<AbortController | null>(null);

  const stop = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setState((s) => (s.status === "running" ? { ...s, status: "done" } : s));
  }, []);

  const run = useCallback(async (body: PanelPreviewBody) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ ...idlePanelPreview(), status: "running" });
    try {
      await readPanelPreviewStream(workspaceId, panelId, body, (e) => setState((s) => applyPanelEvent(s, e)), controller.signal);
      setState((s) => (s.status === "running" ? { ...s, status: "done" } : s));
    } catch (e) {
      if (controller.signal.aborted) return;
      setState((s) => ({ ...s, status: "error", error: e instanceof Error ? e.message : "The panel preview failed" }));
    }
  }, [workspaceId, panelId]);

  useEffect(() => () => abort.current?.abort(), []);
  return { state, run, stop };
}
