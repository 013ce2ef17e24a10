import "server-only";
import { readRow } from "@/lib/db/reader";
import { AppError, notFound } from "@/lib/errors/app-error";
import { roleAtLeast, type Role } from "@/lib/schemas/workspace";

/** What an API token grants: one workspace, with its effective role (never above its creator's). */
export type ApiTokenGrant = { id: string; workspaceId: string; role: Role };

export type UserContext = {
  userId: string;
  userName: string;
  email: string;
  /** Set when the caller sent `Authorization: Bearer ps_…` instead of a session cookie. */
  apiToken?: ApiTokenGrant;
};

export type WorkspaceContext = UserContext & { workspaceId: string; role: Role };

/**
 * The caller in a workspace. One the user is not a member of does not exist, as far as
 * they can tell: "not found". `knownRole` is the role
 * when the caller's session read already took it along (lib/auth/session-reader; null:
 * not a member); otherwise one plain read on the unique (workspaceId, userId) index.
 */
export async function resolveWorkspace(user: UserContext, workspaceId: string, knownRole?: string | null): Promise<WorkspaceContext> {
  const role = knownRole !== undefined
    ? knownRole
    : (await readRow<{ role: string }>(`SELECT "role" FROM "Membership" WHERE "workspaceId" = ? AND "userId" = ?`, [workspaceId, user.userId]))?.role;
  if (!role) throw notFound("Workspace");
  return { ...user, workspaceId, role: role as Role };
}

export function requireRole(ctx: WorkspaceContext, min: Role, action = "do this"): void {
  if (!roleAtLeast(ctx.role, min)) {
    throw new AppError("forbidden", `Your role (${ctx.role}) cannot ${action}; it needs ${min} or above`);
  }
}
