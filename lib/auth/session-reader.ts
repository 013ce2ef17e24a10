import "server-only";
import { parseCookies } from "better-auth/cookies";
import { auth } from "@/lib/auth/auth";
import { verifiedToken } from "@/lib/auth/signed-cookie";
import { asDate, readRow } from "@/lib/db/reader";

// The session behind an API request, read with one plain-SQL statement when that
// is all better-auth would do (issue 15 §5: better-auth's getSession costs about
// 1.7 ms of CPU per request — two thirds of a persona GET — mostly its endpoint
// machinery and two Prisma queries; this path costs about 0.05 ms).
//
// It decides exactly as better-auth's /get-session does for the cases it takes,
// with better-auth's own settings (cookie names, secret, expiry, refresh age):
//   - the session cookie is `token.signature`, the signature base64 HMAC-SHA-256 of
//     the token with the auth secret (better-call's signed cookies; a unit test
//     checks it against better-auth's makeSignature);
//   - the session row exists, its user exists, and it has not expired.
// Everything else is left to better-auth itself (`undefined`): no or a malformed
// cookie, a session due for its sliding refresh (better-auth extends it and
// writes), an expired or unknown one (better-auth clears it), "don't remember
// me" and cookie-cache cookies. So a revoked session is refused at once, as before.

export type SessionUser = { userId: string; userName: string; email: string };

type AuthSettings = {
  cookieName: string;
  otherCookies: string[];
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
};

let settings: Promise<AuthSettings> | null = null;

function authSettings(): Promise<AuthSettings> {
  settings ??= auth.$context.then((c) => ({
    cookieName: c.authCookies.sessionToken.name,
    otherCookies: [c.authCookies.dontRememberToken.name, c.authCookies.sessionData.name],
    secret: c.secret,
    expiresInMs: c.sessionConfig.expiresIn * 1000,
    updateAgeMs: c.sessionConfig.updateAge * 1000,
  }));
  return settings;
}

type Row = { expiresAt: unknown; userId: string; name: string; email: string; role?: string | null };

const SESSION_SQL = `SELECT s."expiresAt", s."userId", u."name", u."email" FROM "session" s JOIN "user" u ON u."id" = s."userId" WHERE s."token" = ?`;
// A workspace route asks for the membership in the same statement (one read, not two, on every workspace request).
const SESSION_IN_WORKSPACE_SQL =
  `SELECT s."expiresAt", s."userId", u."name", u."email", m."role" FROM "session" s JOIN "user" u ON u."id" = s."userId" ` +
  `LEFT JOIN "Membership" m ON m."workspaceId" = ? AND m."userId" = s."userId" WHERE s."token" = ?`;

/**
 * The signed-in user when the plain read settles it; `undefined` when better-auth
 * must decide (see above). Never null: refusing is better-auth's job. Given a
 * workspace, also the user's role there (null: not a member), read in the same statement.
 */
export async function readSessionUser(headers: Headers, workspaceId?: string): Promise<(SessionUser & { role?: string | null }) | undefined> {
  const header = headers.get("cookie");
  if (!header) return undefined;
  const s = await authSettings();
  const cookies = parseCookies(header);
  const value = cookies.get(s.cookieName);
  // better-call reads the first cookie of a name, better-auth's parser the last: with two, ask better-auth.
  if (!value || header.indexOf(`${s.cookieName}=`) !== header.lastIndexOf(`${s.cookieName}=`)) return undefined;
  if (s.otherCookies.some((name) => cookies.has(name))) return undefined;
  const token = verifiedToken(value, s.secret);
  if (!token) return undefined;
  const row = await readRow<Row>(
    workspaceId === undefined ? SESSION_SQL : SESSION_IN_WORKSPACE_SQL,
    workspaceId === undefined ? [token] : [workspaceId, token],
  );
  if (!row) return undefined;
  const expiresAt = asDate(row.expiresAt).getTime();
  const now = Date.now();
  if (!(expiresAt > now)) return undefined;
  if (expiresAt - s.expiresInMs + s.updateAgeMs <= now) return undefined; // due for its sliding refresh
  const user = { userId: row.userId, userName: row.name, email: row.email };
  return workspaceId === undefined ? user : { ...user, role: row.role ?? null };
}
