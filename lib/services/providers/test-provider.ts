import "server-only";
import { z } from "zod";
import { decryptSecret, maskSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { OpenAiCompatibleProvider, toLlmError } from "@/lib/llm/openai-compatible";
import { ENV_PROVIDER_ID, type TestResult, type testProviderBody } from "@/lib/schemas/provider";
import { envProviderConfig } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

export const TEST_TIMEOUT_MS = 10_000;

/** The key to try: the one typed in, else the stored one (the form never receives it to send back). */
async function keyFor(ctx: WorkspaceContext, input: z.output<typeof testProviderBody>): Promise<string | null> {
  if (input.apiKey) return input.apiKey;
  if (!input.providerId) return null;
  // A stored key is only sent to the address it was stored for (no redirecting it elsewhere).
  const sameAddress = (stored: string) => stored.replace(/\/+$/, "") === input.baseUrl.replace(/\/+$/, "");
  if (input.providerId === ENV_PROVIDER_ID) {
    const env = envProviderConfig();
    return env && sameAddress(env.baseUrl) ? env.apiKey : null;
  }
  const row = await db.modelProvider.findFirst({
    where: { id: input.providerId, workspaceId: ctx.workspaceId },
    select: { apiKeyEnc: true, baseUrl: true },
  });
  if (!row) throw new AppError("not_found", "Provider not found", { field: "providerId" });
  return row.apiKeyEnc && sameAddress(row.baseUrl) ? decryptSecret(row.apiKeyEnc) : null;
}

/**
 * Lists the endpoint's models. A failure is an answer, not an error: the owner
 * sees the exact reason (refused, bad key, timeout…) next to the button.
 */
export async function testProvider(ctx: WorkspaceContext, input: z.output<typeof testProviderBody>): Promise<TestResult> {
  const apiKey = await keyFor(ctx, input);
  const started = performance.now();
  try {
    const provider = new OpenAiCompatibleProvider({ baseUrl: input.baseUrl, apiKey, timeoutMs: TEST_TIMEOUT_MS });
    const models = await provider.listModels();
    return { ok: true, models, latencyMs: Math.round(performance.now() - started), error: null };
  } catch (e) {
    const error = toLlmError(e);
    // Some servers echo the key they rejected; a stored key must not reach the browser that way.
    const message = apiKey ? error.message.replaceAll(apiKey, maskSecret(apiKey)) : error.message;
    return { ok: false, models: [], latencyMs: Math.round(performance.now() - started), error: { kind: error.kind, message } };
  }
}
