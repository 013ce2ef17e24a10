import "server-only";
import { env } from "@/lib/config/env";
import { allowedOrigins } from "@/lib/config/origins";
import { AppError } from "@/lib/http/errors";
import type { Operation } from "@/lib/http/operation";

// Checks every request passes before its body is parsed: same-origin cookie
// writes (CSRF), the body cap, unknown fields. Shared by handle() and the auth route.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Throws AppError("cross_origin" | "json_required") for a cookie-authenticated write that is not same-origin JSON.
 * A browser always sends `Origin` on these methods; a page of another origin cannot forge it, and it cannot send
 * `application/json` cross-origin without a CORS preflight we never answer — so both together stop CSRF,
 * including the text/plain and urlencoded forms a page may submit without asking.
 */
export function assertSameOriginWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!allowedOrigins().includes(origin)) {
      throw new AppError("cross_origin", `Writes with a session cookie must come from the studio's own pages; this one came from ${origin.slice(0, 200)}. Scripts and CI use an API token (Authorization: Bearer …).`);
    }
  } else if (request.headers.get("sec-fetch-site") !== "same-origin") {
    throw new AppError("cross_origin", "Writes with a session cookie must come from the studio's own pages (the request has no Origin header). Scripts and CI use an API token (Authorization: Bearer …).");
  }
  const type = request.headers.get("content-type");
  if ((type !== null || declaresBody(request)) && !isJson(type)) {
    throw new AppError("json_required", `Send the body as JSON with Content-Type: application/json${type ? ` (not ${type.slice(0, 100)})` : ""}`);
  }
}

function isJson(type: string | null): boolean {
  return type?.split(";")[0].trim().toLowerCase() === "application/json";
}

/** True when the request says it has a body (a browser sends `Content-Length: 0` for a POST without one). */
export function declaresBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  return (length !== null && length.trim() !== "0") || request.headers.has("transfer-encoding");
}

export function payloadTooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is over the limit of ${formatBytes(limit)}`, { field: "body" });
}

/**
 * The body as text, refused with 413 as soon as more than `limit` bytes arrive: at once when
 * Content-Length says so, else while streaming — the reader is cancelled, so the rest is never pulled.
 */
export async function readBodyCapped(request: Request, limit: number): Promise<string> {
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > limit) throw payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, received).toString("utf8");
}

export function bodyLimitFor(op: Pick<Operation, "bodyLimit">): number {
  return op.bodyLimit === "import" ? env.importBodyLimitBytes : env.bodyLimitBytes;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Paths of fields present in the input but dropped by the schema ("budget", "spec.voice.pitch", "items.3.extra").
 * The raw JSON and the parsed output are walked together: zod objects strip unknown keys, so a key that
 * is in the input but not in the output object at the same place is one the schema does not know.
 * Records keep their keys and defaults only add keys, so neither is reported.
 */
export function unknownFields(input: unknown, output: unknown, path: string[] = []): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => (i < output.length ? unknownFields(item, output[i], [...path, String(i)]) : []));
  }
  if (!isObject(input) || !isObject(output)) return [];
  return Object.keys(input).flatMap((key) =>
    Object.hasOwn(output, key) ? unknownFields(input[key], output[key], [...path, key]) : [[...path, key].join(".")],
  );
}
