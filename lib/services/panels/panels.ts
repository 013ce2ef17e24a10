import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { slugify } from "@/lib/persona/normalize";
import { emptyPanelSpec, type PanelConflictDetails, type PanelDetail, type PanelSpec, type PanelSummary } from "@/lib/schemas/panel";
import { findPanelRow, parseStoredPanelSpec, type PanelRow } from "@/lib/services/panels/find-panel";
import { toPanelDetail, toPanelSummary } from "@/lib/services/panels/serialize";
import { assertSpecRefs } from "@/lib/services/panels/validate-spec";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Panels: create, read, save with a revision token (like a persona's draft), delete.

type Tx = Pick<typeof db, "panel">;

export async function uniquePanelSlug(workspaceId: string, name: string, tx: Tx = db): Promise<string> {
  const base = slugify(name) || "panel";
  const taken = new Set((await tx.panel.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function listPanels(ctx: WorkspaceContext): Promise<PanelSummary[]> {
  const rows = await db.panel.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { updatedAt: "desc" } });
  return rows.map(toPanelSummary);
}

export async function getPanel(ctx: WorkspaceContext, panelId: string): Promise<PanelDetail> {
  return toPanelDetail(await findPanelRow(ctx, panelId));
}

export async function createPanel(ctx: WorkspaceContext, input: { name: string; description?: string; spec?: PanelSpec }): Promise<PanelDetail> {
  const spec = input.spec ?? emptyPanelSpec();
  await assertSpecRefs(ctx, spec);
  const row = await db.panel.create({
    data: {
      workspaceId: ctx.workspaceId, slug: await uniquePanelSlug(ctx.workspaceId, input.name), name: input.name,
      description: input.description ?? "", spec: JSON.stringify(spec),
      createdById: ctx.userId, updatedById: ctx.userId, updatedByName: ctx.userName,
    },
  });
  return toPanelDetail(row);
}

export function stalePanel(current: PanelRow): AppError {
  const details: PanelConflictDetails = {
    current: {
      revision: current.revision, name: current.name, description: current.description, spec: parseStoredPanelSpec(current.spec),
      updatedAt: current.updatedAt.toISOString(), updatedBy: current.updatedByName,
    },
  };
  return new AppError(
    "conflict",
    `${current.updatedByName} saved a newer panel (revision ${current.revision}); your text is kept — choose which to keep`,
    { field: "revision", details },
  );
}

/** Optimistic concurrency, as for a persona's draft: the write only happens on the revision the editor started from. */
export async function updatePanel(
  ctx: WorkspaceContext, panelId: string,
  input: { revision: number; name?: string; description?: string; spec?: PanelSpec },
): Promise<PanelDetail> {
  await findPanelRow(ctx, panelId);
  if (input.spec) await assertSpecRefs(ctx, input.spec);
  const { count } = await db.panel.updateMany({
    where: { id: panelId, workspaceId: ctx.workspaceId, revision: input.revision },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.spec ? { spec: JSON.stringify(input.spec) } : {}),
      revision: { increment: 1 }, updatedById: ctx.userId, updatedByName: ctx.userName,
    },
  });
  const row = await findPanelRow(ctx, panelId);
  if (count === 0) throw stalePanel(row);
  return toPanelDetail(row);
}

export async function deletePanel(ctx: WorkspaceContext, panelId: string): Promise<void> {
  const row = await findPanelRow(ctx, panelId);
  // Comment.panelId has no foreign key (a comment belongs to a member's persona): the panel's threads go with it.
  await db.$transaction([db.comment.deleteMany({ where: { panelId: row.id, workspaceId: ctx.workspaceId } }), db.panel.delete({ where: { id: row.id } })]);
}
