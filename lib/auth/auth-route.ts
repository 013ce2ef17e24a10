import "server-only";
import { auth } from "@/lib/auth/auth";
import { checkPassword } from "@/lib/auth/password-policy";
import { throttledSignIn } from "@/lib/auth/sign-in-throttle";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { assertSameOriginWrite, readBodyCapped } from "@/lib/http/request-guards";

// /api/auth/* goes to better-auth through here. Every POST passes the same guards as
// the rest of the API (same-origin cookie writes, the body cap) and is re-created
// from the capped text; sign-in runs under the per-account throttle; sign-up,
// password changes and resets meet the password policy and field limits first.

export const NAME_MAX_LENGTH = 100;
/** RFC 5321's limit for a forward path. */
export const EMAIL_MAX_LENGTH = 254;

type Body = Record<string, unknown>;

export function authGet(request: Request): Promise<Response> {
  return auth.handler(request);
}

export async function authPost(request: Request): Promise<Response> {
  try {
    assertSameOriginWrite(request);
    const text = await readBodyCapped(request, env.bodyLimitBytes);
    const path = authPath(request.url);
    const body = jsonObject(text);
    const forward = () => auth.handler(rebuild(request, text));
    if (!body) return await forward(); // better-auth answers malformed bodies itself (400)
    await checkFields(path, body);
    if (path === "/sign-in/email" && typeof body.email === "string") return await throttledSignIn(body.email, forward);
    return await forward();
  } catch (error) {
    if (error instanceof AppError) return authError(error);
    throw error;
  }
}

async function checkFields(path: string, body: Body): Promise<void> {
  const tooLong = (field: string, max: number, label: string) => {
    const v = body[field];
    if (typeof v === "string" && v.length > max) throw new AppError("validation", `${label}: at most ${max} characters`, { field });
  };
  const strong = async (field: string, context: unknown[]) => {
    const v = body[field];
    if (typeof v !== "string") return; // missing or not text: better-auth's own validation answers
    const verdict = await checkPassword(v, context.filter((c): c is string => typeof c === "string"));
    if (!verdict.ok) throw new AppError("validation", verdict.message, { field });
  };
  switch (path) {
    case "/sign-up/email":
      tooLong("name", NAME_MAX_LENGTH, "Name");
      tooLong("email", EMAIL_MAX_LENGTH, "Email");
      if (env.allowSignUp) await strong("password", [body.email, body.name]);
      return;
    case "/sign-in/email":
      tooLong("email", EMAIL_MAX_LENGTH, "Email");
      return;
    case "/update-user":
      tooLong("name", NAME_MAX_LENGTH, "Name");
      return;
    case "/change-password":
    case "/reset-password":
      await strong("newPassword", []);
      return;
  }
}

/** "http://host/api/auth/sign-in/email/" → "/sign-in/email" */
function authPath(url: string): string {
  const pathname = new URL(url).pathname.replace(/\/+$/, "");
  return pathname.startsWith("/api/auth/") ? pathname.slice("/api/auth".length) : pathname;
}

function jsonObject(text: string): Body | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Body) : null;
  } catch {
    return null;
  }
}

/** The request better-auth sees: the same URL and headers, the body already read (and capped). */
function rebuild(request: Request, text: string): Request {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return new Request(request.url, { method: request.method, headers, body: text, signal: request.signal });
}

/**
 * Our documented error shape, plus `code` and `message` at the top level, where the
 * better-auth browser client (and so the sign-in form) looks for them.
 */
export function authError(error: AppError): Response {
  const json = error.toJSON();
  return Response.json({ ...json, code: error.code, message: error.message }, { status: error.status, headers: error.headers });
}
