import { POST as authPost } from "@/app/api/auth/[...all]/route";

// Accounts are created through the real auth route (our guards, then better-auth),
// exactly as the sign-up form does, so the password policy, the sign-in throttle
// and the sign-up hook (personal workspace) all run too.

export const BASE_URL = "http://localhost:3000";

export type TestUser = { id: string; name: string; email: string; password: string; cookie: string };

let counter = 0;

/** A strong passphrase (zxcvbn score 4): the password policy refuses weak ones. */
export const DEFAULT_PASSWORD = "correct horse battery";

export function authRequest(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE_URL}/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL, ...headers },
    body: JSON.stringify(body),
  });
}

/** POST /api/auth/{path} through the route handler, as the browser would. */
export function authPostRequest(path: string, body: unknown, headers?: Record<string, string>): Promise<Response> {
  return authPost(authRequest(path, body, headers));
}

/** "name=value" pairs from Set-Cookie, ready for a Cookie header. */
export function cookieFrom(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((pair) => pair.split("=")[1] !== "")
    .join("; ");
}

export async function signUp(overrides: { name?: string; email?: string; password?: string } = {}): Promise<TestUser> {
  counter += 1;
  const name = overrides.name ?? `Tester ${counter}`;
  const email = overrides.email ?? `tester-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const res = await authPostRequest("/sign-up/email", { name, email, password });
  if (res.status !== 200) throw new Error(`sign-up failed (${res.status}): ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string; email: string } };
  const cookie = cookieFrom(res);
  if (!cookie.includes("session_token")) throw new Error(`sign-up returned no session cookie: ${cookie}`);
  return { id: body.user.id, name, email: body.user.email, password, cookie };
}

export async function signIn(email: string, password: string, headers?: Record<string, string>): Promise<Response> {
  return authPostRequest("/sign-in/email", { email, password }, headers);
}
