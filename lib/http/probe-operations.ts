import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { idParam, personaParams, wsResource } from "@/lib/http/params";
import {
  createProbeRunBody, listAnswersQuery, listProbeRunsQuery, probeAnswerSchema, probeRunDetailSchema, probeRunSchema, startRangeCheckBody, traitLibrarySchema,
} from "@/lib/schemas/probe";
import { answerRationaleSchema } from "@/lib/schemas/rationale";
import { probeEstimateSchema } from "@/lib/schemas/probe-estimate";
import { pressureConversationSchema } from "@/lib/schemas/pressure";
import { reportQuery } from "@/lib/schemas/report-analysis";

// Probe routes. Starting a probe calls models (cost), so editors and owners
// start, cancel and resume runs; every member can read the reports. "Why this
// score?" is one paid judge call per answer (then kept, so each answer is paid
// at most once): reviewers and up may ask, as they may record sample answers;
// viewers read the rationales already asked for with the answers.

const persona = personaParams;
const run = wsResource("runId");
const answer = run.extend({ answerId: idParam });
/** A pressure conversation's 0-based index (the report names it c<index + 1>). */
export const conversationIndexParam = z.coerce.number().int().min(0).max(10_000);
const conversation = run.extend({ index: conversationIndexParam });
const R = "/api/workspaces/{workspaceId}/probe-runs/{runId}";

export const probeOps = {
  traitLibrary: defineOperation({ id: "getTraitLibrary", method: "GET", path: "/api/traits", tag: "Probes", summary: "The built-in trait library: poles, probe items, judge rubrics, pair relations", auth: "user", response: traitLibrarySchema }),
  listProbeRuns: defineOperation({ id: "listProbeRuns", method: "GET", path: "/api/workspaces/{workspaceId}/personas/{personaId}/probe-runs", tag: "Probes", summary: "Probe runs of a persona, newest first, a page at a time: when there is more, the X-Next-Cursor response header holds the cursor of the next page", auth: "workspace", role: "viewer", params: persona, query: listProbeRunsQuery, response: z.array(probeRunSchema) }),
  createProbeRun: defineOperation({ id: "createProbeRun", method: "POST", path: "/api/workspaces/{workspaceId}/personas/{personaId}/probe-runs", tag: "Probes", summary: "Start a probe run (queued for the worker)", auth: "workspace", role: "editor", params: persona, body: createProbeRunBody, response: probeRunSchema, status: 201, cost: "probe", idempotent: true }),
  estimateProbeRun: defineOperation({ id: "estimateProbeRun", method: "POST", path: "/api/workspaces/{workspaceId}/personas/{personaId}/probe-estimate", tag: "Probes", summary: "Size a probe before starting it: expected model calls (with a 10th–90th percentile range), tokens and money, for the body of starting one (nothing stored, no model called)", auth: "workspace", role: "editor", params: persona, body: createProbeRunBody, response: probeEstimateSchema }),
  getProbeRun: defineOperation({ id: "getProbeRun", method: "GET", path: R, tag: "Probes", summary: "A run with its stored landing report (partial while running; ?method= reads an older analysis)", auth: "workspace", role: "viewer", params: run, query: reportQuery, response: probeRunDetailSchema }),
  reanalyseProbeRun: defineOperation({ id: "reanalyseProbeRun", method: "POST", path: `${R}/reanalyse`, tag: "Probes", summary: "Re-analyse a finished run's answers with the current method (older analyses are kept)", auth: "workspace", role: "editor", params: run, response: probeRunDetailSchema }),
  startRangeCheck: defineOperation({ id: "startRangeCheck", method: "POST", path: `${R}/range-check`, tag: "Probes", summary: "Check a trait's range on this run's model: the trait asked at 0/25/50/75/100 (a probe of mode \"range\", queued)", auth: "workspace", role: "editor", params: run, body: startRangeCheckBody, response: probeRunSchema, status: 201, cost: "probe", idempotent: true }),
  cancelProbeRun: defineOperation({ id: "cancelProbeRun", method: "POST", path: `${R}/cancel`, tag: "Probes", summary: "Cancel a queued or running probe (answers so far are kept)", auth: "workspace", role: "editor", params: run, response: probeRunSchema }),
  resumeProbeRun: defineOperation({ id: "resumeProbeRun", method: "POST", path: `${R}/resume`, tag: "Probes", summary: "Resume a failed or cancelled probe where it stopped", auth: "workspace", role: "editor", params: run, response: probeRunSchema }),
  listProbeAnswers: defineOperation({ id: "listProbeAnswers", method: "GET", path: `${R}/answers`, tag: "Probes", summary: "Answers of a run with their judge scores (drill-down, flag evidence), oldest first, a page at a time: when there is more, the X-Next-Cursor response header holds the cursor of the next page (pass it back with the same filters)", auth: "workspace", role: "viewer", params: run, query: listAnswersQuery, response: z.array(probeAnswerSchema) }),
  getPressureConversation: defineOperation({ id: "getPressureConversation", method: "GET", path: `${R}/conversations/{index}`, tag: "Probes", summary: "One pressure conversation as a chat: its turns in order (the latest attempt of each), user message, answer, status and scores (404 for a run without pressure or an index out of range)", auth: "workspace", role: "viewer", params: conversation, response: pressureConversationSchema }),
  explainAnswerScores: defineOperation({ id: "explainAnswerScores", method: "POST", path: `${R}/answers/{answerId}/rationale`, tag: "Probes", summary: "\"Why this score?\": the run's judge explains one scored answer's scores in a sentence or two per trait (asked once, then kept on the answer; 409 for an answer that was not scored)", auth: "workspace", role: "reviewer", params: answer, response: answerRationaleSchema }),
};
