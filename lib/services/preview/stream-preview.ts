import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import type { PreviewEvent, previewBody } from "@/lib/schemas/preview";
import { ndjsonResponse, streamChat } from "@/lib/services/preview/stream-chat";
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
  // Both lookups at once: the upstream request leaves as soon as the slower one is back.
  const [prompt, resolved] = await Promise.all([systemPrompt(ctx, body.source), resolveProvider(ctx, body.providerId, body.model)]);
  let sent!: () => void;
  const upstreamSent = new Promise<void>((resolve) => (sent = resolve));
  const response = ndjsonResponse<PreviewEvent>(signal, async (send, upstream) => {
    try {
      await streamChat({
        resolved, tag: {}, start: {}, send,
        request: {
          messages: [
            { role: "system", content: prompt },
            ...(body.context ?? []).map((t) => ({ role: t.role, content: t.content })),
            { role: "user", content: body.message },
          ],
          temperature: body.temperature,
          seed: body.seed,
          signal: upstream,
          onSent: sent,
        },
      });
    } finally {
      sent(); // failed or aborted before anything was sent
    }
  });
  // The answer starts (Next.js writes its head and the start event) once the model's request is
  // on its way: the other order put that work, about a millisecond, before the request left, and
  // so into the time to the first token (bench/preview-overhead). A new connection (TCP, TLS) is
  // waited for at most UPSTREAM_SENT_WAIT_MS: the model takes longer than that to answer anyway.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([upstreamSent, new Promise<void>((resolve) => (timer = setTimeout(resolve, UPSTREAM_SENT_WAIT_MS)))]);
  clearTimeout(timer);
  return response;
}

/** The longest a preview's answer waits to start for its model request to leave. */
const UPSTREAM_SENT_WAIT_MS = 25;
