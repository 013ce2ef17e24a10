import "server-only";
import { db } from "@/lib/db/client";
import { personalWorkspaceName } from "@/lib/services/workspaces/personal-workspace-name";

/** Idempotent: the account's personal workspace, created on first need. */
export async function ensurePersonalWorkspace(userId: string, userName: string): Promise<string> {
  const existing = await db.workspace.findUnique({ where: { personalForId: userId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    const workspace = await db.workspace.create({
      data: { name: personalWorkspaceName(userName), personalForId: userId, memberships: { create: { userId, role: "owner" } } },
      select: { id: true },
    });
    return workspace.id;
  } catch (e) {
    // Two first requests raced; the unique key let exactly one create it.
    const again = await db.workspace.findUnique({ where: { personalForId: userId }, select: { id: true } });
    if (again) return again.id;
    throw e;
  }
}
