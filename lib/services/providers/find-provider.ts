import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { isBuiltInId } from "@/lib/services/providers/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** A stored provider of this workspace; another workspace's is simply not found. */
export async function findProviderRow(ctx: WorkspaceContext, providerId: string) {
  if (isBuiltInId(providerId)) {
    throw new AppError("validation", "The built-in providers (Simulator, Environment) cannot be edited or removed here", { field: "providerId" });
  }
  const row = await db.modelProvider.findFirst({ where: { id: providerId, workspaceId: ctx.workspaceId } });
  if (!row) throw notFound("Provider");
  return row;
}
