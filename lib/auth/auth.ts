import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { env, persistentSecret } from "@/lib/config/env";
import { ensurePersonalWorkspace } from "@/lib/services/workspaces/ensure-personal-workspace";

function origins(): string[] {
  const base = new URL(env.authUrl);
  const list = new Set<string>([base.origin, ...env.trustedOrigins]);
  // localhost and 127.0.0.1 are the same machine; accept both so a designer can use either.
  if (base.hostname === "localhost") list.add(`${base.protocol}//127.0.0.1${base.port ? `:${base.port}` : ""}`);
  if (base.hostname === "127.0.0.1") list.add(`${base.protocol}//localhost${base.port ? `:${base.port}` : ""}`);
  return [...list];
}

export const auth = betterAuth({
  appName: "Persona Studio",
  baseURL: env.authUrl,
  secret: persistentSecret("BETTER_AUTH_SECRET", "auth-secret"),
  trustedOrigins: origins(),
  database: prismaAdapter(db, { provider: "sqlite" }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: !env.allowSignUp,
    minPasswordLength: 8,
    autoSignIn: true,
  },
  // better-auth's defaults in production: 100 requests / 10 s, and 3 sign-in or sign-up
  // attempts / 10 s per client. AUTH_RATE_LIMIT=off exists for the e2e server only.
  rateLimit: env.authRateLimit ? {} : { enabled: false },
  telemetry: { enabled: false },
  databaseHooks: {
    user: {
      create: {
        // Every account starts with a workspace of its own.
        after: async (user) => {
          await ensurePersonalWorkspace(user.id, user.name);
        },
      },
    },
  },
  plugins: [nextCookies()],
});

export type AuthSession = NonNullable<Awaited<ReturnType<typeof auth.api.getSession>>>;
