import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { panelSpecSchema, type PanelSpec } from "@/lib/schemas/panel";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** Ownership lives in the where clause: another workspace's panel is simply not found. */
export async function findPanelRow(ctx: Pick<WorkspaceContext, "workspaceId">, panelId: string) {
  const row = await db.panel.findFirst({ where: { id: panelId, workspaceId: ctx.workspaceId } });
  if (!row) throw notFound("Panel");
  return row;
}

export type PanelRow = Awaited<ReturnType<typeof findPanelRow>>;

export function parseStoredPanelSpec(json: string): PanelSpec {
  return panelSpecSchema.parse(JSON.parse(json));
}
