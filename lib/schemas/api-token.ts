import { z } from "zod";

// Workspace API tokens for CI (the `persona-studio` CLI). A token acts as the
// member who made it, in that one workspace, with the role it was given — never
// above the maker's current role — and never as owner: managing members,
// settings and tokens stays with signed-in people.

/** "ps_" + 32 random bytes as base64url: 46 characters, 256 bits. */
export const API_TOKEN_PATTERN = /^ps_[A-Za-z0-9_-]{43}$/;
/** How many leading characters the list shows to tell tokens apart ("ps_" + 7). */
export const API_TOKEN_PREFIX_LENGTH = 10;

export const API_TOKEN_ROLES = ["editor", "reviewer", "viewer"] as const;
export const apiTokenRoleSchema = z.enum(API_TOKEN_ROLES)
  .describe("What the token may do: editor (start probes, edit), reviewer, viewer (read-only). Capped by the creator's own role");
export type ApiTokenRole = z.infer<typeof apiTokenRoleSchema>;

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1, "Give the token a name, e.g. 'GitHub Actions'").max(80),
  role: apiTokenRoleSchema.default("editor"),
  expiresInDays: z.number().int().min(1).max(365).nullable().default(null).describe("null: never expires"),
});
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>;

export const apiTokenStateSchema = z.enum(["active", "expired", "revoked"]);

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: apiTokenRoleSchema,
  prefix: z.string().describe("The token's first characters, to recognise it; the rest is never shown again"),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().describe("Updated at most once a minute"),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: apiTokenStateSchema,
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema.extend({
  token: z.string().describe("Shown once: only its SHA-256 is stored. Send it as `Authorization: Bearer <token>`"),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
