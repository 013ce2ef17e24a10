import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ProviderInfo, updateProviderBody } from "@/lib/schemas/provider";
import { keyColumns } from "@/lib/services/providers/create-provider";
import { findProviderRow } from "@/lib/services/providers/find-provider";
import { providerNetworkAccess } from "@/lib/services/providers/provider-address";
import { toProviderInfo } from "@/lib/services/providers/serialize";
import { workspaceDefault } from "@/lib/services/providers/workspace-default";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** apiKey absent keeps the stored key; null or "" removes it; anything else replaces it. */
export async function updateProvider(
  ctx: WorkspaceContext, providerId: string, input: z.output<typeof updateProviderBody>,
): Promise<ProviderInfo> {
  const row = await findProviderRow(ctx, providerId);
  // A stored key only ever goes to the address it was entered for: moving the
  // endpoint means typing the key again (or removing it), never redirecting it.
  const moved = input.baseUrl !== undefined && input.baseUrl !== row.baseUrl;
  if (moved && row.apiKeyEnc && input.apiKey === undefined) {
    throw new AppError("validation", "Re-enter the API key (or remove it) when you change the base URL: a stored key is never sent to a new address", { field: "apiKey" });
  }
  if (moved) await providerNetworkAccess(input.baseUrl!, "baseUrl");
  // Both prices or neither, once the change is applied: a cost needs both.
  const inputPrice = input.inputPricePerM === undefined ? row.inputPricePerM : input.inputPricePerM;
  const output = input.outputPricePerM === undefined ? row.outputPricePerM : input.outputPricePerM;
  if ((inputPrice === null) !== (output === null)) {
    throw new AppError("validation", "Enter both prices (input and output per million tokens), or neither", { field: inputPrice === null ? "inputPricePerM" : "outputPricePerM" });
  }
  const updated = await db.modelProvider.update({
    where: { id: row.id, workspaceId: ctx.workspaceId },
    data: {
      name: input.name,
      baseUrl: input.baseUrl,
      defaultModel: input.defaultModel,
      inputPricePerM: input.inputPricePerM,
      outputPricePerM: input.outputPricePerM,
      ...(input.apiKey === undefined ? {} : keyColumns(input.apiKey)),
    },
  });
  const current = await workspaceDefault(ctx.workspaceId, [updated]);
  return toProviderInfo(updated, current.providerId === updated.id);
}
