import type { z } from "zod";

// One error type for every import and export. `field` is a dotted path into
// the input ("data.description", "png.chunk", "versions.0.spec.name") so the
// UI and the route wrapper can point at what is wrong; the message is for people.

export class InteropError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InteropError";
  }

  toJSON() {
    return { field: this.field, message: this.message };
  }
}

/** Something an import did that the person should know about (a shortened text, a dropped line). */
export type InteropWarning = { field: string; message: string };

export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join(".");
}

/** The first zod issue as an InteropError; `prefix` says where the validated value sits in the input. */
export function fromZodError(error: z.ZodError, prefix: string): InteropError {
  const issue = error.issues[0];
  const field = joinPath(prefix, issue?.path ?? []) || prefix || "input";
  return new InteropError(field, `${field}: ${issue?.message ?? "invalid value"}`);
}

/** Parses with `schema`, throwing an InteropError that names the first bad field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

/** JSON.parse that says where the text stops being JSON instead of throwing a SyntaxError. */
export function parseJson(text: string, field = "json"): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InteropError(field, `The file is not valid JSON (${detail})`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** zod 4 `error` option: "is missing" for an absent field, the type mismatch otherwise. */
export const missingOr = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is missing" : `must be ${expected}, not ${describeType(issue.input)}`;

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
