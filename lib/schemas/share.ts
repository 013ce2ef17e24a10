import { z } from "zod";
import { personaSpecSchema } from "@/lib/schemas/persona";
import { reportSchema } from "@/lib/schemas/probe";
import { commentSchema, sampleRecordingSchema } from "@/lib/schemas/review";

// Share links: a read-only, no-login view of one persona (its latest version)
// or one pinned version. The bundle is everything a share page shows — and by
// construction nothing else: no keys, no provider settings, no members, no
// other personas, no comments unless the link was made with them.

/** 32 random bytes, base64url: 43 characters, 256 bits. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const shareTokenSchema = z.string().regex(SHARE_TOKEN_PATTERN, "Not a share token");

export const createShareBody = z.object({
  version: z.union([z.literal("latest"), z.number().int().min(1)]).default("latest")
    .describe("'latest' follows the persona's newest saved version; a number pins that version"),
  label: z.string().trim().max(120).default("").describe("Who or what the link is for, e.g. 'Support leads'"),
  expiresInDays: z.number().int().min(1).max(365).nullable().default(null).describe("null: never expires"),
  includeComments: z.boolean().default(false).describe("Show the version's comment threads on the shared page"),
  recordSamples: z.boolean().default(false)
    .describe("When the shared version has no recorded sample answers, answer them now on the workspace's default provider before the link is made (422 when the version has nothing to answer, 502 when every answer failed: no link is made then)"),
});
export type CreateShareBody = z.input<typeof createShareBody>;

export const shareStateSchema = z.enum(["active", "expired", "revoked"]);

export const shareLinkSchema = z.object({
  id: z.string(),
  personaId: z.string(),
  version: z.union([z.literal("latest"), z.number().int()]),
  label: z.string(),
  includeComments: z.boolean(),
  state: shareStateSchema,
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  lastAccessedAt: z.string().nullable(),
  accessCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

export const createdShareSchema = shareLinkSchema.extend({
  token: z.string().describe("Shown once: only its hash is stored"),
  path: z.string().describe("/s/<token>: the shared page"),
});
export type CreatedShare = z.infer<typeof createdShareSchema>;

// ── Sample answers before sharing (issue 16 §8) ──────────────────────────────
// The share dialog says, before a link exists, whether the shared page will show
// sample answers: already recorded, recorded now (on which provider, at what
// estimated cost), or impossible because the version has nothing to answer.

export const shareSamplesQuery = z.object({
  version: z.union([z.literal("latest"), z.coerce.number().int().min(1)]).default("latest")
    .describe("The version the link would show: 'latest' or a version number"),
});

export const shareSamplesPlanSchema = z.object({
  version: z.number().int().describe("The version the link would show now"),
  recorded: z.object({ answers: z.number().int(), createdBy: z.string(), createdAt: z.string(), label: z.string() }).nullable()
    .describe("The newest recording of that version; null when none was recorded"),
  messages: z.number().int().describe("Messages a recording answers: the version's scenarios, else its sample messages; 0: nothing to answer"),
  source: z.enum(["scenarios", "samples"]),
  provider: z.object({ name: z.string(), model: z.string(), simulated: z.boolean() }).describe("Where a recording made now would be answered: the workspace's default"),
  estimatedCostUsd: z.number().nullable().describe("A recording's estimated cost; null when the provider's prices are unknown"),
});
export type ShareSamplesPlan = z.infer<typeof shareSamplesPlanSchema>;

/** Why a shared page has no sample answers: the version has no messages to answer, or nobody recorded them. */
export const samplesMissingSchema = z.enum(["nothing_to_answer", "not_recorded"]);

/** People on a shared page are display names only: no user ids leave the workspace. */
const sharedPersonSchema = z.object({ name: z.string() });

export const sharedCommentSchema = commentSchema.omit({ author: true, mentions: true }).extend({
  author: sharedPersonSchema,
  mentions: z.array(sharedPersonSchema),
});
export type SharedComment = z.infer<typeof sharedCommentSchema>;

export const sharedCommentThreadSchema = sharedCommentSchema.extend({ replies: z.array(sharedCommentSchema) });
export type SharedCommentThread = z.infer<typeof sharedCommentThreadSchema>;

/** What a shared page says about an answer that failed: that it failed, never the provider's words. */
export const SHARED_FAILURE = "failed";

/** The spec as shared: designer notes stay inside the workspace. */
export const sharedSpecSchema = personaSpecSchema.omit({ notes: true });

export const shareBundleSchema = z.object({
  persona: z.object({ name: z.string(), archetype: z.string() }),
  version: z.object({
    number: z.number().int(),
    message: z.string(),
    author: z.string(),
    createdAt: z.string(),
    approved: z.boolean().describe("A reviewer approved this version"),
    latest: z.boolean().describe("No newer version exists"),
  }),
  follows: z.enum(["latest", "pinned"]),
  spec: sharedSpecSchema,
  compiledPrompt: z.string(),
  samples: sampleRecordingSchema.nullable().describe("A failed answer's error is just 'failed'"),
  samplesMissing: samplesMissingSchema.nullable().describe("Why samples is null (null when there are samples)"),
  report: z
    .object({
      runId: z.string(),
      model: z.string(),
      judgeModel: z.string(),
      simulated: z.boolean(),
      label: z.string(),
      finishedAt: z.string().nullable(),
      targets: z.record(z.string(), z.number()),
      report: reportSchema,
    })
    .nullable(),
  comments: z.array(sharedCommentThreadSchema).nullable().describe("null unless the link includes comments; authors by name only"),
  sharedBy: z.string(),
  sharedAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type ShareBundle = z.infer<typeof shareBundleSchema>;

export const sharedAnswersQuery = z.object({
  ids: z.string().max(4000).optional().describe("Comma-separated answer ids"),
  trait: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
