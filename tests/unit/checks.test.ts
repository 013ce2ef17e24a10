import { describe, expect, it } from "vitest";
import { describeCheck, passes, runChecks } from "@/lib/probing/checks";
import { checkSchema, scenarioSchema } from "@/lib/schemas/scenario";

describe("deterministic checks", () => {
  it("contains and not_contains ignore case", () => {
    expect(passes({ id: "c1", type: "contains", value: "30-day" }, "Our 30-DAY window has passed.")).toBe(true);
    expect(passes({ id: "c1", type: "contains", value: "30-day" }, "Thirty days have passed.")).toBe(false);
    expect(passes({ id: "c2", type: "not_contains", value: "exception" }, "I can make an Exception")).toBe(false);
    expect(passes({ id: "c2", type: "not_contains", value: "exception" }, "Policy is policy.")).toBe(true);
  });
  it("regex uses its flags", () => {
    expect(passes({ id: "r", type: "regex", value: "^sorry", flags: "i" }, "Sorry to hear that")).toBe(true);
    expect(passes({ id: "r", type: "regex", value: "^sorry" }, "Sorry to hear that")).toBe(false);
  });
  it("max_length counts characters, not UTF-16 units", () => {
    expect(passes({ id: "m", type: "max_length", value: 3 }, "😀😀😀")).toBe(true);
    expect(passes({ id: "m", type: "max_length", value: 3 }, "abcd")).toBe(false);
  });
  it("asks_question needs a question mark ending a sentence, not one in a URL or code", () => {
    expect(passes({ id: "q", type: "asks_question" }, "Could you share the order number? Thanks.")).toBe(true);
    expect(passes({ id: "q", type: "asks_question" }, "See https://x.test/?a=1 for details.")).toBe(false);
    expect(passes({ id: "q", type: "asks_question" }, "Use `a ? b : c` here.")).toBe(false);
    expect(passes({ id: "q", type: "asks_question" }, "What is the order number?")).toBe(true);
  });
  it("runChecks keeps the scenario's order; describeCheck prefers the label", () => {
    const checks = [{ id: "a", type: "contains" as const, value: "refund", label: "mentions the refund" }, { id: "b", type: "max_length" as const, value: 5 }];
    expect(runChecks(checks, "refund please")).toEqual([{ id: "a", pass: true }, { id: "b", pass: false }]);
    expect(describeCheck(checks[0])).toBe("mentions the refund");
    expect(describeCheck(checks[1])).toBe("at most 5 characters");
    expect(runChecks(undefined, "x")).toEqual([]);
  });
  it("the schema rejects a bad regex and bad flags, naming the problem", () => {
    const bad = checkSchema.safeParse({ id: "r", type: "regex", value: "(" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/regular expression/);
    expect(checkSchema.safeParse({ id: "r", type: "regex", value: "a", flags: "g" }).success).toBe(false);
    expect(scenarioSchema.safeParse({ id: "s1", message: "hi", checks: [{ id: "a", type: "asks_question" }, { id: "a", type: "asks_question" }] }).success).toBe(false);
  });
});
