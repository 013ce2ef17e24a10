import "server-only";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/http/errors";

export type UserContext = { userId: string; userName: string; email: string };

export async function requireUser(headers: Headers): Promise<UserContext> {
  const session = await auth.api.getSession({ headers });
  if (!session) throw new AppError("unauthorized", "Sign in to continue");
  return { userId: session.user.id, userName: session.user.name, email: session.user.email };
}
