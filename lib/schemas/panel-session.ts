import { z } from "zod";
import { memberKeySchema } from "@/lib/schemas/panel";
import { commentFiltersQuery, commentSchema, PANEL_ANCHOR_KINDS } from "@/lib/schemas/review";
import { createShareBody, shareLinkSchema, sharedCommentThreadSchema } from "@/lib/schemas/share";

// Recorded panel previews (issue 13 §3), comments on a panel and panel share
// links (§1). A recorded session keeps the question and every member's answer
// per round; reviewers comment on an answer (or on a member) like on a
// persona's sample answer; a panel share link opens the panel and its latest
// final report read-only.

// ── Sessions ────────────────────────────────────────────────────────────────

export const panelSessionAnswerSchema = z.object({
  id: z.string(),
  round: z.union([z.literal(1), z.literal(2)]),
  memberKey: z.string(),
  memberName: z.string(),
  personaId: z.string(),
  seatLabel: z.string().describe("Provider name · model (never a provider id); the simulator says so"),
  simulated: z.boolean(),
  answer: z.string().nullable(),
  error: z.string().nullable().describe("A safe message (provider errors are redacted), or null"),
  latencyMs: z.number().int().nullable(),
  createdAt: z.string(),
});
export type PanelSessionAnswer = z.infer<typeof panelSessionAnswerSchema>;

export const panelSessionSummarySchema = z.object({
  id: z.string(),
  panelId: z.string(),
  panelVersion: z.number().int().nullable(),
  question: z.string(),
  crossExamine: z.boolean(),
  answers: z.number().int().describe("Answers stored (both rounds)"),
  comments: z.number().int().describe("Comment threads on its answers"),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type PanelSessionSummary = z.infer<typeof panelSessionSummarySchema>;

export const panelSessionSchema = panelSessionSummarySchema.omit({ answers: true }).extend({
  answers: z.array(panelSessionAnswerSchema).describe("Round 1 first, in the panel's member order"),
});
export type PanelSession = z.infer<typeof panelSessionSchema>;

// ── Comments on a panel ──────────────────────────────────────────────────────

/**
 * Every panel comment belongs to a member (Comment.personaId is the member's
 * persona): `panel_answer` anchors to one recorded answer (key: its id),
 * `panel_member` to a member of the panel (key: the member key) — a remark
 * about the panel as a whole is filed under the member it is most about.
 */
export { PANEL_ANCHOR_KINDS };

export const panelCommentAnchorSchema = z.object({
  kind: z.enum(PANEL_ANCHOR_KINDS).describe("panel_answer: one recorded answer; panel_member: a member of the panel"),
  key: z.string().trim().min(1, "Say which answer or member the comment is about").max(200).describe("The recorded answer's id, or the member key"),
});

export const createPanelCommentBody = z
  .object({
    body: z.string().trim().min(1, "Write something").max(10_000).describe("Markdown; @handle mentions a member"),
    anchor: panelCommentAnchorSchema.optional().describe("What a new thread is about; omit when replying"),
    parentId: z.string().min(1).max(64).optional().describe("Reply to this thread"),
  })
  .superRefine((b, ctx) => {
    if (!b.anchor && !b.parentId) ctx.addIssue({ code: "custom", path: ["anchor"], message: "Say what the comment is about (anchor), or reply to a thread (parentId)" });
    if (b.anchor && b.parentId) ctx.addIssue({ code: "custom", path: ["parentId"], message: "A reply takes its thread's anchor; send either anchor or parentId" });
  });
export type CreatePanelCommentBody = z.input<typeof createPanelCommentBody>;

export const listPanelCommentsQuery = commentFiltersQuery.omit({ version: true }).extend({
  session: z.string().min(1).max(64).optional().describe("Only threads on this recorded session's answers"),
});

export { commentSchema as panelCommentSchema };

// ── Share links ──────────────────────────────────────────────────────────────

export const createPanelShareBody = createShareBody.omit({ version: true }).extend({
  includeComments: z.boolean().default(false).describe("Show the latest recorded session with its comment threads"),
});
export type CreatePanelShareBody = z.input<typeof createPanelShareBody>;

export const panelShareLinkSchema = shareLinkSchema.omit({ personaId: true, version: true }).extend({ panelId: z.string() });
export type PanelShareLink = z.infer<typeof panelShareLinkSchema>;

export const createdPanelShareSchema = panelShareLinkSchema.extend({
  token: z.string().describe("Shown once: only its hash is stored"),
  path: z.string().describe("/s/<token>: the shared page"),
});
export type CreatedPanelShare = z.infer<typeof createdPanelShareSchema>;

/** A recorded session as shared: failures say "failed", commenters by name only. */
export const sharedPanelSessionSchema = z.object({
  question: z.string(),
  crossExamine: z.boolean(),
  createdAt: z.string(),
  answers: z.array(panelSessionAnswerSchema.omit({ personaId: true })),
  comments: z.array(sharedCommentThreadSchema),
});

export const sharedPanelBundleSchema = z.object({
  panel: z.object({ name: z.string(), description: z.string() }),
  members: z.array(z.object({ key: memberKeySchema, name: z.string(), archetype: z.string(), seatLabel: z.string() })),
  polarityPairs: z.array(z.object({ a: z.string(), b: z.string(), axis: z.string().describe("The trait or weights, in words; 'overall' without an axis"), direction: z.enum(["a_higher", "b_higher"]).nullable() })),
  /** The latest final panel report (JSON PanelReport) and its run as the report view needs it, provider ids blanked. */
  report: z.object({ runId: z.string(), finishedAt: z.string().nullable(), report: z.unknown(), run: z.unknown() }).nullable(),
  session: sharedPanelSessionSchema.nullable().describe("null unless the link includes comments"),
  sharedBy: z.string(),
  sharedAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type SharedPanelBundle = z.infer<typeof sharedPanelBundleSchema>;
