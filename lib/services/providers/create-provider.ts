import "server-only";
import { z } from "zod";
import { encryptSecret, maskSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import type { createProviderBody, ProviderInfo } from "@/lib/schemas/provider";
import { providerNetworkAccess } from "@/lib/services/providers/provider-address";
import { toProviderInfo } from "@/lib/services/providers/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** The columns that hold a key: sealed for use, masked for display; both null for no key. */
export function keyColumns(apiKey: string | null | undefined): { apiKeyEnc: string | null; apiKeyMask: string | null } {
  return apiKey ? { apiKeyEnc: encryptSecret(apiKey), apiKeyMask: maskSecret(apiKey) } : { apiKeyEnc: null, apiKeyMask: null };
}

export async function createProvider(ctx: WorkspaceContext, input: z.output<typeof createProviderBody>): Promise<ProviderInfo> {
  await providerNetworkAccess(input.baseUrl, "baseUrl");
  const row = await db.modelProvider.create({
    data: {
      workspaceId: ctx.workspaceId,
      name: input.name,
      preset: input.preset,
      baseUrl: input.baseUrl,
      defaultModel: input.defaultModel,
      inputPricePerM: input.inputPricePerM ?? null,
      outputPricePerM: input.outputPricePerM ?? null,
      ...keyColumns(input.apiKey),
    },
  });
  return toProviderInfo(row, false);
}
