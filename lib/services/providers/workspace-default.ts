import "server-only";
import { db } from "@/lib/db/client";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { SIMULATOR_MODEL, envProviderConfig } from "@/lib/services/providers/resolve-provider";

export type DefaultChoice = { providerId: string; model: string };

/**
 * The provider and model resolveProvider() picks when nothing is chosen: the
 * workspace's stored choice, else OPENAI_* when configured, else the simulator.
 * A stored choice that can no longer be honoured (the environment provider was
 * unconfigured) falls back the same way, so the settings page never lies.
 */
export async function workspaceDefault(
  workspaceId: string,
  stored: { id: string; defaultModel: string }[],
): Promise<DefaultChoice> {
  const ws = await db.workspace.findUnique({ where: { id: workspaceId }, select: { defaultProviderId: true, defaultModel: true } });
  const env = envProviderConfig();
  const chosen = ws?.defaultProviderId;
  if (chosen === SIMULATOR_PROVIDER_ID) return { providerId: chosen, model: ws?.defaultModel ?? SIMULATOR_MODEL };
  if (chosen === ENV_PROVIDER_ID && env) return { providerId: chosen, model: ws?.defaultModel ?? env.model };
  const row = chosen ? stored.find((p) => p.id === chosen) : undefined;
  if (row) return { providerId: row.id, model: ws?.defaultModel ?? row.defaultModel };
  return env ? { providerId: ENV_PROVIDER_ID, model: env.model } : { providerId: SIMULATOR_PROVIDER_ID, model: SIMULATOR_MODEL };
}
