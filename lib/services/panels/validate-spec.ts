import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import type { PanelSpec } from "@/lib/schemas/panel";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

type Db = Pick<typeof db, "persona" | "personaVersion" | "modelProvider">;

/**
 * What the schema cannot know: every member is a persona of THIS workspace
 * (another workspace's persona is "not found", so the message says the same),
 * a pinned version exists, and every seat names a provider of this workspace,
 * "simulator" or "env". 422 naming the path (`spec.members.2.personaId`).
 */
export async function assertSpecRefs(ctx: Pick<WorkspaceContext, "workspaceId">, spec: PanelSpec, tx: Db = db): Promise<void> {
  const personaIds = [...new Set(spec.members.map((m) => m.personaId))];
  const [personas, versions, providers] = await Promise.all([
    tx.persona.findMany({ where: { id: { in: personaIds }, workspaceId: ctx.workspaceId }, select: { id: true } }),
    tx.personaVersion.findMany({ where: { personaId: { in: personaIds }, persona: { workspaceId: ctx.workspaceId } }, select: { personaId: true, number: true } }),
    tx.modelProvider.findMany({ where: { workspaceId: ctx.workspaceId }, select: { id: true } }),
  ]);
  const known = new Set(personas.map((p) => p.id));
  const saved = new Set(versions.map((v) => `${v.personaId}#${v.number}`));
  spec.members.forEach((m, i) => {
    if (!known.has(m.personaId)) {
      throw new AppError("validation", `spec.members.${i}.personaId: no persona "${m.personaId}" in this workspace`, { field: `spec.members.${i}.personaId` });
    }
    if (m.version !== "latest" && !saved.has(`${m.personaId}#${m.version}`)) {
      throw new AppError("validation", `spec.members.${i}.version: the persona has no version ${m.version}`, { field: `spec.members.${i}.version` });
    }
  });
  const providerIds = new Set([SIMULATOR_PROVIDER_ID, ENV_PROVIDER_ID, ...providers.map((p) => p.id)]);
  for (const plan of ["single", "routed"] as const) {
    for (const [key, seat] of Object.entries(spec.plans[plan]?.seats ?? {})) {
      if (!providerIds.has(seat.providerId)) {
        const field = `spec.plans.${plan}.seats.${key}.providerId`;
        throw new AppError("validation", `${field}: no provider "${seat.providerId}" in this workspace (use one of its providers, "simulator" or "env")`, { field });
      }
    }
  }
}
