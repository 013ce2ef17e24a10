import { z } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors/app-error";
import { humanIssue } from "@/lib/errors/human-issue";

// The HTTP side of errors: zod issues → AppError, and the documented error body.
// The error type itself lives in lib/errors/app-error.ts (re-exported for the routes).

export { AppError, ERROR_STATUS, notFound, type ErrorCode } from "@/lib/errors/app-error";

/**
 * The first zod issue as a 422 (a 404 for path parameters). `field` keeps the machine path
 * ("spec.traitTargets.empathetic") for clients; `message` says it in words for people
 * ("Background is too long: 4,213 characters, the limit is 4,000"). `input` is what was
 * parsed, so a too-long text can say how long it is.
 */
export function fromZodError(error: z.ZodError, where: "body" | "query" | "params", input?: unknown): AppError {
  if (where === "params") return new AppError("not_found", "Not found");
  const issue = error.issues[0];
  if (!issue) return new AppError("validation", "The request is not valid", { field: where });
  const field = issue.path.map(String).join(".") || where;
  const label = issue.path.length === 0 && issue.code !== "unrecognized_keys" ? (where === "body" ? "The request body" : "The query") : undefined;
  return new AppError("validation", humanIssue(issue, { input, label }), { field });
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
