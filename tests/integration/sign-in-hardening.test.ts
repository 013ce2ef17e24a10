import { describe, expect, it } from "vitest";
import { FREE_FAILURES, throttleKey } from "@/lib/auth/sign-in-throttle";
import { errorBodySchema } from "@/lib/http/errors";
import { api } from "@/tests/factories/api";
import { authPostRequest, cookieFrom, signIn, signUp } from "@/tests/factories/auth";
import { db } from "@/tests/factories/db";

// Issue 10, item 4 (brute force) and the auth part of item 5 (field limits): all
// through the real /api/auth route, exactly as a browser or a script reaches it.

/** The wrapper's errors carry our shape and, for the better-auth client, code/message at the top level. */
async function authErrorOf(res: Response) {
  const body = (await res.json()) as { code: string; message: string };
  const { error } = errorBodySchema.parse(body);
  expect(body.code).toBe(error.code);
  expect(body.message).toBe(error.message);
  return { status: res.status, ...error, retryAfter: res.headers.get("retry-after") };
}

/** A different claimed client address per request, as in the reported attack. */
const spoofed = (i: number) => ({ "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `203.0.113.${i}` });

async function unlock(email: string) {
  await db.signInThrottle.update({ where: { key: throttleKey(email) }, data: { lockedUntil: new Date(Date.now() - 1000) } });
}

describe("per-account sign-in backoff", () => {
  it("locks the account after the free failures, whatever address each attempt claims", async () => {
    const user = await signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(user.email, `wrong guess ${i}`, spoofed(i))).status);
    expect(statuses.slice(0, FREE_FAILURES + 1)).toEqual(Array(FREE_FAILURES + 1).fill(401));
    expect(statuses.slice(FREE_FAILURES + 1)).toEqual(Array(12 - FREE_FAILURES - 1).fill(429));

    const locked = await authErrorOf(await signIn(user.email, "yet another guess"));
    expect(locked).toMatchObject({ status: 429, code: "rate_limited" });
    expect(locked.message).toMatch(/Too many failed sign-ins for this account\. Try again in \d+ seconds/);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
  });

  it("refuses even the right password while locked, and sets no session", async () => {
    const user = await signUp();
    for (let i = 0; i <= FREE_FAILURES; i++) await signIn(user.email, `wrong guess ${i}`);
    const res = await signIn(user.email, user.password);
    expect(res.status).toBe(429);
    expect(cookieFrom(res)).not.toContain("session_token");
  });

  it("answers an unknown email exactly like a real one, so the lock reveals nothing", async () => {
    const user = await signUp();
    const ghost = `nobody-${Date.now()}@example.test`;
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 3; i++) {
      real.push((await signIn(user.email, `wrong guess ${i}`)).status);
      unknown.push((await signIn(ghost, `wrong guess ${i}`)).status);
    }
    expect(unknown).toEqual(real);
    expect(await db.signInThrottle.findUnique({ where: { key: throttleKey(ghost) } })).toMatchObject({ failures: FREE_FAILURES + 1 });
  });

  it("counts the email however it is capitalised", async () => {
    const user = await signUp();
    for (let i = 0; i <= FREE_FAILURES; i++) await signIn(i % 2 ? user.email.toUpperCase() : user.email, `wrong guess ${i}`);
    expect((await signIn(user.email, user.password)).status).toBe(429);
  });

  it("doubles the lock with every failure after it expires, and a success forgets them all", async () => {
    const user = await signUp();
    for (let i = 0; i <= FREE_FAILURES; i++) await signIn(user.email, `wrong guess ${i}`);
    const first = await db.signInThrottle.findUniqueOrThrow({ where: { key: throttleKey(user.email) } });
    const firstLockMs = first.lockedUntil!.getTime() - first.updatedAt.getTime();

    await unlock(user.email);
    expect((await signIn(user.email, "still wrong")).status).toBe(401);
    const second = await db.signInThrottle.findUniqueOrThrow({ where: { key: throttleKey(user.email) } });
    expect(second.failures).toBe(FREE_FAILURES + 2);
    const secondLockMs = second.lockedUntil!.getTime() - second.updatedAt.getTime();
    expect(secondLockMs).toBeGreaterThan(firstLockMs * 1.5);

    await unlock(user.email);
    const ok = await signIn(user.email, user.password);
    expect(ok.status).toBe(200);
    expect(cookieFrom(ok)).toContain("session_token");
    expect(await db.signInThrottle.findUnique({ where: { key: throttleKey(user.email) } })).toBeNull();
    // Back to the free failures.
    for (let i = 0; i < FREE_FAILURES; i++) expect((await signIn(user.email, `wrong again ${i}`)).status).toBe(401);
  });

  it("counts a burst of parallel guesses one by one", async () => {
    const user = await signUp();
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(user.email, `parallel guess ${i}`, spoofed(i))))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES + 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - FREE_FAILURES - 1);
  });
});

describe("password policy", () => {
  it.each(["password", "12345678", "qwertyuiop", "Password1", "aaaaaaaaaaaa"])("refuses %j at sign-up with the reason, and creates no account", async (password) => {
    const email = `weak-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const error = await authErrorOf(await authPostRequest("/sign-up/email", { name: "Weak Walter", email, password }));
    expect(error).toMatchObject({ status: 422, code: "validation", field: "password" });
    expect(error.message).toMatch(/^This password is too easy to guess\. .+\. .+/);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("says what is wrong: a heavily used password, a keyboard row, too short", async () => {
    const msg = async (password: string) => (await authErrorOf(await authPostRequest("/sign-up/email", { name: "W", email: "w@example.test", password }))).message;
    expect(await msg("password")).toContain("heavily used password");
    expect(await msg("qwertyuiop")).toMatch(/frequently used password|keyboard/i);
    expect(await msg("abc")).toBe("Use at least 8 characters.");
  });

  it("refuses a password built from the person's own name and email", async () => {
    const error = await authErrorOf(await authPostRequest("/sign-up/email", { name: "Margarethe Zwillinger", email: "margarethe.zwillinger@example.test", password: "Zwillinger2024" }));
    expect(error).toMatchObject({ status: 422, field: "password" });
    expect(error.message).toContain("personal");
  });

  it("accepts a strong passphrase", async () => {
    const user = await signUp({ password: "violet tugboat marmalade" });
    expect(user.cookie).toContain("session_token");
  });

  it("applies to changing and resetting a password", async () => {
    const user = await signUp();
    const weak = await authErrorOf(await authPostRequest("/change-password", { currentPassword: user.password, newPassword: "12345678" }, { cookie: user.cookie }));
    expect(weak).toMatchObject({ status: 422, field: "newPassword" });
    expect(weak.message).toContain("too easy to guess");
    expect((await signIn(user.email, user.password)).status).toBe(200);

    const strong = await authPostRequest("/change-password", { currentPassword: user.password, newPassword: "lantern orchard quibble" }, { cookie: user.cookie });
    expect(strong.status).toBe(200);
    expect((await signIn(user.email, "lantern orchard quibble")).status).toBe(200);

    const reset = await authErrorOf(await authPostRequest("/reset-password", { token: "whatever", newPassword: "password" }));
    expect(reset).toMatchObject({ status: 422, field: "newPassword" });
  });
});

describe("sign-up field limits", () => {
  it("refuses a name over 100 characters with 422 and stores nothing", async () => {
    const email = `long-name-${Date.now()}@example.test`;
    const before = await db.user.count();
    const error = await authErrorOf(await authPostRequest("/sign-up/email", { name: "N".repeat(101), email, password: "correct horse battery" }));
    expect(error).toMatchObject({ status: 422, code: "validation", field: "name" });
    expect(await db.user.count()).toBe(before);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("refuses a 20 MB name before reading it whole (413), and stores nothing", async () => {
    const before = await db.user.count();
    const res = await authPostRequest("/sign-up/email", { name: "N".repeat(20 * 1024 * 1024), email: "huge@example.test", password: "correct horse battery" });
    expect((await authErrorOf(res)).status).toBe(413);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses an email over 254 characters", async () => {
    const email = `${"e".repeat(250)}@example.test`;
    const error = await authErrorOf(await authPostRequest("/sign-up/email", { name: "Long Email", email, password: "correct horse battery" }));
    expect(error).toMatchObject({ status: 422, field: "email" });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("keeps renaming within the same limit", async () => {
    const user = await signUp({ name: "Short Name" });
    const error = await authErrorOf(await authPostRequest("/update-user", { name: "N".repeat(101) }, { cookie: user.cookie }));
    expect(error).toMatchObject({ status: 422, field: "name" });
    const me = (await api(user.cookie).get("/api/me")).body as { user: { name: string } };
    expect(me.user.name).toBe("Short Name");
  });
});
