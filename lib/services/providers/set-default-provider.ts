import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID, type ProviderList } from "@/lib/schemas/provider";
import { listProviders } from "@/lib/services/providers/list-providers";
import { envProviderConfig } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** The choice must name something resolveProvider() can use in this workspace. */
async function assertUsable(ctx: WorkspaceContext, providerId: string): Promise<void> {
  if (providerId === SIMULATOR_PROVIDER_ID) return;
  if (providerId === ENV_PROVIDER_ID) {
    if (envProviderConfig()) return;
    throw new AppError("validation", "providerId: no provider is configured in the environment (OPENAI_API_KEY / OPENAI_BASE_URL)", { field: "providerId" });
  }
  const row = await db.modelProvider.findFirst({ where: { id: providerId, workspaceId: ctx.workspaceId }, select: { id: true } });
  if (!row) throw new AppError("validation", "providerId: choose the simulator or one of this workspace's providers", { field: "providerId" });
}

export async function setDefaultProvider(ctx: WorkspaceContext, input: { providerId: string; model: string }): Promise<ProviderList> {
  await assertUsable(ctx, input.providerId);
  await db.workspace.update({
    where: { id: ctx.workspaceId },
    data: { defaultProviderId: input.providerId, defaultModel: input.model },
  });
  return listProviders(ctx);
}
