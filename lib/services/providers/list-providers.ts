import "server-only";
import { db } from "@/lib/db/client";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID, type ProviderList } from "@/lib/schemas/provider";
import { envInfo, simulatorInfo, toProviderInfo } from "@/lib/services/providers/serialize";
import { workspaceDefault } from "@/lib/services/providers/workspace-default";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** Built-ins first (simulator, then OPENAI_* if configured), then the workspace's own, oldest first. */
export async function listProviders(ctx: WorkspaceContext): Promise<ProviderList> {
  const rows = await db.modelProvider.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { createdAt: "asc" } });
  const current = await workspaceDefault(ctx.workspaceId, rows);
  const env = envInfo(current.providerId === ENV_PROVIDER_ID);
  return {
    providers: [
      simulatorInfo(current.providerId === SIMULATOR_PROVIDER_ID),
      ...(env ? [env] : []),
      ...rows.map((row) => toProviderInfo(row, current.providerId === row.id)),
    ],
    default: current,
  };
}
