import "server-only";
import { db } from "@/lib/db/client";
import type { UserContext } from "@/lib/services/workspaces/access";
import type { Workspace } from "@/lib/schemas/workspace";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { referenceJudgeUpdate, storedReferenceJudge } from "@/lib/services/workspaces/reference-judge";
import type { ReferenceJudge } from "@/lib/schemas/workspace";

export async function createWorkspace(user: UserContext, input: { name: string }): Promise<Workspace> {
  const ws = await db.workspace.create({
    data: { name: input.name, memberships: { create: { userId: user.userId, role: "owner" } } },
  });
  return {
    id: ws.id, name: ws.name, personal: false, role: "owner",
    memberCount: 1, approvalPolicy: "warn", authorsMayApprove: true, referenceJudge: null, createdAt: ws.createdAt.toISOString(),
  };
}

/** Rename a workspace, set its approval policy and/or its reference judge (owners). */
export async function updateWorkspace(
  ctx: WorkspaceContext, input: { name?: string; approvalPolicy?: "warn" | "block"; referenceJudge?: ReferenceJudge; authorsMayApprove?: boolean },
): Promise<Workspace> {
  const judge = await referenceJudgeUpdate(ctx, input.referenceJudge);
  const ws = await db.workspace.update({
    where: { id: ctx.workspaceId },
    data: { name: input.name, approvalPolicy: input.approvalPolicy, authorsMayApprove: input.authorsMayApprove, ...judge },
    include: { _count: { select: { memberships: true } } },
  });
  return {
    id: ws.id, name: ws.name, personal: ws.personalForId === ctx.userId, role: ctx.role,
    memberCount: ws._count.memberships,
    approvalPolicy: ws.approvalPolicy === "block" ? "block" : "warn", authorsMayApprove: ws.authorsMayApprove, referenceJudge: storedReferenceJudge(ws), createdAt: ws.createdAt.toISOString(),
  };
}
