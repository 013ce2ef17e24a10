import { expect } from "vitest";
import type { z } from "zod";
import * as compileRoute from "@/app/api/compile/route";
import * as meRoute from "@/app/api/me/route";
import * as healthRoute from "@/app/api/health/route";
import * as memberRoute from "@/app/api/workspaces/[workspaceId]/members/[memberId]/route";
import * as membersRoute from "@/app/api/workspaces/[workspaceId]/members/route";
import * as invitationsRoute from "@/app/api/workspaces/[workspaceId]/invitations/route";
import * as invitationRoute from "@/app/api/workspaces/[workspaceId]/invitations/[invitationId]/route";
import * as openInvitationRoute from "@/app/api/invitations/[token]/route";
import * as acceptInvitationRoute from "@/app/api/invitations/[token]/accept/route";
import * as declineInvitationRoute from "@/app/api/invitations/[token]/decline/route";
import * as acceptMyInvitationRoute from "@/app/api/me/invitations/[invitationId]/accept/route";
import * as declineMyInvitationRoute from "@/app/api/me/invitations/[invitationId]/decline/route";
import * as inboxRoute from "@/app/api/me/inbox/route";
import * as readNotificationsRoute from "@/app/api/me/notifications/read/route";
import * as archiveRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/archive/route";
import * as diffRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/diff/route";
import * as personaRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/route";
import * as restoreRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/restore/route";
import * as versionRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/route";
import * as versionsRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/versions/route";
import * as personasRoute from "@/app/api/workspaces/[workspaceId]/personas/route";
import * as samplePersonaRoute from "@/app/api/workspaces/[workspaceId]/sample-persona/route";
import * as providerRoute from "@/app/api/workspaces/[workspaceId]/providers/[providerId]/route";
import * as providerDefaultRoute from "@/app/api/workspaces/[workspaceId]/providers/default/route";
import * as providersRoute from "@/app/api/workspaces/[workspaceId]/providers/route";
import * as providerTestRoute from "@/app/api/workspaces/[workspaceId]/providers/test/route";
import * as previewRoute from "@/app/api/workspaces/[workspaceId]/preview/route";
import * as suggestRoute from "@/app/api/workspaces/[workspaceId]/archetypes/suggest/route";
import * as probeRunsRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/probe-runs/route";
import * as probeEstimateRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/probe-estimate/route";
import * as probeRunRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/route";
import * as probeCancelRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/cancel/route";
import * as probeResumeRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/resume/route";
import * as probeAnswersRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/answers/route";
import * as probeAnswerRationaleRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/answers/[answerId]/rationale/route";
import * as probeReanalyseRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/reanalyse/route";
import * as probeRangeCheckRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/range-check/route";
import * as traitsRoute from "@/app/api/traits/route";
import * as customTraitsRoute from "@/app/api/workspaces/[workspaceId]/custom-traits/route";
import * as customTraitDraftRoute from "@/app/api/workspaces/[workspaceId]/custom-traits/draft/route";
import * as customTraitVersionsRoute from "@/app/api/workspaces/[workspaceId]/custom-traits/[traitKey]/versions/route";
import * as samplesRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/samples/route";
import * as versionReviewRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/review/route";
import * as decisionRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/decision/route";
import * as commentsRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/comments/route";
import * as resolveCommentRoute from "@/app/api/workspaces/[workspaceId]/comments/[commentId]/resolve/route";
import * as reviewRequestsRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/review-requests/route";
import * as activityRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/activity/route";
import * as reviewQueueRoute from "@/app/api/workspaces/[workspaceId]/review-queue/route";
import * as reviewMentionsRoute from "@/app/api/workspaces/[workspaceId]/review-queue/mentions/route";
import * as sharesRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/shares/route";
import * as shareSamplesRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/shares/samples/route";
import * as revokeShareRoute from "@/app/api/workspaces/[workspaceId]/shares/[shareId]/revoke/route";
import * as openShareRoute from "@/app/api/share/[token]/route";
import * as sharedAnswersRoute from "@/app/api/share/[token]/answers/route";
import * as sharedConversationRoute from "@/app/api/share/[token]/conversations/[index]/route";
import * as probeConversationRoute from "@/app/api/workspaces/[workspaceId]/probe-runs/[runId]/conversations/[index]/route";
import * as requestedWordingVariantRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/variants/requested-wording/route";
import * as openPanelShareRoute from "@/app/api/share/[token]/panel/route";
import * as measuredCorrelationsRoute from "@/app/api/workspaces/[workspaceId]/measured-correlations/route";
import * as variantsRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/variants/route";
import * as scenarioImportRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/scenarios/import/route";
import * as scenarioDraftRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/scenarios/draft/route";
import * as acknowledgementsRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/acknowledgements/route";
import * as acknowledgementRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/acknowledgements/[ackId]/route";
import * as variantRoute from "@/app/api/workspaces/[workspaceId]/variants/[variantId]/route";
import * as variantProbesRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/variant-probes/route";
import * as variantBatchRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/variant-probes/[batchId]/route";
import * as importsRoute from "@/app/api/workspaces/[workspaceId]/imports/route";
import * as exportRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/export/route";
import * as commentRoute from "@/app/api/workspaces/[workspaceId]/comments/[commentId]/route";
import * as workspaceRoute from "@/app/api/workspaces/[workspaceId]/route";
import * as apiTokensRoute from "@/app/api/workspaces/[workspaceId]/api-tokens/route";
import * as revokeApiTokenRoute from "@/app/api/workspaces/[workspaceId]/api-tokens/[tokenId]/revoke/route";
import * as panelsRoute from "@/app/api/workspaces/[workspaceId]/panels/route";
import * as panelRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/route";
import * as panelVersionsRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/versions/route";
import * as importCouncilRoute from "@/app/api/workspaces/[workspaceId]/panels/import-council/route";
import * as axesExperimentRoute from "@/app/api/workspaces/[workspaceId]/panels/axes-experiment/route";
import * as exportCouncilRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/export-council/route";
import * as spreadSeatsRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/spread-seats/route";
import * as panelPreviewRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/preview/route";
import * as panelSessionsRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/sessions/route";
import * as panelSessionRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/sessions/[sessionId]/route";
import * as panelCommentsRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/comments/route";
import * as resolvePanelCommentRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/comments/[commentId]/resolve/route";
import * as panelSharesRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/shares/route";
import * as panelRunsRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/runs/route";
import * as panelRunEstimateRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/runs/estimate/route";
import * as panelRunRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId]/route";
import * as panelReportRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId]/report/route";
import * as cancelPanelRunRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId]/cancel/route";
import * as resumePanelRunRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId]/resume/route";
import * as revokePanelShareRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/shares/[shareId]/revoke/route";
import * as panelReviewsRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/reviews/route";
import * as panelVersionReviewRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/reviews/versions/[number]/route";
import * as decidePanelVersionRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/reviews/versions/[number]/decision/route";
import * as withdrawPanelReviewRoute from "@/app/api/workspaces/[workspaceId]/panels/[panelId]/reviews/requests/[requestId]/withdraw/route";
import * as workspacesRoute from "@/app/api/workspaces/route";
import * as labelsRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/labels/route";
import * as labelRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/labels/[label]/route";
import * as avatarRoute from "@/app/api/workspaces/[workspaceId]/personas/[personaId]/avatar/route";
import { errorBodySchema, type ErrorCode } from "@/lib/http/errors";
import type { Method, Operation } from "@/lib/http/operation";
import { ops } from "@/lib/http/operations";
import { BASE_URL } from "@/tests/factories/auth";

// A tiny in-process HTTP client: it calls the exported route handlers of
// app/api/** with a real Request, the way Next.js would, without a server.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<Method, Handler>>;

const W = "/api/workspaces/{workspaceId}";
const P = `${W}/personas/{personaId}`;

/** OpenAPI path template → the Next.js route module that serves it. */
const ROUTES: Record<string, RouteModule> = {
  "/api/me": meRoute,
  "/api/health": healthRoute,
  "/api/compile": compileRoute,
  "/api/workspaces": workspacesRoute,
  [W]: workspaceRoute,
  [`${W}/members`]: membersRoute,
  [`${W}/sample-persona`]: samplePersonaRoute,
  [`${W}/members/{memberId}`]: memberRoute,
  [`${W}/invitations`]: invitationsRoute,
  [`${W}/invitations/{invitationId}`]: invitationRoute,
  "/api/invitations/{token}": openInvitationRoute,
  "/api/invitations/{token}/accept": acceptInvitationRoute,
  "/api/invitations/{token}/decline": declineInvitationRoute,
  "/api/me/invitations/{invitationId}/accept": acceptMyInvitationRoute,
  "/api/me/invitations/{invitationId}/decline": declineMyInvitationRoute,
  "/api/me/inbox": inboxRoute,
  "/api/me/notifications/read": readNotificationsRoute,
  [`${W}/personas`]: personasRoute,
  [P]: personaRoute,
  [`${P}/archive`]: archiveRoute,
  [`${P}/diff`]: diffRoute,
  [`${P}/versions`]: versionsRoute,
  [`${P}/versions/{number}`]: versionRoute,
  [`${P}/versions/{number}/restore`]: restoreRoute,
  [`${W}/providers`]: providersRoute,
  // Static segments before {providerId}, as Next.js matches them.
  [`${W}/providers/test`]: providerTestRoute,
  [`${W}/providers/default`]: providerDefaultRoute,
  [`${W}/providers/{providerId}`]: providerRoute,
  [`${W}/preview`]: previewRoute,
  "/api/traits": traitsRoute,
  [`${P}/probe-runs`]: probeRunsRoute,
  [`${P}/probe-estimate`]: probeEstimateRoute,
  [`${W}/probe-runs/{runId}`]: probeRunRoute,
  [`${W}/probe-runs/{runId}/cancel`]: probeCancelRoute,
  [`${W}/probe-runs/{runId}/resume`]: probeResumeRoute,
  [`${W}/probe-runs/{runId}/answers`]: probeAnswersRoute,
  [`${W}/probe-runs/{runId}/answers/{answerId}/rationale`]: probeAnswerRationaleRoute,
  [`${W}/probe-runs/{runId}/reanalyse`]: probeReanalyseRoute,
  [`${W}/probe-runs/{runId}/range-check`]: probeRangeCheckRoute,
  [`${W}/probe-runs/{runId}/conversations/{index}`]: probeConversationRoute,
  [`${W}/archetypes/suggest`]: suggestRoute,
  [`${W}/custom-traits`]: customTraitsRoute,
  [`${W}/custom-traits/draft`]: customTraitDraftRoute,
  [`${W}/custom-traits/{traitKey}/versions`]: customTraitVersionsRoute,
  [`${P}/versions/{number}/samples`]: samplesRoute,
  [`${P}/versions/{number}/review`]: versionReviewRoute,
  [`${P}/versions/{number}/decision`]: decisionRoute,
  [`${P}/comments`]: commentsRoute,
  [`${W}/comments/{commentId}/resolve`]: resolveCommentRoute,
  [`${W}/comments/{commentId}`]: commentRoute,
  [`${P}/review-requests`]: reviewRequestsRoute,
  [`${P}/activity`]: activityRoute,
  [`${W}/review-queue`]: reviewQueueRoute,
  [`${W}/review-queue/mentions`]: reviewMentionsRoute,
  [`${P}/shares`]: sharesRoute,
  [`${P}/shares/samples`]: shareSamplesRoute,
  [`${W}/shares/{shareId}/revoke`]: revokeShareRoute,
  "/api/share/{token}": openShareRoute,
  "/api/share/{token}/answers": sharedAnswersRoute,
  "/api/share/{token}/conversations/{index}": sharedConversationRoute,
  "/api/share/{token}/panel": openPanelShareRoute,
  [`${W}/measured-correlations`]: measuredCorrelationsRoute,
  [`${P}/variants`]: variantsRoute,
  [`${P}/variants/requested-wording`]: requestedWordingVariantRoute,
  [`${P}/scenarios/import`]: scenarioImportRoute,
  [`${P}/scenarios/draft`]: scenarioDraftRoute,
  [`${P}/acknowledgements`]: acknowledgementsRoute,
  [`${P}/acknowledgements/{ackId}`]: acknowledgementRoute,
  [`${W}/variants/{variantId}`]: variantRoute,
  [`${P}/variant-probes`]: variantProbesRoute,
  [`${P}/variant-probes/{batchId}`]: variantBatchRoute,
  [`${W}/imports`]: importsRoute,
  [`${P}/export`]: exportRoute,
  [`${P}/labels`]: labelsRoute,
  [`${P}/labels/{label}`]: labelRoute,
  [`${P}/avatar`]: avatarRoute,
  [`${W}/api-tokens`]: apiTokensRoute,
  [`${W}/api-tokens/{tokenId}/revoke`]: revokeApiTokenRoute,
  [`${W}/panels`]: panelsRoute,
  // Static segments before {panelId}, as Next.js matches them.
  [`${W}/panels/import-council`]: importCouncilRoute,
  [`${W}/panels/axes-experiment`]: axesExperimentRoute,
  [`${W}/panels/{panelId}`]: panelRoute,
  [`${W}/panels/{panelId}/versions`]: panelVersionsRoute,
  [`${W}/panels/{panelId}/export-council`]: exportCouncilRoute,
  [`${W}/panels/{panelId}/spread-seats`]: spreadSeatsRoute,
  [`${W}/panels/{panelId}/preview`]: panelPreviewRoute,
  [`${W}/panels/{panelId}/sessions`]: panelSessionsRoute,
  [`${W}/panels/{panelId}/sessions/{sessionId}`]: panelSessionRoute,
  [`${W}/panels/{panelId}/comments`]: panelCommentsRoute,
  [`${W}/panels/{panelId}/comments/{commentId}/resolve`]: resolvePanelCommentRoute,
  [`${W}/panels/{panelId}/shares`]: panelSharesRoute,
  [`${W}/panels/{panelId}/shares/{shareId}/revoke`]: revokePanelShareRoute,
  [`${W}/panels/{panelId}/reviews`]: panelReviewsRoute,
  [`${W}/panels/{panelId}/reviews/versions/{number}`]: panelVersionReviewRoute,
  [`${W}/panels/{panelId}/reviews/versions/{number}/decision`]: decidePanelVersionRoute,
  [`${W}/panels/{panelId}/reviews/requests/{requestId}/withdraw`]: withdrawPanelReviewRoute,
  [`${W}/panels/{panelId}/runs`]: panelRunsRoute,
  [`${W}/panels/{panelId}/runs/estimate`]: panelRunEstimateRoute,
  [`${W}/panels/{panelId}/runs/{runId}`]: panelRunRoute,
  [`${W}/panels/{panelId}/runs/{runId}/report`]: panelReportRoute,
  [`${W}/panels/{panelId}/runs/{runId}/cancel`]: cancelPanelRunRoute,
  [`${W}/panels/{panelId}/runs/{runId}/resume`]: resumePanelRunRoute,
};

export const allOps = Object.values(ops) as Operation[];

function templateRegex(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { regex: new RegExp(`^${source}$`), names };
}

/** Finds the route for a concrete path, like Next's file-system router. */
export function matchRoute(pathname: string): { template: string; module: RouteModule; params: Record<string, string> } {
  for (const [template, module] of Object.entries(ROUTES)) {
    const { regex, names } = templateRegex(template);
    const m = regex.exec(pathname);
    if (m) {
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      return { template, module, params };
    }
  }
  throw new Error(`No route serves ${pathname}; add it to ROUTES in tests/factories/api.ts`);
}

/** "/api/workspaces/{workspaceId}" + { workspaceId: "w1" } → "/api/workspaces/w1" */
export function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`fillPath: no value for {${name}} in ${template}`);
    return encodeURIComponent(String(params[name]));
  });
}

export type ApiResponse = { status: number; body: unknown; headers: Headers };

export type SendOptions = {
  /** Serialised with JSON.stringify. */
  body?: unknown;
  /** Sent as-is (for malformed JSON). */
  rawBody?: string;
  query?: Record<string, string | number>;
  /** Extra request headers, e.g. `authorization: Bearer ps_…` for API-token calls. */
  headers?: Record<string, string>;
};

export async function send(cookie: string | null, method: Method, path: string, options: SendOptions = {}): Promise<ApiResponse> {
  const url = new URL(path, BASE_URL);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
  const { module, params } = matchRoute(url.pathname);
  const handler = module[method];
  if (!handler) throw new Error(`${method} is not exported by the route for ${url.pathname}`);
  const headers = new Headers({ origin: BASE_URL });
  if (cookie) headers.set("cookie", cookie);
  for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
  const hasBody = options.rawBody !== undefined || options.body !== undefined;
  if (hasBody) headers.set("content-type", "application/json");
  const request = new Request(url, {
    method,
    headers,
    body: hasBody ? (options.rawBody ?? JSON.stringify(options.body)) : undefined,
  });
  const res = await handler(request, { params: Promise.resolve(params) });
  const text = await res.text();
  // Streaming routes answer NDJSON: one event per line.
  const ndjson = res.headers.get("content-type")?.includes("ndjson");
  // Images (a persona's avatar) are bytes, not JSON: their text is returned as is.
  const image = res.headers.get("content-type")?.startsWith("image/");
  const body = !text ? null : ndjson ? text.trim().split("\n").map((l) => JSON.parse(l)) : image ? text : JSON.parse(text);
  // "Never a 500": any server error fails the test that caused it, whatever it expected.
  // 502 is the one deliberate exception: "the model endpoint failed", with its reason.
  if (res.status >= 500 && res.status !== 502) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return { status: res.status, body, headers: res.headers };
}

/**
 * A request exactly as given (no default Origin or Content-Type), answered by the route's handler:
 * for the header checks (CSRF, JSON only) and streamed bodies (size caps).
 */
export async function rawSend(method: Method, path: string, init: { cookie?: string; headers?: Record<string, string>; body?: BodyInit } = {}): Promise<Response> {
  const url = new URL(path, BASE_URL);
  const { module, params } = matchRoute(url.pathname);
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  const request = new Request(url, { method, headers, body: init.body, duplex: "half" } as RequestInit);
  return module[method]!(request, { params: Promise.resolve(params) });
}

export function api(cookie: string | null) {
  return {
    get: (path: string, query?: SendOptions["query"]) => send(cookie, "GET", path, { query }),
    post: (path: string, body?: unknown) => send(cookie, "POST", path, { body }),
    patch: (path: string, body?: unknown) => send(cookie, "PATCH", path, { body }),
    delete: (path: string) => send(cookie, "DELETE", path),
    send: (method: Method, path: string, options?: SendOptions) => send(cookie, method, path, options),
  };
}

export type Api = ReturnType<typeof api>;

/** A client that authenticates with an API token (`Authorization: Bearer …`) instead of a session cookie. */
export function tokenApi(token: string): Api {
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (path, query) => send(null, "GET", path, { query, headers }),
    post: (path, body) => send(null, "POST", path, { body, headers }),
    patch: (path, body) => send(null, "PATCH", path, { body, headers }),
    delete: (path) => send(null, "DELETE", path, { headers }),
    send: (method, path, options) => send(null, method, path, { ...options, headers: { ...options?.headers, ...headers } }),
  };
}

/** Asserts the operation's success status and parses the body with its response schema. */
export function expectOk<O extends Operation>(op: O, res: ApiResponse): z.output<O["response"]> {
  const expected = res.status === 204 ? 204 : (op.status ?? 200);
  expect(res.status, `${op.id}: ${JSON.stringify(res.body)}`).toBe(expected);
  if (res.status === 204) expect(op.response.safeParse(null).success, `${op.id} answered 204 but its schema needs a body`).toBe(true);
  return op.response.parse(res.body) as z.output<O["response"]>;
}

/** Asserts an error status (and field, when given) and returns the parsed error body. */
export function expectError(res: ApiResponse, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const { error } = errorBodySchema.parse(res.body);
  if (field !== undefined) expect(error.field, error.message).toBe(field);
  return error as { code: ErrorCode; message: string; field?: string; details?: unknown };
}
