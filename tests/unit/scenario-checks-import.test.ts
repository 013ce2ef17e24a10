import { describe, expect, it } from "vitest";
import { csvChecks } from "@/lib/persona/scenario-checks-import";
import { describeImportError, importScenarios } from "@/lib/persona/scenarios-import";

const strip = (checks: unknown) => (checks as { id: string }[] | undefined)?.map(({ id: _id, ...rest }) => rest);

describe("scenario import · checks in CSV columns", () => {
  it("turns contains / not_contains phrases, a regex, max_length and asks_question into checks with fresh ids", () => {
    const csv = [
      "message,contains,not_contains,regex,max_length,asks_question",
      'Refund me,30-day; store credit,exception,/^sorry/i,600,yes',
      "Manager now,,,,,no",
      'Hi,,,"order\\s+#\\d+",,',
    ].join("\n");
    const { scenarios, errors } = importScenarios("csv", csv);
    expect(errors).toEqual([]);
    expect(strip(scenarios[0].checks)).toEqual([
      { type: "contains", value: "30-day" },
      { type: "contains", value: "store credit" },
      { type: "not_contains", value: "exception" },
      { type: "regex", value: "^sorry", flags: "i" },
      { type: "max_length", value: 600 },
      { type: "asks_question" },
    ]);
    expect(new Set(scenarios[0].checks!.map((c) => c.id)).size).toBe(6);
    expect(scenarios[0].checks!.every((c) => /^s[0-9a-z]{6}$/.test(c.id))).toBe(true);
    expect(scenarios[1].checks).toBeUndefined();
    expect(strip(scenarios[2].checks)).toEqual([{ type: "regex", value: "order\\s+#\\d+" }]);
  });

  it("names the line and the column of a bad check, and imports nothing", () => {
    const csv = ["message,regex,max_length,asks_question", "ok,,,", "bad regex,(unclosed,,", "bad length,,-3,", "bad flag,/x/g,,", "bad answer,,,maybe"].join("\n");
    const { scenarios, errors } = importScenarios("csv", csv);
    expect(scenarios).toEqual([]);
    expect(errors.map(describeImportError)).toEqual([
      "line 3 (regex): Not a valid regular expression",
      "line 4 (max_length): max_length is a whole number of characters from 1 to 20000",
      "line 5 (regex): Regex flags may be i, m and s",
      'line 6 (asks_question): asks_question is "yes" or "no"',
    ]);
  });

  it("leaves a row without check columns without checks", () => {
    expect(csvChecks({})).toEqual({ checks: undefined });
    expect(csvChecks({ contains: " ; ;", asks_question: "" })).toEqual({ checks: undefined });
  });
});

describe("scenario import · checks in JSONL", () => {
  it("keeps checks as the spec writes them, giving ids to those without", () => {
    const line = JSON.stringify({
      message: "Refund me",
      checks: [{ id: "policy", type: "contains", value: "30-day", label: "mentions the 30-day policy" }, { type: "max_length", value: 600 }],
    });
    const { scenarios, errors } = importScenarios("jsonl", line);
    expect(errors).toEqual([]);
    expect(scenarios[0].checks![0]).toEqual({ id: "policy", type: "contains", value: "30-day", label: "mentions the 30-day policy" });
    expect(scenarios[0].checks![1]).toMatchObject({ type: "max_length", value: 600, id: expect.stringMatching(/^s[0-9a-z]{6}$/) });
  });

  it("reports a bad regex, an unknown type and too many checks with their line and field", () => {
    const text = [
      JSON.stringify({ message: "fine", checks: [{ type: "asks_question" }] }),
      JSON.stringify({ message: "bad regex", checks: [{ type: "contains", value: "x" }, { type: "regex", value: "([a-z]" }] }),
      JSON.stringify({ message: "unknown", checks: [{ type: "sounds_nice" }] }),
      JSON.stringify({ message: "many", checks: Array.from({ length: 11 }, () => ({ type: "asks_question" })) }),
    ].join("\n");
    const { scenarios, errors } = importScenarios("jsonl", text);
    expect(scenarios).toEqual([]);
    expect(errors[0]).toEqual({ line: 2, field: "checks.1.value", message: "Not a valid regular expression" });
    expect(errors.slice(1).map((e) => [e.line, e.field])).toEqual([[3, "checks.0.type"], [4, "checks"]]);
    expect(describeImportError(errors[0])).toBe("line 2 (checks.1.value): Not a valid regular expression");
  });
});
