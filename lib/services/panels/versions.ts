import "server-only";
import { db } from "@/lib/db/client";
import type { PanelVersionDetail, PanelVersionSummary } from "@/lib/schemas/panel";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { stalePanel } from "@/lib/services/panels/panels";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Panel versions, like persona versions: a snapshot of the panel as its author
// last saw it (its revision); the same revision twice answers with the version
// already made (a double click, or concurrent saves, give one version).

type VersionRow = { number: number; message: string; authorName: string; createdAt: Date; spec: string };

const toSummary = (v: Omit<VersionRow, "spec">): PanelVersionSummary => ({
  number: v.number, message: v.message, authorName: v.authorName, createdAt: v.createdAt.toISOString(),
});
const toDetail = (v: VersionRow): PanelVersionDetail => ({ ...toSummary(v), spec: parseStoredPanelSpec(v.spec) });

export async function listPanelVersions(ctx: WorkspaceContext, panelId: string): Promise<PanelVersionSummary[]> {
  const panel = await findPanelRow(ctx, panelId);
  const rows = await db.panelVersion.findMany({
    where: { panelId: panel.id }, orderBy: { number: "desc" },
    select: { number: true, message: true, authorName: true, createdAt: true },
  });
  return rows.map(toSummary);
}

const versionOfRevision = (panelId: string, draftRevision: number) =>
  db.panelVersion.findUnique({ where: { panelId_draftRevision: { panelId, draftRevision } } });

export async function createPanelVersion(ctx: WorkspaceContext, panelId: string, input: { message: string; revision: number }): Promise<PanelVersionDetail> {
  const panel = await findPanelRow(ctx, panelId);
  if (panel.revision !== input.revision) throw stalePanel(panel);
  const saved = await versionOfRevision(panel.id, input.revision);
  if (saved) return toDetail(saved);
  const number = panel.latestVersion + 1;
  try {
    const version = await db.$transaction(async (tx) => {
      const v = await tx.panelVersion.create({
        data: { panelId: panel.id, number, message: input.message, spec: panel.spec, draftRevision: panel.revision, authorId: ctx.userId, authorName: ctx.userName },
      });
      await tx.panel.update({ where: { id: panel.id }, data: { latestVersion: number } });
      return v;
    });
    return toDetail(version);
  } catch (error) {
    // Lost a race: the winner's version of this same revision is the answer.
    if ((error as { code?: unknown })?.code !== "P2002") throw error;
    const winner = await versionOfRevision(panel.id, input.revision);
    if (winner) return toDetail(winner);
    throw error;
  }
}
