import { z } from "zod";
import { flagAcknowledgedSchema } from "@/lib/schemas/acknowledgement";
import { scenarioTurnSchema } from "@/lib/schemas/scenario";
import { approvalPolicySetting } from "@/lib/schemas/workspace";

// Review: recorded sample answers, comments anchored to what they are about,
// review requests and decisions on a version, the review queue and the
// activity trail. Shared by the routes, the forms and the OpenAPI document.

const id = z.string().min(1).max(64);
const who = z.object({ id: z.string(), name: z.string() });

// ── Sample answers ───────────────────────────────────────────────────────────

export const recordSamplesBody = z.object({
  providerId: z.string().max(64).optional().describe("Default: the workspace default provider"),
  model: z.string().max(200).optional(),
});

export const sampleAnswerSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  message: z.string(),
  answer: z.string().nullable(),
  error: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
  context: z.array(scenarioTurnSchema).optional()
    .describe("The conversation before the message, when it answered one of the recorded version's scenarios (matched by message text, first match); absent otherwise"),
  note: z.string().optional().describe("That scenario's note: what a good answer does (for people; never sent to the model)"),
});
export type SampleAnswer = z.infer<typeof sampleAnswerSchema>;

export const sampleRecordingSchema = z.object({
  recordingId: z.string(),
  version: z.number().int(),
  model: z.string(),
  simulated: z.boolean(),
  label: z.string().describe("'Simulator — not a language model' when simulated, else the model name"),
  createdBy: z.string(),
  createdAt: z.string(),
  answers: z.array(sampleAnswerSchema),
});
export type SampleRecording = z.infer<typeof sampleRecordingSchema>;

// ── Comments ─────────────────────────────────────────────────────────────────

export const ANCHOR_KINDS = ["persona", "version", "field", "trait", "sample"] as const;
export const anchorKindSchema = z.enum(ANCHOR_KINDS);
export type AnchorKind = z.infer<typeof anchorKindSchema>;
/** A panel's comments (lib/schemas/panel-session.ts): on a recorded answer, or on a member. */
export const PANEL_ANCHOR_KINDS = ["panel_answer", "panel_member"] as const;

export const commentAnchorSchema = z
  .object({
    kind: anchorKindSchema.describe("persona: general; version: a saved version; field: a spec field; trait: a trait in a report; sample: one sample answer"),
    key: z.string().trim().max(200).default("").describe("field path (e.g. 'archetype', 'voice.tone'), trait key, or sample answer id"),
    version: z.number().int().min(1).nullable().default(null).describe("The version the comment is about (null: the draft)"),
  })
  .superRefine((a, ctx) => {
    if ((a.kind === "field" || a.kind === "trait" || a.kind === "sample") && !a.key) {
      ctx.addIssue({ code: "custom", path: ["key"], message: `A ${a.kind} comment needs the ${a.kind === "sample" ? "sample answer id" : a.kind} it is about` });
    }
    if (a.kind === "version" && a.version === null) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "A version comment needs the version number" });
    }
  });
export type CommentAnchorInput = z.input<typeof commentAnchorSchema>;

export const createCommentBody = z
  .object({
    body: z.string().trim().min(1, "Write something").max(10_000).describe("Markdown; @handle mentions a member (handle = their email's local part)"),
    anchor: commentAnchorSchema.optional().describe("What a new thread is about; omit when replying"),
    parentId: id.optional().describe("Reply to this thread"),
  })
  .superRefine((b, ctx) => {
    if (!b.anchor && !b.parentId) ctx.addIssue({ code: "custom", path: ["anchor"], message: "Say what the comment is about (anchor), or reply to a thread (parentId)" });
    if (b.anchor && b.parentId) ctx.addIssue({ code: "custom", path: ["parentId"], message: "A reply takes its thread's anchor; send either anchor or parentId" });
  });
export type CreateCommentBody = z.input<typeof createCommentBody>;

export const editCommentBody = z.object({
  body: z.string().trim().min(1, "Write something").max(10_000).describe("Markdown; mentions are read again"),
});

export const resolveCommentBody = z.object({ resolved: z.boolean().describe("true resolves the thread, false reopens it") });

/** Which threads; a panel's list (lib/schemas/panel-session.ts) takes these without the version. */
export const commentFiltersQuery = z.object({
  version: z.coerce.number().int().min(1).optional().describe("Only threads about this version"),
  status: z.enum(["open", "resolved", "all"]).default("all"),
});

export const listCommentsQuery = commentFiltersQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Threads per page (a thread comes whole, with its replies)"),
  cursor: z.string().max(500).optional().describe("The X-Next-Cursor header of the previous page"),
});

export const commentSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  anchor: z.object({ kind: z.enum([...ANCHOR_KINDS, ...PANEL_ANCHOR_KINDS]), key: z.string(), label: z.string(), version: z.number().int().nullable() }),
  body: z.string(),
  mentions: z.array(who),
  author: who,
  createdAt: z.string(),
  editedAt: z.string().nullable().describe("Set when the author edited the body"),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type Comment = z.infer<typeof commentSchema>;

export const commentThreadSchema = commentSchema.extend({ replies: z.array(commentSchema) });
export type CommentThread = z.infer<typeof commentThreadSchema>;

// ── Review requests and decisions ────────────────────────────────────────────

export const approvalPolicySchema = approvalPolicySetting;
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;

export const requestReviewBody = z.object({
  version: z.number().int().min(1).describe("The saved version to review"),
  reviewerIds: z.array(id).min(1, "Pick at least one reviewer").max(20).describe("User ids of members (reviewer role or above)"),
  message: z.string().trim().max(2000).default(""),
});
export type RequestReviewBody = z.input<typeof requestReviewBody>;

export const reviewRequestStatusSchema = z.enum(["open", "approved", "changes_requested", "withdrawn"]);

export const reviewRequestSchema = z.object({
  id: z.string(),
  personaId: z.string(),
  personaName: z.string(),
  version: z.number().int(),
  requestedBy: who,
  reviewer: who,
  message: z.string(),
  status: reviewRequestStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

/** A review request on a panel version (issue 13 §1; lib/schemas/panel-review.ts has the rest). */
export const panelReviewRequestSchema = reviewRequestSchema.omit({ personaId: true, personaName: true }).extend({
  panelId: z.string(),
  panelName: z.string(),
});
export type PanelReviewRequest = z.infer<typeof panelReviewRequestSchema>;

export const decideBody = z
  .object({
    decision: z.enum(["approve", "request_changes"]),
    note: z.string().trim().max(5000).default(""),
  })
  .superRefine((b, ctx) => {
    if (b.decision === "request_changes" && !b.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Say what should change" });
  });
export type DecideBody = z.input<typeof decideBody>;

export const reviewDecisionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  reviewer: who,
  decision: z.enum(["approved", "changes_requested"]),
  note: z.string(),
  openFlags: z.number().int().nullable().describe("Open flags in the version's latest probe report at decision time; null = no report"),
  reportRunId: z.string().nullable(),
  createdAt: z.string(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reportStateSchema = z.object({
  runId: z.string(),
  model: z.string(),
  simulated: z.boolean(),
  finishedAt: z.string().nullable(),
  flags: z.array(z.object({
    id: z.string(), kind: z.string(), title: z.string(), severity: z.enum(["warn", "alert"]),
    expected: z.boolean().optional().describe("Came with the character type: listed, not counted as open"),
    acknowledged: flagAcknowledgedSchema.optional().describe("Acknowledged as expected for this persona: listed, not counted as open"),
  })),
  openFlags: z.number().int().optional().describe("Flags the approval gate counts: neither acknowledged nor came with the character type"),
});

export const versionReviewSchema = z.object({
  version: z.number().int(),
  latestVersion: z.number().int(),
  status: z.string().describe("The persona's status"),
  approvedVersion: z.number().int().nullable(),
  policy: approvalPolicySchema,
  report: reportStateSchema.nullable().describe("The version's newest completed probe report"),
  warnings: z.array(z.string()).describe("Why approving now deserves a second look (policy warn)"),
  blockers: z.array(z.string()).describe("Why approving is refused (policy block)"),
  selfApproval: z.string().nullable().describe("Why the caller may not approve this version (the workspace bars authors from approving their own version); null when they may"),
  requests: z.array(reviewRequestSchema),
  decisions: z.array(reviewDecisionSchema),
});
export type VersionReview = z.infer<typeof versionReviewSchema>;

export const decisionResultSchema = z.object({
  decision: reviewDecisionSchema,
  status: z.string(),
  warnings: z.array(z.string()),
});

// ── Review queue and activity ────────────────────────────────────────────────

export const mentionItemSchema = z.object({
  threadId: z.string(),
  commentId: z.string(),
  personaId: z.string(),
  personaName: z.string(),
  /** Set when the thread is on a panel (a recorded preview's answer): the queue links to the panel, not the persona. */
  panel: z.object({ id: z.string(), name: z.string() }).nullable().default(null),
  anchor: commentSchema.shape.anchor,
  excerpt: z.string(),
  author: who,
  createdAt: z.string(),
});

/** Mentioned threads per page: the queue carries the first page, "Show older" asks listMentions for the next. */
export const MENTIONS_PAGE = 50;

export const listMentionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(MENTIONS_PAGE).describe("Threads per page"),
  cursor: z.string().max(500).optional().describe("mentionsNextCursor of the review queue, or the X-Next-Cursor header of the previous page"),
});

export type MentionItem = z.infer<typeof mentionItemSchema>;

export const reviewQueueSchema = z.object({
  awaitingMe: z.array(reviewRequestSchema).describe("Open review requests addressed to me"),
  mentions: z.array(mentionItemSchema).describe(`Open threads where someone mentioned me, by their newest mention of me, newest first: the first ${MENTIONS_PAGE}`),
  mentionsTotal: z.number().int().describe("Every open thread that mentions me, listed or not"),
  mentionsNextCursor: z.string().nullable().describe("When there are more than listed: the cursor of the next page of listMentions"),
  requestedByMe: z.array(reviewRequestSchema).describe("Requests I made: open ones and those decided in the last 30 days"),
  panelAwaitingMe: z.array(panelReviewRequestSchema).describe("Open review requests on panel versions addressed to me"),
  panelRequestedByMe: z.array(panelReviewRequestSchema).describe("Panel review requests I made: open ones and those decided in the last 30 days"),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const ACTIVITY_KINDS = [
  "created", "edited", "version_saved", "restored", "archived", "unarchived", "probe_started",
  "samples_recorded", "review_requested", "approved", "changes_requested",
  "commented", "comment_resolved", "comment_reopened", "share_created", "share_revoked",
  "flag_acknowledged", "flag_unacknowledged", "label_moved", "label_removed",
  "imported",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const activitySchema = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  summary: z.string(),
  actor: who,
  count: z.number().int().describe("Folded draft edits count more than one"),
  version: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

export const listActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional().describe("The X-Next-Cursor header of the previous page"),
});
