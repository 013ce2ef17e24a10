import type { Operation } from "@/lib/http/operation";
import { allOps, fillPath, type SendOptions } from "@/tests/factories/api";
import { buildCustomTrait } from "@/tests/factories/custom-traits";
import { buildSpec } from "@/tests/factories/personas";

// A well-formed request for every operation in the registry, so sweeps can send
// each one with only the part under test (session, workspace, body) made wrong.

export type Ids = {
  workspaceId: string;
  /** A pending invitation of the workspace, for the invitation routes. */
  invitationId?: string;
  personaId: string;
  memberId: string;
  /** An existing version number of the persona. */
  number: number;
  /** The persona's current draft revision. */
  revision: number;
  /** An email with an account, for inviteMember. */
  email: string;
  /** A stored provider of the workspace; sweeps that never reach the service may leave it out. */
  providerId?: string;
  /** A probe run of the workspace; sweeps that never reach the service may leave it out. */
  runId?: string;
  /** A scored answer of `runId` (tests/factories/probe-answers.ts); sweeps that never reach the service may leave it out. */
  answerId?: string;
  /** A saved custom trait key of the workspace; sweeps that never reach the service may leave it out. */
  traitKey?: string;
  /** A member (reviewer or above, not the caller) to ask for a review. */
  reviewerUserId?: string;
  /** A comment thread on the persona. */
  commentId?: string;
  /** A share link of the persona. */
  shareId?: string;
  /** A variant of the persona, and a batch of variant runs. */
  variantId?: string;
  batchId?: string;
  /** An API token of the workspace. */
  tokenId?: string;
  /** A flag acknowledgement on the persona. */
  ackId?: string;
  /** A panel of the workspace; sweeps that never reach the service may leave it out. */
  panelId?: string;
  /** The two panel probes of an axes experiment of the workspace; sweeps that never reach the service may leave them out. */
  axesTopicRun?: string;
  axesFrameworkRun?: string;
  /** A recorded preview (PanelSession) of `panelId`; sweeps that never reach the service may leave it out. */
  sessionId?: string;
  /** A panel review request on version `number` of `panelId`; sweeps that never reach the service may leave it out. */
  requestId?: string;
};

/** Well-formed (43 base64url characters) but matches no link. */
export const NO_SUCH_TOKEN = "A".repeat(43);

/** Stands in for `providerId` when a sweep gives none: the request is stopped before it matters. */
export const NO_PROVIDER_ID = "no-such-provider";

const VALID_BODIES: Record<string, (ids: Ids) => unknown> = {
  compilePersona: () => ({ spec: buildSpec() }),
  createWorkspace: () => ({ name: "Side project" }),
  updateWorkspace: () => ({ name: "Renamed" }),
  inviteMember: (ids) => ({ email: ids.email, role: "owner" }),
  readNotifications: () => ({}),
  updateMember: () => ({ role: "owner" }),
  createPersona: () => ({ name: "Intruder" }),
  updateDraft: (ids) => ({ revision: ids.revision, spec: buildSpec({ name: "Hijacked" }) }),
  archivePersona: () => ({ archived: true }),
  createVersion: (ids) => ({ message: "Snapshot", revision: ids.revision }),
  restoreVersion: (ids) => ({ revision: ids.revision }),
  createProvider: () => ({ name: "Local Ollama", preset: "ollama", baseUrl: "http://127.0.0.1:11434/v1", apiKey: "sk-sample-0123456789", defaultModel: "llama3.1" }),
  updateProvider: () => ({ name: "Renamed provider" }),
  // Nothing listens on port 9: the test answers quickly, with ok:false.
  testProvider: () => ({ baseUrl: "http://127.0.0.1:9/v1" }),
  setDefaultProvider: () => ({ providerId: "simulator", model: "persona-sim-1" }),
  createProbeRun: () => ({ version: "draft", budgetPerTrait: 12 }),
  estimateProbeRun: () => ({ version: "draft", budgetPerTrait: 12 }),
  startRangeCheck: () => ({ trait: "warm" }),
  streamPreview: () => ({ source: { kind: "spec", spec: buildSpec() }, message: "Hello there" }),
  suggestArchetypes: () => ({ traitTargets: { empathetic: 90, firm: 85 } }),
  draftCustomTrait: () => ({ description: "Stays calm when the user is angry" }),
  saveCustomTrait: (ids) => buildCustomTrait({ key: ids.traitKey ?? "calm_under_fire" }),
  recordSampleAnswers: () => ({}),
  createComment: () => ({ body: "Looks right to me, @nobody.", anchor: { kind: "field", key: "archetype", version: null } }),
  resolveComment: () => ({ resolved: true }),
  editComment: () => ({ body: "Edited: looks right to me." }),
  requestReview: (ids) => ({ version: ids.number, reviewerIds: [ids.reviewerUserId ?? "no-such-user"], message: "Please check the tone" }),
  decideVersion: () => ({ decision: "approve", note: "Lands where we wanted" }),
  createShareLink: () => ({ version: "latest", label: "Support leads", expiresInDays: 7 }),
  createVariant: () => ({ name: "Character type only", from: "character_type" }),
  createRequestedWordingVariant: () => ({ trait: "empathetic" }),
  draftScenarios: () => ({ count: 8 }),
  importScenarios: (ids) => ({ format: "csv", text: "message\nI bought this 45 days ago. Refund me.", revision: ids.revision, mode: "append" }),
  importPersona: () => ({ fileName: "prompt.txt", content: "You are Quinn, a patient librarian.", encoding: "text" }),
  updateVariant: () => ({ revision: 1, name: "Renamed variant" }),
  probeVariants: (ids) => ({ variantIds: [ids.variantId ?? "no-such-variant"], includeDraft: true, budgetPerTrait: 12 }),
  createApiToken: () => ({ name: "GitHub Actions", role: "editor", expiresInDays: 30 }),
  moveLabel: (ids) => ({ version: ids.number }),
  // A 1×1 PNG.
  putAvatar: () => ({ image: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" }),
  acknowledgeFlag: () => ({ flagId: "leakage:warm", direction: "up", reason: "A support agent is meant to sound warm" }),
  createPanel: (ids) => ({ name: "Review board", spec: { members: [{ key: "ada", personaId: ids.personaId, version: "latest" }], plans: { single: { seats: { ada: { providerId: "simulator", model: "persona-sim-1" } } } } } }),
  updatePanel: () => ({ revision: 1, name: "Renamed board" }),
  createPanelVersion: () => ({ message: "First cut", revision: 1 }),
  importCouncil: () => ({ files: [{ fileName: "council-quinn.md", text: "---\nname: council-quinn\ncouncil:\n  figure: Quinn\n  domain: Libraries\n  polarity: Patient\n---\nYou are Quinn, a patient librarian.\n" }] }),
  spreadSeats: () => ({ strategy: { providerSpreadFirst: true, avoidPairCollocation: true } }),
  streamPanelPreview: () => ({ question: "Should we ship on Friday?", crossExamine: true }),
  createPanelComment: () => ({ body: "Ada's answer dodges the question", anchor: { kind: "panel_member", key: "ada" } }),
  resolvePanelComment: () => ({ resolved: true }),
  createPanelShareLink: () => ({ label: "Board", expiresInDays: 7, includeComments: true }),
  requestPanelReview: (ids) => ({ version: ids.number, reviewerIds: [ids.reviewerUserId ?? "no-such-user"], message: "Do the members really differ?" }),
  decidePanelVersion: () => ({ decision: "approve", note: "The members land apart" }),
  createPanelRun: () => ({ experiment: "divergence", traits: ["warm", "firm"], itemsPerTrait: 6, answersPerPair: 0, maxCalls: 200 }),
  estimatePanelRun: () => ({ experiment: "divergence", traits: ["warm", "firm"], itemsPerTrait: 10, answersPerPair: 4 }),
  startAxesExperiment: () => ({ topic: "housing", seat: { providerId: "simulator", model: "persona-sim-2" }, itemsPerTrait: 6, traits: ["warm", "skeptical"] }),
};

const VALID_QUERIES: Record<string, (ids: Ids) => Record<string, string | number>> = {
  listPersonas: () => ({ q: "a", status: "all", sort: "name" }),
  diffVersions: (ids) => ({ from: ids.number, to: "draft" }),
  getProbeRun: () => ({}),
  listProbeRuns: () => ({ limit: 20 }),
  listProbeAnswers: () => ({ kind: "persona", limit: 10 }),
  listComments: () => ({ status: "all" }),
  listPanelComments: () => ({ status: "all" }),
  listActivity: () => ({ limit: 20 }),
  listMentions: () => ({ limit: 20 }),
  listSharedAnswers: () => ({ limit: 10 }),
  getMeasuredCorrelations: () => ({ traits: "empathetic,firm" }),
  exportPersona: () => ({ format: "card-v2" }),
  getShareSamplesPlan: (ids) => ({ version: ids.number }),
  getAxesComparison: (ids) => ({ topicRun: ids.axesTopicRun ?? "no-such-run", frameworkRun: ids.axesFrameworkRun ?? "no-such-run" }),
};

export const opsWithBody = allOps.filter((op) => op.body);

/** Fails loudly when an operation is added to the registry without a sample here. */
export function missingSamples(): string[] {
  return [
    ...opsWithBody.filter((op) => !VALID_BODIES[op.id]).map((op) => `body for ${op.id}`),
    ...allOps.filter((op) => op.query && !VALID_QUERIES[op.id]).map((op) => `query for ${op.id}`),
  ];
}

export function validRequest(op: Operation, ids: Ids): { path: string } & SendOptions {
  return {
    path: fillPath(op.path, {
      ...ids, providerId: ids.providerId ?? NO_PROVIDER_ID, runId: ids.runId ?? "no-such-run", traitKey: ids.traitKey ?? "no_such_trait",
      commentId: ids.commentId ?? "no-such-comment", shareId: ids.shareId ?? "no-such-share", token: NO_SUCH_TOKEN,
      variantId: ids.variantId ?? "no-such-variant", batchId: ids.batchId ?? "no-such-batch",
      tokenId: ids.tokenId ?? "no-such-api-token", answerId: ids.answerId ?? "no-such-answer", ackId: ids.ackId ?? "no-such-ack",
      panelId: ids.panelId ?? "no-such-panel", sessionId: ids.sessionId ?? "no-such-session", requestId: ids.requestId ?? "no-such-request",
      invitationId: ids.invitationId ?? "no-such-invitation",
      index: 0, label: "production",
    }),
    body: op.body ? VALID_BODIES[op.id](ids) : undefined,
    query: op.query ? VALID_QUERIES[op.id](ids) : undefined,
  };
}
