import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { Operation } from "@/lib/http/operation";
import type { UserContext } from "@/lib/http/session";

// Creating POSTs with an Idempotency-Key: the first answer is stored and replayed.
// The row is inserted *before* the work runs, so its unique (scope, key) is the
// lock: a double click or a retry after a lost answer never does the work twice,
// in this process or any other sharing the database.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** 1–255 visible ASCII characters (a UUID is the usual choice). */
const KEY = /^[\x21-\x7e]{1,255}$/;

export async function withIdempotency(
  op: Operation, caller: UserContext, request: Request, bodyText: string, run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return run();
  if (!KEY.test(key)) {
    throw new AppError("validation", `${IDEMPOTENCY_HEADER}: must be 1–255 visible ASCII characters (a UUID works)`, { field: IDEMPOTENCY_HEADER });
  }
  const url = new URL(request.url);
  const scope = scopeOf(op, caller, url.pathname);
  const requestHash = createHash("sha256").update(`${request.method}\n${url.pathname}${url.search}\n${bodyText}`).digest("hex");
  await forgetExpired();

  const record = await claim(scope, key, op.id, requestHash);
  if ("replay" in record) return record.replay;

  let response: Response;
  try {
    response = await run();
  } catch (error) {
    // A deliberate 4xx answer is kept like any other; anything unexpected lets a retry run again.
    if (error instanceof AppError && error.status < 500) await finish(record.id, error.status, JSON.stringify(error.toJSON()));
    else await forget(record.id);
    throw error;
  }
  if (response.status >= 500) await forget(record.id);
  else await finish(record.id, response.status, await response.clone().text());
  return response;
}

/** Who the key belongs to: the API token or the person, within the workspace of the path. */
function scopeOf(op: Operation, caller: UserContext, pathname: string): string {
  const who = caller.apiToken ? `token:${caller.apiToken.id}` : `user:${caller.userId}`;
  const workspaceId = paramFromPath(op.path, pathname, "workspaceId");
  return workspaceId ? `${who}|ws:${workspaceId}` : who;
}

function paramFromPath(template: string, pathname: string, name: string): string | null {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), "([^/]+)"));
  const match = new RegExp(`^${source}$`).exec(pathname);
  const index = names.indexOf(name);
  return match && index >= 0 ? decodeURIComponent(match[index + 1]) : null;
}

type Claim = { id: string } | { replay: Response };

/** Inserts the record (we run the request) or explains what the existing one means. */
async function claim(scope: string, key: string, operation: string, requestHash: string): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const row = await db.idempotencyRecord.create({ data: { scope, key, operation, requestHash }, select: { id: true } });
      return { id: row.id };
    } catch (error) {
      if ((error as { code?: unknown })?.code !== "P2002") throw error;
    }
    const existing = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
    if (!existing) continue; // the first request failed and let go of the key meanwhile: try to take it
    if (existing.createdAt.getTime() < Date.now() - IDEMPOTENCY_TTL_MS) {
      await db.idempotencyRecord.deleteMany({ where: { id: existing.id } });
      continue;
    }
    if (existing.operation !== operation || existing.requestHash !== requestHash) {
      throw new AppError("idempotency_mismatch", `This ${IDEMPOTENCY_HEADER} was already used for a different request; send a new key for a new request`, { field: IDEMPOTENCY_HEADER });
    }
    if (existing.status === null) {
      throw new AppError("conflict", `A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry when it has finished`, { headers: { "Retry-After": "1" } });
    }
    return { replay: replay(existing.status, existing.body) };
  }
  throw new AppError("conflict", `A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry when it has finished`, { headers: { "Retry-After": "1" } });
}

function replay(status: number, body: string | null): Response {
  const headers: Record<string, string> = { [REPLAYED_HEADER]: "true" };
  if (body) headers["Content-Type"] = "application/json";
  return new Response(status === 204 || !body ? null : body, { status, headers });
}

async function finish(id: string, status: number, body: string): Promise<void> {
  await db.idempotencyRecord.update({ where: { id }, data: { status, body } });
}

async function forget(id: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { id } });
}

let lastSweep = 0;

/** Opportunistic clean-up, at most once a minute per process. */
async function forgetExpired(): Promise<void> {
  const now = Date.now();
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - IDEMPOTENCY_TTL_MS) } } });
}
