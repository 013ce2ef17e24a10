import { z } from "zod";
import {
  approvalPolicySchema, panelReviewRequestSchema, reviewDecisionSchema,
} from "@/lib/schemas/review";

// Panel review (issue 13 §1): panels are reviewed like personas — an editor asks
// members (reviewer or above) to review a saved panel version; a reviewer
// approves it or requests changes. The request and decision bodies are the
// persona ones (requestReviewBody, decideBody in lib/schemas/review.ts). The
// approval gate reads the version's latest final panel probe and its flags.

export { decideBody as decidePanelBody, requestReviewBody as requestPanelReviewBody } from "@/lib/schemas/review";
export { panelReviewRequestSchema, type PanelReviewRequest } from "@/lib/schemas/review";

export const panelReviewDecisionSchema = reviewDecisionSchema.extend({
  openFlags: z.number().int().nullable().describe("Panel flags of the version's latest final panel probe at decision time; null = no final probe"),
  reportRunId: z.string().nullable().describe("The panel probe (PanelRun) the decision was made against"),
});
export type PanelReviewDecision = z.infer<typeof panelReviewDecisionSchema>;

export const panelReviewStatusSchema = z.enum(["not_reviewed", "in_review", "approved", "changes_requested"])
  .describe("The newest decision on the version; before any, 'in_review' while a request is open");
export type PanelReviewStatus = z.infer<typeof panelReviewStatusSchema>;

export const panelReportStateSchema = z.object({
  runId: z.string(),
  finishedAt: z.string().nullable(),
  pinned: z.boolean().describe("true: the probe was of this version; false: of the panel as it stood (no probe was pinned to this version)"),
  flags: z.array(z.object({
    kind: z.enum(["costume", "polarity", "indistinguishable"]),
    arm: z.string(),
    members: z.array(z.string()),
    message: z.string().describe("One plain sentence with the numbers"),
  })),
  openFlags: z.number().int().describe("Flags the approval gate counts (every panel flag: panel flags cannot be acknowledged)"),
});

export const panelVersionReviewSchema = z.object({
  version: z.number().int(),
  latestVersion: z.number().int(),
  status: panelReviewStatusSchema,
  policy: approvalPolicySchema,
  report: panelReportStateSchema.nullable().describe("The version's latest final panel probe"),
  warnings: z.array(z.string()).describe("Why approving now deserves a second look (policy warn)"),
  blockers: z.array(z.string()).describe("Why approving is refused (policy block)"),
  requests: z.array(panelReviewRequestSchema),
  decisions: z.array(panelReviewDecisionSchema),
});
export type PanelVersionReview = z.infer<typeof panelVersionReviewSchema>;

export const panelReviewsSchema = z.object({
  policy: approvalPolicySchema,
  latestVersion: z.number().int(),
  approvedVersion: z.number().int().nullable().describe("The newest version whose newest decision is an approval"),
  versions: z.array(z.object({
    version: z.number().int(),
    status: panelReviewStatusSchema,
    requests: z.array(panelReviewRequestSchema),
    decisions: z.array(panelReviewDecisionSchema),
  })).describe("Versions with any request or decision, newest first"),
});
export type PanelReviews = z.infer<typeof panelReviewsSchema>;

export const panelDecisionResultSchema = z.object({
  decision: panelReviewDecisionSchema,
  status: panelReviewStatusSchema,
  warnings: z.array(z.string()),
});
export type PanelDecisionResult = z.infer<typeof panelDecisionResultSchema>;
