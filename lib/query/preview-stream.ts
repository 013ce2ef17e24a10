"use client";
import { ApiError } from "@/lib/query/api";
import type { PreviewBody, PreviewEvent } from "@/lib/schemas/preview";

/**
 * POSTs `body` to `url` and calls `onEvent` for every NDJSON line as it arrives.
 * A non-2xx answer throws an ApiError (the server's message, or "`what` failed (status)").
 */
export async function readNdjsonStream<E>(
  url: string,
  body: unknown,
  onEvent: (e: E) => void,
  signal: AbortSignal,
  what: string,
): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok || !res.body) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, data?.error?.code ?? "internal", data?.error?.message ?? `${what} failed (${res.status})`, data?.error?.field);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onEvent(JSON.parse(line) as E);
    }
  }
}

/** POSTs a preview request and calls `onEvent` for every NDJSON line as it arrives. */
export function readPreviewStream(
  workspaceId: string,
  body: PreviewBody,
  onEvent: (e: PreviewEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  return readNdjsonStream(`/api/workspaces/${workspaceId}/preview`, body, onEvent, signal, "Preview");
}
