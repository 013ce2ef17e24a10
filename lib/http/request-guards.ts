import "server-only";
import { env } from "@/lib/config/env";
import type { Operation } from "@/lib/http/operation";

// Checks every request passes before its body is parsed: same-origin cookie
// writes (CSRF), the body cap, unknown fields. Shared by handle() and the auth route.
// (Issue 10, items 2, 5 and 9 — filled in by the HTTP-pipeline work.)

/** Throws AppError("cross_origin" | "json_required") for a cookie-authenticated write that is not same-origin JSON. */
export function assertSameOriginWrite(_request: Request): void {}

/** The body as text, refused with 413 as soon as more than `limit` bytes arrive. */
export async function readBodyCapped(request: Request, _limit: number): Promise<string> {
  return request.text();
}

export function bodyLimitFor(op: Pick<Operation, "bodyLimit">): number {
  return op.bodyLimit === "import" ? env.importBodyLimitBytes : env.bodyLimitBytes;
}

/** Paths of fields present in the input but dropped by the schema ("budget", "spec.voice.pitch"). */
export function unknownFields(_input: unknown, _output: unknown): string[] {
  return [];
}
