import { ApiError } from "@/lib/query/api";

/**
 * The server's message for `field`, or null when the error belongs elsewhere.
 * Validation messages arrive as "email: Enter an email address"; next to the
 * field itself the prefix only repeats the label, so it is dropped.
 */
export function fieldError(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError) || error.field !== field) return null;
  const prefix = `${field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** Errors not tied to one of the form's `fields` (permission, network, …), shown under the form. */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? error.field && fields.includes(error.field) ? null : error.message
      : "Something went wrong; please try again";
  return message ? <p className="text-xs text-rose-600" role="alert">{message}</p> : null;
}
