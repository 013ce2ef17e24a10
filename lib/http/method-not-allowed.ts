import "server-only";
import { AppError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";

// 405 in the documented error shape. Every route file under app/api ends with
// `export * from "@/lib/http/method-not-allowed";`: a file's own `export const GET`
// shadows the star export (ES modules), so only the methods it lacks answer 405,
// with an `Allow` header listing the ones it has — looked up in the ops registry.

/** Routes outside the registry (not API operations) and their methods. */
const UNLISTED: Record<string, string[]> = { "/api/openapi.json": ["GET"] };

const TEMPLATES = [
  ...Object.values(ops).map((op) => ({ path: op.path, method: op.method as string })),
  ...Object.entries(UNLISTED).flatMap(([path, methods]) => methods.map((method) => ({ path, method }))),
].map((t) => ({ ...t, params: (t.path.match(/\{/g) ?? []).length, regex: new RegExp(`^${t.path.replace(/\{\w+\}/g, "[^/]+")}$`) }));

/** The methods served at a concrete path; static segments win over parameters, as in Next's router. */
export function allowedMethods(pathname: string): string[] {
  const matches = TEMPLATES.filter((t) => t.regex.test(pathname.replace(/\/+$/, "") || "/"));
  if (!matches.length) return [];
  const fewest = Math.min(...matches.map((t) => t.params));
  const methods = new Set(matches.filter((t) => t.params === fewest).map((t) => t.method));
  return ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => methods.has(m));
}

async function methodNotAllowed(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const allow = allowedMethods(pathname);
  const message = allow.length
    ? `${request.method} is not allowed here; this route answers ${allow.join(", ")}`
    : `${request.method} is not allowed here`;
  return errorResponse(new AppError("method_not_allowed", message, { headers: { Allow: allow.join(", ") } }));
}

export const GET = methodNotAllowed;
export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
