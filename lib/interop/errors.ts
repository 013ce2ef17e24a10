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

/**
 * How deep arrays and objects may nest in an imported file. Real cards nest a
 * handful of levels (a lorebook entry's extensions); the limit only has to keep
 * the recursive steps after parsing (validation, structuredClone, stringify)
 * far from the stack limit, where 10,000 levels end in a RangeError.
 */
export const MAX_JSON_DEPTH = 64;

const STRUCTURAL = /["[\]{}]/g;

/**
 * Throws an InteropError when the JSON text nests deeper than `max`. A single
 * scan without recursion (or JSON.parse): strings are skipped with indexOf,
 * so brackets inside text do not count.
 */
export function assertJsonDepth(text: string, field = "json", max = MAX_JSON_DEPTH): void {
  let depth = 0;
  STRUCTURAL.lastIndex = 0;
  for (let m = STRUCTURAL.exec(text); m; m = STRUCTURAL.exec(text)) {
    const c = m[0];
    if (c === '"') {
      let end = m.index;
      do end = text.indexOf('"', end + 1);
      while (end > 0 && isEscaped(text, end));
      if (end < 0) return; // an unterminated string: JSON.parse says so
      STRUCTURAL.lastIndex = end + 1;
    } else if (c === "[" || c === "{") {
      if (++depth > max) throw new InteropError(field, `The JSON nests deeper than ${max} levels; a card or export never needs that many`);
    } else depth--;
  }
}

/** Whether the quote at `at` is escaped: an odd number of backslashes before it. */
function isEscaped(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === 92) i--;
  return (at - 1 - i) % 2 === 1;
}

/** JSON.parse that says where the text stops being JSON instead of throwing a SyntaxError; too deep a nesting is refused first. */
export function parseJson(text: string, field = "json"): unknown {
  assertJsonDepth(text, field);
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
