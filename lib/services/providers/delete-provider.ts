import "server-only";
import { db } from "@/lib/db/client";
import { findProviderRow } from "@/lib/services/providers/find-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** Removing the default provider resets the workspace to the built-in default (OPENAI_* or simulator). */
export async function deleteProvider(ctx: WorkspaceContext, providerId: string): Promise<void> {
  const row = await findProviderRow(ctx, providerId);
  await db.$transaction([
    db.workspace.updateMany({
      where: { id: ctx.workspaceId, defaultProviderId: row.id },
      data: { defaultProviderId: null, defaultModel: null },
    }),
    db.modelProvider.delete({ where: { id: row.id, workspaceId: ctx.workspaceId } }),
  ]);
}
