import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Member, Role } from "@/lib/schemas/workspace";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Members of a workspace: listed, re-roled, removed. People join only by
// accepting an invitation (lib/services/invitations).

type Row = { id: string; userId: string; role: string; createdAt: Date; user: { name: string; email: string } };

function toMember(m: Row): Member {
  return { id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role as Role, createdAt: m.createdAt.toISOString() };
}

const include = { user: { select: { name: true, email: true } } } as const;

export async function listMembers(ctx: WorkspaceContext): Promise<Member[]> {
  const rows = await db.membership.findMany({ where: { workspaceId: ctx.workspaceId }, include, orderBy: { createdAt: "asc" } });
  return rows.map(toMember);
}

async function findMember(ctx: WorkspaceContext, memberId: string) {
  const row = await db.membership.findFirst({ where: { id: memberId, workspaceId: ctx.workspaceId }, include });
  if (!row) throw notFound("Member");
  return row;
}

async function assertAnotherOwner(ctx: WorkspaceContext, memberId: string) {
  const owners = await db.membership.count({ where: { workspaceId: ctx.workspaceId, role: "owner", id: { not: memberId } } });
  if (owners === 0) throw new AppError("conflict", "A workspace needs at least one owner; make someone else owner first");
}

export async function changeMemberRole(ctx: WorkspaceContext, memberId: string, input: { role: Role }): Promise<Member> {
  const row = await findMember(ctx, memberId);
  if (row.role === "owner" && input.role !== "owner") await assertAnotherOwner(ctx, memberId);
  const updated = await db.membership.update({ where: { id: row.id }, data: { role: input.role }, include });
  return toMember(updated);
}

/** Owners remove anyone; any member may remove themselves (leave). */
export async function removeMember(ctx: WorkspaceContext, memberId: string): Promise<void> {
  const row = await findMember(ctx, memberId);
  if (ctx.role !== "owner" && row.userId !== ctx.userId) {
    throw new AppError("forbidden", "Only owners can remove other members");
  }
  if (row.role === "owner") await assertAnotherOwner(ctx, memberId);
  await db.membership.delete({ where: { id: row.id } });
}
