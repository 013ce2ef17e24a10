import type { Check } from "@/lib/schemas/scenario";

// Deterministic checks on an answer (issue 12 §3): rules a designer attaches to
// a scenario ("mentions the 30-day policy", "at most 600 characters"), read off
// the answer text with no model call. The same function grades the live
// preview, a probe's scenario answers and the promptfoo export's meaning.

export type CheckResult = { id: string; pass: boolean };

/** A sentence that asks: a "?" at the end of a sentence (not inside a URL or a code span's middle). */
export const QUESTION = /\?(?=\s|$|["'”’)\]*_])/;
/** Inline code spans, removed before looking for a question (a "?" in code asks nothing). */
export const CODE_SPAN = /`[^`]*`/g;

function regexOf(check: Extract<Check, { type: "regex" }>): RegExp | null {
  try {
    return new RegExp(check.value, check.flags ?? "");
  } catch {
    return null;
  }
}

/** Whether one answer passes one check. An invalid regex (never saved, but possible in old data) fails. */
export function passes(check: Check, answer: string): boolean {
  switch (check.type) {
    case "contains": return answer.toLowerCase().includes(check.value.toLowerCase());
    case "not_contains": return !answer.toLowerCase().includes(check.value.toLowerCase());
    case "regex": return regexOf(check)?.test(answer) ?? false;
    case "max_length": return [...answer].length <= check.value;
    case "asks_question": return QUESTION.test(answer.replace(CODE_SPAN, ""));
  }
}

/** Every check of a scenario on one answer, in the scenario's order. */
export function runChecks(checks: readonly Check[] | undefined, answer: string): CheckResult[] {
  return (checks ?? []).map((c) => ({ id: c.id, pass: passes(c, answer) }));
}

/** A check in words when it has no label: 'contains "30 days"', 'at most 600 characters'. */
export function describeCheck(check: Check): string {
  if (check.label) return check.label;
  switch (check.type) {
    case "contains": return `contains "${check.value}"`;
    case "not_contains": return `does not contain "${check.value}"`;
    case "regex": return `matches /${check.value}/${check.flags ?? ""}`;
    case "max_length": return `at most ${check.value} characters`;
    case "asks_question": return "asks a question";
  }
}
