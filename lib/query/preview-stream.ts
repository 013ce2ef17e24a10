"use client";
import { ApiError } from "@/lib/query/api";
import type { PreviewBody, PreviewEvent } from "@/lib/schemas/preview";

/** POSTs a preview request and calls `onEvent` for every NDJSON line as it arrives. */
export async function readPreviewStream(
  workspaceId: string,
  body: PreviewBody,
  onEvent: (e: PreviewEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const res = await fetch(`/api/workspaces/${workspaceId}/preview`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok || !res.body) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, data?.error?.code ?? "internal", data?.error?.message ?? `Preview failed (${res.status})`, data?.error?.field);
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
      if (line) onEvent(JSON.parse(line) as PreviewEvent);
    }
  }
}
