import "server-only";
import { db } from "@/lib/db/client";
import type { UserContext } from "@/lib/services/workspaces/access";
import type { Me, Role, Workspace } from "@/lib/schemas/workspace";
import { ensurePersonalWorkspace } from "@/lib/services/workspaces/ensure-personal-workspace";
import { storedReferenceJudge } from "@/lib/services/workspaces/reference-judge";

export async function listWorkspaces(user: UserContext): Promise<Workspace[]> {
  const memberships = await db.membership.findMany({
    where: { userId: user.userId },
    include: {
      // No persona count (issue 15): /api/me is fetched on every page and on focus, and the
      // persona list counts its own matches. Members are few; counting them stays.
      workspace: { include: { _count: { select: { memberships: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  return memberships
    .map((m) => ({
      id: m.workspace.id,
      name: m.workspace.name,
      personal: m.workspace.personalForId === user.userId,
      role: m.role as Role,
      memberCount: m.workspace._count.memberships,
      approvalPolicy: m.workspace.approvalPolicy === "block" ? ("block" as const) : ("warn" as const),
      authorsMayApprove: m.workspace.authorsMayApprove,
      referenceJudge: storedReferenceJudge(m.workspace),
      createdAt: m.workspace.createdAt.toISOString(),
    }))
    .sort((a, b) => Number(b.personal) - Number(a.personal));
}

export async function getMe(user: UserContext): Promise<Me> {
  // Accounts created before the sign-up hook existed (or whose hook failed) still get a home.
  let workspaces = await listWorkspaces(user);
  if (workspaces.length === 0) {
    await ensurePersonalWorkspace(user.userId, user.userName);
    workspaces = await listWorkspaces(user);
  }
  return { user: { id: user.userId, name: user.userName, email: user.email }, workspaces };
}
