import "server-only";
import { failureOf } from "@/lib/llm/provider-error";
import type { ChatRequest, Usage } from "@/lib/llm/types";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";

// The streaming both previews share: an NDJSON response that aborts the
// upstream model calls when the client goes away (ndjsonResponse), and one
// model answer streamed as start / delta / done / error events, each carrying
// the caller's tag (streamChat). Provider errors pass through failureOf, which
// redacts the provider's key; an aborted call sends nothing.

/** The events of one streamed answer, each with the caller's `Tag`; `start` also carries `Start`. */
export type ChatStreamEvent<Tag extends object = object, Start extends object = object> =
  | ({ type: "start"; providerId: string; providerLabel: string; model: string; simulated: boolean } & Start & Tag)
  | ({ type: "delta"; text: string } & Tag)
  | ({ type: "done"; usage: Usage; latencyMs: number; firstTokenMs: number | null } & Tag)
  | ({ type: "error"; kind: string; message: string; status?: number } & Tag);

/**
 * Streams one answer of `resolved`'s model into `send`, tagged with `tag`.
 * Returns the whole answer, or null when the model failed (the failure was sent
 * as an `error` event) or the call was aborted (nothing sent).
 */
export async function streamChat<Tag extends object, Start extends object>(opts: {
  resolved: ResolvedProvider;
  request: Omit<ChatRequest, "model">;
  tag: Tag;
  start: Start;
  send: (e: ChatStreamEvent<Tag, Start>) => void;
}): Promise<string | null> {
  const { resolved, tag, send } = opts;
  send({
    type: "start", ...tag, providerId: resolved.providerId, providerLabel: resolved.provider.label,
    model: resolved.model, simulated: resolved.simulated, ...opts.start,
  });
  let text = "";
  try {
    for await (const event of resolved.provider.stream({ ...opts.request, model: resolved.model })) {
      if (event.type === "delta") {
        text += event.text;
        send({ type: "delta", ...tag, text: event.text });
      } else {
        send({
          type: "done", ...tag, usage: event.usage, latencyMs: Math.round(event.latencyMs),
          firstTokenMs: event.firstTokenMs === null ? null : Math.round(event.firstTokenMs),
        });
      }
    }
    return text;
  } catch (e) {
    const err = failureOf(e, resolved.provider);
    if (err.kind !== "aborted") send({ type: "error", ...tag, kind: err.kind, message: err.message, ...(err.status ? { status: err.status } : {}) });
    return null;
  }
}

/**
 * An NDJSON response whose body `run` writes with `send` (one event a line).
 * `upstream` aborts when the request's `signal` does or the client cancels the
 * body: pass it to the model calls. The body closes when `run` settles.
 */
export function ndjsonResponse<E>(signal: AbortSignal, run: (send: (e: E) => void, upstream: AbortSignal) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const upstream = new AbortController();
  const onAbort = () => upstream.abort();
  signal.addEventListener("abort", onAbort, { once: true });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: E) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
        } catch {
          /* the client went away */
        }
      };
      try {
        await run(send, upstream.signal);
      } finally {
        signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          /* the client already went away */
        }
      }
    },
    cancel() {
      upstream.abort();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}
