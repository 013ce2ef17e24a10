import "server-only";
import { auth } from "@/lib/auth/auth";
import { readSessionUser } from "@/lib/auth/session-reader";
import { AppError, notFound } from "@/lib/http/errors";
import { authenticateApiToken } from "@/lib/services/api-tokens/authenticate-token";
import type { ApiTokenGrant, UserContext, WorkspaceContext } from "@/lib/services/workspaces/access";

export type { ApiTokenGrant, UserContext };

const BEARER = /^Bearer(?:\s+(.*))?$/i;

/**
 * The caller: an API token when a Bearer header is present (it wins over a cookie), else
 * the session. Given the workspace a route is about, `role` is the caller's role there
 * when the session read could take it along (null: not a member); undefined when it
 * was not read (a token, or a session better-auth decided), for resolveWorkspace to read.
 */
export async function requireUser(headers: Headers, workspaceId?: string): Promise<{ user: UserContext; role?: string | null }> {
  const authorization = headers.get("authorization");
  const bearer = authorization ? BEARER.exec(authorization) : null;
  if (bearer) return { user: await authenticateApiToken((bearer[1] ?? "").trim()) };
  // The common case in one plain read; better-auth decides everything else (lib/auth/session-reader).
  const fast = await readSessionUser(headers, workspaceId);
  if (fast) {
    const { role, ...user } = fast;
    return { user, role };
  }
  const session = await auth.api.getSession({ headers });
  if (!session) throw new AppError("unauthorized", "Sign in to continue");
  return { user: { userId: session.user.id, userName: session.user.name, email: session.user.email } };
}

/** A token reaches its own workspace only; any other id is "not found", exactly as for a non-member. */
export function tokenWorkspace(user: UserContext, grant: ApiTokenGrant, workspaceId: string): WorkspaceContext {
  if (workspaceId !== grant.workspaceId) throw notFound("Workspace");
  return { ...user, workspaceId, role: grant.role };
}
