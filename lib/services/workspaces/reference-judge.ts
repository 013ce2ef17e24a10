import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import type { ReferenceJudge } from "@/lib/schemas/workspace";
import { envProviderConfig } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The workspace's reference judge (issue 11 §6): one judge model every probe is
// scored by unless it names another, so landings across personas and target
// models are read with the same instrument — and no target grades itself by default.

/**
 * A judge must be something this workspace can call. Another workspace's
 * provider is simply not found (404), like everywhere else; `field` names the input.
 */
export async function assertJudgeProvider(ctx: Pick<WorkspaceContext, "workspaceId">, providerId: string, field: string): Promise<void> {
  if (providerId === SIMULATOR_PROVIDER_ID) return;
  if (providerId === ENV_PROVIDER_ID) {
    if (envProviderConfig()) return;
    throw new AppError("validation", "No provider is configured in the environment (OPENAI_API_KEY / OPENAI_BASE_URL)", { field });
  }
  const row = await db.modelProvider.findFirst({ where: { id: providerId, workspaceId: ctx.workspaceId }, select: { id: true } });
  if (!row) throw new AppError("not_found", "Provider not found", { field });
}

export function storedReferenceJudge(ws: { referenceJudgeProviderId: string | null; referenceJudgeModel: string | null }): ReferenceJudge {
  return ws.referenceJudgeProviderId && ws.referenceJudgeModel ? { providerId: ws.referenceJudgeProviderId, model: ws.referenceJudgeModel } : null;
}

/** The data to store for a referenceJudge input (undefined: leave it as it is). */
export async function referenceJudgeUpdate(ctx: WorkspaceContext, input: ReferenceJudge | undefined) {
  if (input === undefined) return {};
  if (input === null) return { referenceJudgeProviderId: null, referenceJudgeModel: null };
  await assertJudgeProvider(ctx, input.providerId, "referenceJudge.providerId");
  return { referenceJudgeProviderId: input.providerId, referenceJudgeModel: input.model };
}

/** The workspace's reference judge, or null when none is set. */
export async function referenceJudgeOf(workspaceId: string): Promise<ReferenceJudge> {
  const ws = await db.workspace.findUnique({ where: { id: workspaceId }, select: { referenceJudgeProviderId: true, referenceJudgeModel: true } });
  return ws ? storedReferenceJudge(ws) : null;
}
