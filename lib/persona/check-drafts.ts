import { checkSchema, newScenarioId, SCENARIO_LIMITS, type Check, type CheckType } from "@/lib/schemas/scenario";

// A scenario's checks as the composer edits them: every field is text, so a
// half-typed regex or an empty phrase can sit in the form with its error beside
// it while the draft's valid checks (and the rest of the spec) keep autosaving.
// Only checks that pass the schema reach the spec.

export type CheckDraft = { id: string; type: CheckType; value: string; flags: string; label: string };
export type CheckField = "value" | "flags" | "label";
export type CheckDraftResult = { check: Check; error?: undefined } | { check?: undefined; error: { field: CheckField; message: string } };

export const CHECK_TYPE_LABELS: Record<CheckType, string> = {
  contains: "Contains",
  not_contains: "Does not contain",
  regex: "Matches regex",
  max_length: "At most N characters",
  asks_question: "Asks a question",
};

const DEFAULT_MAX_LENGTH = "600";
const MAX_LENGTH = 20_000;

export function draftOf(check: Check): CheckDraft {
  return {
    id: check.id,
    type: check.type,
    value: check.type === "asks_question" ? "" : String(check.value),
    flags: check.type === "regex" ? (check.flags ?? "") : "",
    label: check.label ?? "",
  };
}

/** A fresh check row with an id no other check of the scenario has (same generator as scenario ids). */
export function newCheckDraft(taken: Iterable<string>, random?: () => number): CheckDraft {
  return { id: newScenarioId(new Set(taken), random), type: "contains", value: "", flags: "", label: "" };
}

/** Switching type keeps the text where it still makes sense and offers a length where it does not. */
export function withType(d: CheckDraft, type: CheckType): CheckDraft {
  const value = type === "max_length" ? (/^\d+$/.test(d.value) ? d.value : DEFAULT_MAX_LENGTH) : d.type === "max_length" ? "" : d.value;
  return { ...d, type, value, flags: type === "regex" ? d.flags : "" };
}

/** The check a row describes, or the first problem in plain words with the field it belongs to. */
export function checkFromDraft(d: CheckDraft): CheckDraftResult {
  const label = d.label.trim() ? d.label.trim() : undefined;
  let candidate: Record<string, unknown>;
  switch (d.type) {
    case "max_length": {
      const n = /^\s*\d+\s*$/.test(d.value) ? Number(d.value) : NaN;
      if (!(n >= 1 && n <= MAX_LENGTH)) return { error: { field: "value", message: `Write a whole number of characters, 1 to ${MAX_LENGTH}` } };
      candidate = { id: d.id, type: d.type, value: n, label };
      break;
    }
    case "asks_question":
      candidate = { id: d.id, type: d.type, label };
      break;
    case "regex":
      candidate = { id: d.id, type: d.type, value: d.value, ...(d.flags ? { flags: d.flags } : {}), label };
      break;
    default:
      candidate = { id: d.id, type: d.type, value: d.value, label };
  }
  if (label && label.length > SCENARIO_LIMITS.checkLabel) return { error: { field: "label", message: `Keep the label to ${SCENARIO_LIMITS.checkLabel} characters` } };
  const parsed = checkSchema.safeParse(candidate);
  if (parsed.success) return { check: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path[0] === "flags" ? "flags" : issue.path[0] === "label" ? "label" : "value";
  const message = field === "value" && d.value.length > SCENARIO_LIMITS.checkValue ? `Keep it to ${SCENARIO_LIMITS.checkValue} characters` : issue.message;
  return { error: { field, message } };
}

/** The checks that go into the spec: the valid rows, in order; none → undefined (the field stays absent). */
export function committedChecks(drafts: readonly CheckDraft[]): Check[] | undefined {
  const checks = drafts.map(checkFromDraft).flatMap((r) => (r.check ? [r.check] : []));
  return checks.length ? checks : undefined;
}
