import { auth } from "@/lib/auth/auth";

// Accounts are created through the real better-auth handler, exactly as the
// sign-up form does, so the sign-up hook (personal workspace) runs too.

export const BASE_URL = "http://localhost:3000";

export type TestUser = { id: string; name: string; email: string; password: string; cookie: string };

let counter = 0;

function authRequest(path: string, body: unknown): Request {
  return new Request(`${BASE_URL}/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL },
    body: JSON.stringify(body),
  });
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
  const password = overrides.password ?? "correct horse battery";
  const res = await auth.handler(authRequest("/sign-up/email", { name, email, password }));
  if (res.status !== 200) throw new Error(`sign-up failed (${res.status}): ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string; email: string } };
  const cookie = cookieFrom(res);
  if (!cookie.includes("session_token")) throw new Error(`sign-up returned no session cookie: ${cookie}`);
  return { id: body.user.id, name, email: body.user.email, password, cookie };
}

export async function signIn(email: string, password: string): Promise<Response> {
  return auth.handler(authRequest("/sign-in/email", { email, password }));
}
