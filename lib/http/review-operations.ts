import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { personaParams, versionParams, wsParams, wsResource } from "@/lib/http/params";
import {
  activitySchema, commentSchema, commentThreadSchema, createCommentBody, decideBody, editCommentBody, decisionResultSchema, listActivityQuery,
  listCommentsQuery, listMentionsQuery, mentionItemSchema, recordSamplesBody, requestReviewBody, resolveCommentBody, reviewQueueSchema, reviewRequestSchema,
  sampleRecordingSchema, versionReviewSchema,
} from "@/lib/schemas/review";

// Review routes. Reading is for every member; commenting, recording sample
// answers (a model call) and deciding need reviewer or above; asking for a
// review is part of editing a persona (editor or above).

const ws = wsParams;
const persona = personaParams;
const version = versionParams;
const comment = wsResource("commentId");
const W = "/api/workspaces/{workspaceId}";
const P = `${W}/personas/{personaId}`;
const V = `${P}/versions/{number}`;

export const reviewOps = {
  getSamples: defineOperation({ id: "getSampleAnswers", method: "GET", path: `${V}/samples`, tag: "Review", summary: "The latest recorded sample answers of a version (null when none were recorded)", auth: "workspace", role: "viewer", params: version, response: sampleRecordingSchema.nullable() }),
  recordSamples: defineOperation({ id: "recordSampleAnswers", method: "POST", path: `${V}/samples`, tag: "Review", summary: "Answer the version's scenarios (each after its context turns; without scenarios, its sample messages) now and keep the answers (reviewers comment on them, share pages show them)", auth: "workspace", role: "reviewer", params: version, body: recordSamplesBody, response: sampleRecordingSchema, status: 201, cost: "samples", idempotent: true }),

  listComments: defineOperation({ id: "listComments", method: "GET", path: `${P}/comments`, tag: "Review", summary: "Comment threads of a persona, oldest first, a page of whole threads (each with its replies) at a time: when there is more, the X-Next-Cursor response header holds the cursor of the next page", auth: "workspace", role: "viewer", params: persona, query: listCommentsQuery, response: z.array(commentThreadSchema) }),
  createComment: defineOperation({ id: "createComment", method: "POST", path: `${P}/comments`, tag: "Review", summary: "Start a thread anchored to a version, field, trait or sample answer — or reply to one", auth: "workspace", role: "reviewer", params: persona, body: createCommentBody, response: commentSchema, status: 201, idempotent: true }),
  editComment: defineOperation({ id: "editComment", method: "PATCH", path: `${W}/comments/{commentId}`, tag: "Review", summary: "Edit your own comment (mentions are read again)", auth: "workspace", role: "reviewer", params: comment, body: editCommentBody, response: commentSchema }),
  deleteComment: defineOperation({ id: "deleteComment", method: "DELETE", path: `${W}/comments/{commentId}`, tag: "Review", summary: "Delete your own reply, or your thread while nobody has replied", auth: "workspace", role: "reviewer", params: comment, response: z.null() }),
  resolveComment: defineOperation({ id: "resolveComment", method: "POST", path: `${W}/comments/{commentId}/resolve`, tag: "Review", summary: "Resolve or reopen a thread", auth: "workspace", role: "reviewer", params: comment, body: resolveCommentBody, response: commentThreadSchema }),

  requestReview: defineOperation({ id: "requestReview", method: "POST", path: `${P}/review-requests`, tag: "Review", summary: "Ask members to review a saved version; the persona goes to 'in review'", auth: "workspace", role: "editor", params: persona, body: requestReviewBody, response: z.array(reviewRequestSchema), status: 201, idempotent: true }),
  getVersionReview: defineOperation({ id: "getVersionReview", method: "GET", path: `${V}/review`, tag: "Review", summary: "Review state of a version: report and flags, policy warnings, requests and decisions", auth: "workspace", role: "viewer", params: version, response: versionReviewSchema }),
  decide: defineOperation({ id: "decideVersion", method: "POST", path: `${V}/decision`, tag: "Review", summary: "Approve a version or request changes on it", auth: "workspace", role: "reviewer", params: version, body: decideBody, response: decisionResultSchema, status: 201, idempotent: true }),
  reviewQueue: defineOperation({ id: "getReviewQueue", method: "GET", path: `${W}/review-queue`, tag: "Review", summary: "What awaits me (requests, mentions) and what I requested", auth: "workspace", role: "viewer", params: ws, response: reviewQueueSchema }),
  listMentions: defineOperation({ id: "listMentions", method: "GET", path: `${W}/review-queue/mentions`, tag: "Review", summary: "Open threads that mention me, one per thread by its newest mention of me, newest first, a page at a time (the review queue carries the first page and mentionsNextCursor): when there is more, the X-Next-Cursor response header holds the cursor of the next page", auth: "workspace", role: "viewer", params: ws, query: listMentionsQuery, response: z.array(mentionItemSchema) }),
  listActivity: defineOperation({ id: "listActivity", method: "GET", path: `${P}/activity`, tag: "Review", summary: "The persona's activity trail, newest first, a page at a time: when there is more, the X-Next-Cursor response header holds the cursor of the next page", auth: "workspace", role: "viewer", params: persona, query: listActivityQuery, response: z.array(activitySchema) }),
};
