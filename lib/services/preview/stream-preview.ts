import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { failureOf } from "@/lib/llm/provider-error";
import type { PreviewEvent, previewBody } from "@/lib/schemas/preview";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

type Body = z.output<typeof previewBody>;

async function systemPrompt(ctx: WorkspaceContext, source: Body["source"]): Promise<string> {
  if (source.kind === "spec") return compilePersona(source.spec).prompt;
  const version = await db.personaVersion.findFirst({
    where: { number: source.number, persona: { id: source.personaId, workspaceId: ctx.workspaceId } },
    select: { compiledPrompt: true },
  });
  if (!version) throw notFound("Version");
  return version.compiledPrompt;
}

/**
 * Streams one preview answer as NDJSON. Everything that can fail before the
 * model is called (validation, lookup) fails as a normal JSON error; model
 * failures arrive in the stream as an `error` event with the exact reason.
 * Aborting the request (client navigates, designer types again) aborts the
 * upstream model call too.
 */
export async function streamPreview(ctx: WorkspaceContext, body: Body, signal: AbortSignal): Promise<Response> {
  const prompt = await systemPrompt(ctx, body.source);
  const resolved = await resolveProvider(ctx, body.providerId, body.model);
  const encoder = new TextEncoder();
  const upstream = new AbortController();
  const onAbort = () => upstream.abort();
  signal.addEventListener("abort", onAbort, { once: true });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: PreviewEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      send({
        type: "start", providerId: resolved.providerId, providerLabel: resolved.provider.label,
        model: resolved.model, simulated: resolved.simulated,
      });
      try {
        for await (const event of resolved.provider.stream({
          model: resolved.model,
          messages: [
            { role: "system", content: prompt },
            ...(body.context ?? []).map((t) => ({ role: t.role, content: t.content })),
            { role: "user", content: body.message },
          ],
          temperature: body.temperature,
          seed: body.seed,
          signal: upstream.signal,
        })) {
          if (event.type === "delta") send(event);
          else send({ type: "done", usage: event.usage, latencyMs: Math.round(event.latencyMs), firstTokenMs: event.firstTokenMs === null ? null : Math.round(event.firstTokenMs) });
        }
      } catch (e) {
        const err = failureOf(e, resolved.provider);
        if (err.kind !== "aborted") send({ type: "error", kind: err.kind, message: err.message, ...(err.status ? { status: err.status } : {}) });
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
