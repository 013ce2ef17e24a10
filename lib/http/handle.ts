import "server-only";
import { z } from "zod";
import { AppError, fromZodError } from "@/lib/http/errors";
import type { Operation } from "@/lib/http/operation";
import { withIdempotency } from "@/lib/http/idempotency";
import { meterCost } from "@/lib/http/rate-limit";
import { assertSameOriginWrite, bodyLimitFor, readBodyCapped, unknownFields } from "@/lib/http/request-guards";
import { requireUser, tokenWorkspace, type UserContext } from "@/lib/http/session";
import { requireRole, resolveWorkspace, type WorkspaceContext } from "@/lib/services/workspaces/access";
import { logger, type Logger } from "@/lib/log/logger.mjs";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id.mjs";

// The one wrapper every API route goes through: authenticate, resolve the
// workspace (non-members get 404), check the role, validate params/query/body
// with the operation's zod schemas, call the service, map errors to JSON.
// An API token (Bearer) counts on workspace routes only, in its own workspace.
// Every request gets a request id (X-Request-Id, echoed) and one log line naming
// the route's template, never the raw URL (share tokens are part of some paths).

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

type Ctx<O> = O extends { auth: "workspace" } ? WorkspaceContext : O extends { auth: "public" } ? null : UserContext;

export type HandlerInput<O extends Operation> = {
  ctx: Ctx<O>;
  params: Infer<O["params"]>;
  query: Infer<O["query"]>;
  body: Infer<O["body"]>;
  request: Request;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type HandleOptions<O extends Operation = Operation> = {
  /** The route needs a signed-in person: API-token callers get 403 with this reason. */
  sessionOnly?: string;
  /** A costly route making several model calls: how many units of its bucket this request takes (default 1). */
  costPoints?: (input: Pick<HandlerInput<O>, "ctx" | "params" | "body">) => Promise<number>;
};

export function handle<O extends Operation>(
  op: O,
  fn: (input: HandlerInput<O>) => Promise<z.input<O["response"]> | Response | undefined | void>,
  options: HandleOptions<O> = {},
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const seen: Seen = { log: logger.child({ requestId }) };
    let response: Response;
    try {
      response = await serve(op, fn, options, request, context, seen);
    } catch (error) {
      response = errorResponse(error, seen);
    }
    response = withHeader(response, "X-Request-Id", requestId);
    logRequest(op, request, response, seen, performance.now() - started);
    return response;
  };
}

/** What the wrapper learned about a request, for its log line. */
type Seen = { log: Logger; userId?: string; workspaceId?: string; code?: string };

async function serve<O extends Operation>(
  op: O,
  fn: (input: HandlerInput<O>) => Promise<z.input<O["response"]> | Response | undefined | void>,
  options: HandleOptions<O>,
  request: Request,
  context: RouteContext,
  seen: Seen,
): Promise<Response> {
  const rawParams = (await context?.params) ?? {};
  if (op.auth === "public") {
    // No session: the params (a share token) are the credential, so a malformed one is simply not found.
    try {
      const params = op.params ? parse(op.params, rawParams, "params") : undefined;
      const query = op.query ? parse(op.query, Object.fromEntries(new URL(request.url).searchParams), "query") : undefined;
      const result = await fn({ ctx: null, params, query, body: undefined, request } as HandlerInput<O>);
      return result instanceof Response ? result : Response.json(result, { status: op.status ?? 200, headers: PUBLIC_HEADERS });
    } catch (error) {
      // Malformed, unknown, revoked, expired: the same bytes and headers, so a probe learns nothing.
      if (error instanceof AppError && error.code === "not_found") return Response.json(PUBLIC_GONE, { status: 404, headers: PUBLIC_HEADERS });
      throw error;
    }
  }
  const workspaceId = op.auth === "workspace" ? String(rawParams.workspaceId ?? "") : undefined;
  const { user, role } = await requireUser(request.headers, workspaceId);
  seen.userId = user.userId;
  // Cookie-authenticated writes must come from the studio's own pages (CSRF); Bearer calls are exempt.
  if (!user.apiToken) assertSameOriginWrite(request);
  const params = op.params ? parse(op.params, rawParams, "params") : undefined;
  let ctx: UserContext | WorkspaceContext = user;
  if (workspaceId !== undefined) {
    const wctx = user.apiToken ? tokenWorkspace(user, user.apiToken, workspaceId) : await resolveWorkspace(user, workspaceId, role);
    if (user.apiToken && options.sessionOnly) throw new AppError("forbidden", options.sessionOnly);
    seen.workspaceId = wctx.workspaceId;
    requireRole(wctx, op.role ?? "viewer");
    ctx = wctx;
  } else if (user.apiToken) {
    throw new AppError("unauthorized", "API tokens work on workspace routes only");
  }
  const query = op.query
    ? parse(op.query, Object.fromEntries(new URL(request.url).searchParams), "query")
    : undefined;
  const bodyText = op.body || request.body ? await readBodyCapped(request, bodyLimitFor(op)) : "";
  const body = op.body ? parseBody(op.body, bodyText) : refuseBody(bodyText);
  const points = op.cost && options.costPoints ? await options.costPoints({ ctx, params, body } as HandlerInput<O>) : 1;
  const limitHeaders = op.cost ? await meterCost(op, ctx, points) : {};
  const run = async (): Promise<Response> => {
    const result = await fn({ ctx, params, query, body, request } as HandlerInput<O>);
    if (result === undefined) return new Response(null, { status: 204, headers: limitHeaders });
    if (result instanceof Response) {
      for (const [k, v] of Object.entries(limitHeaders)) result.headers.set(k, v);
      return result; // streams build their own response
    }
    return Response.json(result, { status: op.status ?? 200, headers: limitHeaders });
  };
  return op.idempotent ? await withIdempotency(op, user, request, bodyText, run) : await run();
}

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // A response with immutable headers (one passed through from fetch): the same body and status, our headers.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

function logRequest(op: Operation, request: Request, response: Response, seen: Seen, ms: number): void {
  const fields = {
    method: request.method,
    route: op.path,
    operation: op.id,
    status: response.status,
    durationMs: Math.round(ms * 10) / 10,
    workspaceId: seen.workspaceId,
    userId: seen.userId,
    code: seen.code,
  };
  // A 500's stack was logged where it was caught; this is its summary. 502–504 are states of
  // something else (a model endpoint failed, draining, database down), not bugs here.
  if (response.status >= 502 && response.status <= 504) seen.log.warn(fields, "request");
  else if (response.status >= 500) seen.log.error(fields, "request failed");
  else if (op.quietLog && response.ok) seen.log.debug(fields, "request");
  else seen.log.info(fields, "request");
}

/** Public responses are per-token secrets: never cached by shared caches, never sent as a referrer. */
const PUBLIC_HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };
const PUBLIC_GONE = new AppError("not_found", "This link does not exist, has expired or was revoked").toJSON();

function parse<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query" | "params"): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, where, value);
  return result.data;
}

/** A JSON body that must be present, parsed by the schema; fields the schema does not know are refused. */
function parseBody<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  if (!text.trim()) throw new AppError("validation", "body: a JSON body is required", { field: "body" });
  const value = parseJson(text);
  const data = parse(schema, value, "body");
  const unknown = unknownFields(value, data);
  if (unknown.length) throw new AppError("validation", `${unknown[0]}: unknown field`, { field: unknown[0] });
  return data;
}

/** An operation without a body schema takes no fields: nothing, or `{}`. */
function refuseBody(text: string): undefined {
  if (!text.trim()) return undefined;
  const value = parseJson(text);
  const field = unknownFields(value, {})[0] ?? (JSON.stringify(value) === "{}" ? undefined : "body");
  if (field) throw new AppError("validation", `${field}: unknown field (this operation takes no body)`, { field });
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON", { field: "body" });
  }
}

/** The documented error answer; unexpected errors are logged with their stack (and the request id, when `seen` has it). */
export function errorResponse(error: unknown, seen: Pick<Seen, "log" | "code"> = { log: logger }): Response {
  if (error instanceof AppError) {
    seen.code = error.code;
    return Response.json(error.toJSON(), { status: error.status, headers: error.headers });
  }
  if ((error as Error)?.name === "EncryptionKeyMissingError") {
    // The key file vanished while the studio ran: the operator's problem to fix, said without paths.
    seen.code = "key_unreadable";
    seen.log.error({ err: error }, "encryption key missing");
    const e = new AppError("key_unreadable", "The studio's encryption key is missing, so API keys cannot be stored or read; ask the administrator to restore it (README: Secrets and backups)", { field: "apiKey" });
    return Response.json(e.toJSON(), { status: e.status });
  }
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === "P2002") {
    seen.code = "conflict";
    const e = new AppError("conflict", "Someone else changed this at the same moment; reload and try again");
    return Response.json(e.toJSON(), { status: 409 });
  }
  if (prismaCode === "P2025") {
    seen.code = "not_found";
    const e = new AppError("not_found", "Not found");
    return Response.json(e.toJSON(), { status: 404 });
  }
  seen.code = "internal";
  seen.log.error({ err: error }, "unexpected error");
  const e = new AppError("internal", "Something went wrong on our side; the error was logged");
  return Response.json(e.toJSON(), { status: 500 });
}
