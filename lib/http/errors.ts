import { z } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors/app-error";

// The HTTP side of errors: zod issues → AppError, and the documented error body.
// The error type itself lives in lib/errors/app-error.ts (re-exported for the routes).

export { AppError, ERROR_STATUS, notFound, type ErrorCode } from "@/lib/errors/app-error";

/** "spec.traitTargets.empathetic" from a zod issue path, prefixed by where it came from. */
export function fromZodError(error: z.ZodError, where: "body" | "query" | "params"): AppError {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  const field = path || (where === "body" ? "body" : where);
  const message = issue ? `${field}: ${issue.message}` : "Invalid input";
  return new AppError(where === "params" ? "not_found" : "validation", where === "params" ? "Not found" : message, {
    field: where === "params" ? undefined : field,
  });
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
