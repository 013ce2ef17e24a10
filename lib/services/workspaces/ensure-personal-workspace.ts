import "server-only";
import { db } from "@/lib/db/client";

/** Idempotent: creates the account's personal workspace if it has none. */
export async function ensurePersonalWorkspace(userId: string, userName: string): Promise<string> {
  const existing = await db.membership.findFirst({
    where: { userId, workspace: { personal: true } },
    select: { workspaceId: true },
  });
  if (existing) return existing.workspaceId;
  const first = userName.trim().split(/\s+/)[0] || "My";
  const workspace = await db.workspace.create({
    data: {
      name: `${first}'s workspace`,
      personal: true,
      memberships: { create: { userId, role: "owner" } },
    },
    select: { id: true },
  });
  return workspace.id;
}
