"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/query/api";
import { readPreviewStream } from "@/lib/query/preview-stream";
import type { PreviewItem } from "@/lib/persona/preview-items";
import type { PreviewBody } from "@/lib/schemas/preview";

// One lane of the live preview: every preview item (a scenario after its context
// turns, or a sample message) answered by one persona
// snapshot on one model. When the inputs change, answers are marked stale at
// once, and after a short pause every in-flight request is aborted (the server
// aborts its upstream call too) and the new answers stream in. The last finished
// answer stays (`lastGood`, shown dimmed) until the new one's first token, and when
// the new one fails — a draft the preview refuses, a provider error — the card keeps
// it beside the error instead of going blank.

export type Answer = {
  status: "waiting" | "streaming" | "done" | "error" | "stale";
  text: string;
  providerLabel?: string;
  model?: string;
  simulated?: boolean;
  tokens?: number;
  latencyMs?: number;
  firstTokenMs?: number | null;
  error?: { kind: string; message: string };
  /** The last answer that finished for this item, kept while a new one comes (or fails). */
  lastGood?: string;
};

export type LaneInput = Omit<PreviewBody, "message" | "context"> | null;

export function useLiveAnswers(workspaceId: string, lane: LaneInput, messages: PreviewItem[], { debounceMs = 450 } = {}) {
  const [answers, setAnswers] = useState<Answer[]>([]);
  const controllers = useRef<AbortController[]>([]);
  const key = lane ? JSON.stringify({ lane, messages }) : null;

  const run = useCallback(
    (index: number, input: NonNullable<LaneInput>, item: PreviewItem) => {
      controllers.current[index]?.abort();
      const controller = new AbortController();
      controllers.current[index] = controller;
      const patch = (p: Partial<Answer> | ((a: Answer) => Partial<Answer>)) =>
        setAnswers((prev) => {
          if (controller.signal.aborted) return prev;
          const next = [...prev];
          const current = next[index] ?? { status: "waiting", text: "" };
          next[index] = { ...current, ...(typeof p === "function" ? p(current) : p) };
          return next;
        });
      patch({ status: "waiting", text: "", error: undefined });
      readPreviewStream(
        workspaceId,
        { ...input, message: item.message, ...(item.context?.length ? { context: item.context } : {}) },
        (e) => {
          if (e.type === "start") patch({ providerLabel: e.providerLabel, model: e.model, simulated: e.simulated });
          else if (e.type === "delta") patch((a) => ({ status: "streaming", text: a.text + e.text }));
          else if (e.type === "done")
            patch((a) => ({ status: "done", tokens: e.usage.completionTokens, latencyMs: e.latencyMs, firstTokenMs: e.firstTokenMs, lastGood: a.text }));
          else patch({ status: "error", error: { kind: e.kind, message: e.message } });
        },
        controller.signal,
      ).catch((err: Error) => {
        if (err.name === "AbortError") return;
        // The studio's own limit (429 rate_limited): its message says which limit and when to retry.
        // A 422 is the draft itself (a field the preview refuses): its message names the field.
        const kind = err instanceof ApiError && err.code === "rate_limited" ? "studio_limit" : err instanceof ApiError && err.status === 422 ? "draft" : "request";
        patch({ status: "error", error: { kind, message: err.message } });
      });
    },
    [workspaceId],
  );

  useEffect(() => {
    if (!key || !lane) return;
    // Stale the moment the draft changes: stop paying for answers nobody will read.
    controllers.current.forEach((c) => c?.abort());
    setAnswers((prev) => messages.map((_, i) => (prev[i] ? { ...prev[i], status: "stale" } : { status: "waiting", text: "" })));
    const timer = setTimeout(() => messages.forEach((m, i) => run(i, lane, m)), debounceMs);
    return () => clearTimeout(timer);
    // `key` captures lane and messages by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, debounceMs, run]);

  useEffect(() => () => controllers.current.forEach((c) => c?.abort()), []);

  const retry = useCallback((i: number) => lane && run(i, lane, messages[i]), [lane, messages, run]);
  return { answers, retry };
}
