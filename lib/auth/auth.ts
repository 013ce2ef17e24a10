import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db, dbProvider } from "@/lib/db/client";
import { createSharedRateLimitStorage } from "@/lib/auth/rate-limit-storage";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { env, persistentSecret } from "@/lib/config/env";
import { sendMailLater } from "@/lib/mail/mailer";
import { confirmAddressMessage } from "@/lib/mail/messages";
import { allowedOrigins } from "@/lib/config/origins";
import { ensurePersonalWorkspace } from "@/lib/services/workspaces/ensure-personal-workspace";

export const auth = betterAuth({
  appName: "Persona Studio",
  baseURL: env.authUrl,
  secret: persistentSecret("BETTER_AUTH_SECRET", "auth-secret"),
  trustedOrigins: allowedOrigins(),
  database: prismaAdapter(db, { provider: dbProvider }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: !env.allowSignUp,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    autoSignIn: true,
  },
  // A mailed link confirms an address (user.emailVerified); invitations to it can then be
  // answered from the inbox (lib/services/invitations/respond.ts). Mail goes out only when
  // SMTP_URL is set; signing in never needs a confirmed address.
  emailVerification: {
    sendOnSignUp: true,
    autoSignInAfterVerification: true,
    sendVerificationEmail: async ({ user, url }) => {
      sendMailLater([{ to: user.email, kind: "confirm-address", ...confirmAddressMessage(env.authUrl, { url }) }]);
    },
  },
  // better-auth's defaults in production: 100 requests / 10 s, and 3 sign-in or sign-up
  // attempts / 10 s per client address, counted in the database so every instance shares
  // them. AUTH_RATE_LIMIT=off exists for the e2e server only.
  rateLimit: env.authRateLimit ? { customStorage: createSharedRateLimitStorage() } : { enabled: false },
  advanced: {
    // The client address the limiter keys on. Only x-forwarded-for is read, and the
    // custom server (scripts/server.mjs) always sets it to one address taken from the
    // socket (or, behind TRUSTED_PROXIES, from the proxies' chain), so a client cannot
    // pick a fresh address per request. Per-account backoff: lib/auth/sign-in-throttle.ts.
    ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
  },
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
