import { CODE_SPAN, describeCheck, QUESTION } from "@/lib/probing/checks";
import type { Check } from "@/lib/schemas/scenario";

// A scenario's checks as promptfoo asserts that mean what the studio's
// evaluator (lib/probing/checks.ts `passes`) means on the same output:
//   contains → icontains, not_contains → not-icontains, regex (no flags) → regex,
//   regex with flags, max_length and asks_question → a one-line `javascript`
//   expression over `output`.
// promptfoo renders assertion values with Nunjucks, so a value holding template
// syntax goes into a javascript expression instead, with its braces written as
// \u escapes: the code never contains "{{", "{%" or "{#", and means the same text.

export type PromptfooAssert = { type: "icontains" | "not-icontains" | "regex" | "javascript"; value: string; metric: string };

const TEMPLATE = /\{\{|\{%|\{#/;

/** A JavaScript string literal with no braces in its source text. */
export function jsString(text: string): string {
  return JSON.stringify(text).replace(/[{}]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The javascript expression equal to `passes(check, output)`. */
export function checkExpression(check: Check): string {
  switch (check.type) {
    case "contains": return `output.toLowerCase().includes(${jsString(check.value.toLowerCase())})`;
    case "not_contains": return `!output.toLowerCase().includes(${jsString(check.value.toLowerCase())})`;
    case "regex": return `new RegExp(${jsString(check.value)}, ${jsString(check.flags ?? "")}).test(output)`;
    // Characters (code points), not UTF-16 units: "😀" is one.
    case "max_length": return `[...output].length <= ${check.value}`;
    case "asks_question": return `${QUESTION}.test(output.replace(${CODE_SPAN}, ""))`;
  }
}

export function checkAssert(check: Check): PromptfooAssert {
  const metric = describeCheck(check);
  const plain = check.type !== "max_length" && check.type !== "asks_question" && !TEMPLATE.test(check.value);
  if (plain && check.type === "contains") return { type: "icontains", value: check.value, metric };
  if (plain && check.type === "not_contains") return { type: "not-icontains", value: check.value, metric };
  if (plain && check.type === "regex" && !check.flags) return { type: "regex", value: check.value, metric };
  return { type: "javascript", value: checkExpression(check), metric };
}
