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
  return ndjsonResponse<PreviewEvent>(signal, async (send, upstream) => {
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
      },
    });
  });
}
