import { createHash } from "node:crypto";
import type { ServedImage } from "@/lib/schemas/avatar";

// Conditional GETs for responses an application polls or a page shows often (a label's compiled
// prompt, a persona's avatar). The ETag is a hash of the exact bytes sent, so it is strong: it
// changes whenever the body does (another version, another persona name, the
// label moved again) and never otherwise.

/** A strong validator for these bytes: a quoted, truncated SHA-256. */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether If-None-Match names this ETag. RFC 9110 §13.1.2: a list of tags or `*`,
 * compared weakly (a `W/` prefix on either side does not matter for GET).
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => opaque(tag) === wanted);
}

/** An image a service describes (lib/schemas/avatar, ServedImage): 304 before its bytes are made when the caller holds them. */
export async function conditionalBytes(request: Request, image: ServedImage): Promise<Response> {
  const headers = { ETag: image.etag, "Cache-Control": image.cacheControl, Vary: "Authorization, Cookie" };
  if (ifNoneMatchHits(request.headers.get("if-none-match"), image.etag)) return new Response(null, { status: 304, headers });
  const bytes = await image.body();
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { status: 200, headers: { ...headers, "Content-Type": image.contentType, ...image.headers } });
}

/**
 * JSON with an ETag; 304 without a body when the caller already holds it. The
 * caching headers go on both answers (RFC 9110 §15.4.5).
 */
export function conditionalJson(request: Request, data: unknown, cacheControl: string): Response {
  const body = JSON.stringify(data);
  const etag = strongEtag(body);
  // The answer depends on who asks (a token or a session of this workspace): never shared across callers.
  const headers = { ETag: etag, "Cache-Control": cacheControl, Vary: "Authorization, Cookie" };
  if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
