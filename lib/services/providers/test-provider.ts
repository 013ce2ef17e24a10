import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { OpenAiCompatibleProvider } from "@/lib/llm/openai-compatible";
import { failureOf } from "@/lib/llm/provider-error";
import { ENV_PROVIDER_ID, type TestResult, type testProviderBody } from "@/lib/schemas/provider";
import { providerNetworkAccess } from "@/lib/services/providers/provider-address";
import { envProviderConfig } from "@/lib/services/providers/resolve-provider";
import { openStoredKey } from "@/lib/services/providers/stored-key";
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
    select: { id: true, name: true, apiKeyEnc: true, baseUrl: true },
  });
  if (!row) throw new AppError("not_found", "Provider not found", { field: "providerId" });
  // An unreadable stored key is a 409 "re-enter this key", never a 500.
  return row.apiKeyEnc && sameAddress(row.baseUrl) ? openStoredKey(row) : null;
}

/**
 * Lists the endpoint's models. A failure is an answer, not an error: the owner
 * sees the exact reason (refused, bad key, timeout…) next to the button, with
 * any key in play redacted. An address PROVIDER_NETWORK=public forbids is a 422.
 */
export async function testProvider(ctx: WorkspaceContext, input: z.output<typeof testProviderBody>): Promise<TestResult> {
  // The operator's OPENAI_BASE_URL is exempt from PROVIDER_NETWORK; any other address is checked.
  const env = input.providerId === ENV_PROVIDER_ID ? envProviderConfig() : null;
  const isEnvAddress = !!env && env.baseUrl.replace(/\/+$/, "") === input.baseUrl.replace(/\/+$/, "");
  const network = isEnvAddress ? { publicOnly: false, pin: null } : await providerNetworkAccess(input.baseUrl, "baseUrl");
  const apiKey = await keyFor(ctx, input);
  const provider = new OpenAiCompatibleProvider({ baseUrl: input.baseUrl, apiKey, alsoRedact: [input.apiKey], timeoutMs: TEST_TIMEOUT_MS, ...network });
  const started = performance.now();
  try {
    const models = await provider.listModels();
    return { ok: true, models, latencyMs: Math.round(performance.now() - started), error: null };
  } catch (e) {
    const error = failureOf(e, provider);
    return { ok: false, models: [], latencyMs: Math.round(performance.now() - started), error: { kind: error.kind, message: error.message } };
  }
}
