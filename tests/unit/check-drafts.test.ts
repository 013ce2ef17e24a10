import { describe, expect, it } from "vitest";
import { checkFromDraft, committedChecks, draftOf, newCheckDraft, withType, type CheckDraft } from "@/lib/persona/check-drafts";
import { checkRows, checkSummary } from "@/lib/probing/chart-prep";
import { personaSpecSchema, emptySpec } from "@/lib/schemas/persona";
import type { Check } from "@/lib/schemas/scenario";

const row = (p: Partial<CheckDraft>): CheckDraft => ({ id: "c1", type: "contains", value: "", flags: "", label: "", ...p });

describe("check drafts (the composer's check rows)", () => {
  it("turns valid rows into checks, label trimmed and optional", () => {
    expect(checkFromDraft(row({ value: "30-day", label: "  mentions the 30-day policy " }))).toEqual({
      check: { id: "c1", type: "contains", value: "30-day", label: "mentions the 30-day policy" },
    });
    expect(checkFromDraft(row({ type: "regex", value: "^sorry", flags: "i" })).check).toEqual({ id: "c1", type: "regex", value: "^sorry", flags: "i" });
    expect(checkFromDraft(row({ type: "max_length", value: "600" })).check).toEqual({ id: "c1", type: "max_length", value: 600 });
    expect(checkFromDraft(row({ type: "asks_question", value: "ignored" })).check).toEqual({ id: "c1", type: "asks_question" });
  });

  it("says what is wrong in plain words, on the field it belongs to", () => {
    expect(checkFromDraft(row({ type: "regex", value: "(unclosed" })).error).toEqual({ field: "value", message: "Not a valid regular expression" });
    expect(checkFromDraft(row({ type: "regex", value: "x", flags: "g" })).error).toEqual({ field: "flags", message: "Regex flags may be i, m and s" });
    expect(checkFromDraft(row({ value: "" })).error).toEqual({ field: "value", message: "Write the text to look for" });
    expect(checkFromDraft(row({ type: "max_length", value: "0" })).error?.field).toBe("value");
    expect(checkFromDraft(row({ type: "max_length", value: "1.5" })).error?.message).toMatch(/whole number/);
    expect(checkFromDraft(row({ value: "x", label: "l".repeat(121) })).error?.field).toBe("label");
  });

  it("puts only the valid rows in the spec, so an invalid one never blocks saving the draft", () => {
    const drafts = [row({ id: "a", value: "refund" }), row({ id: "b", type: "regex", value: "([a-z]" }), row({ id: "c", type: "asks_question" })];
    const checks = committedChecks(drafts);
    expect(checks?.map((c) => c.id)).toEqual(["a", "c"]);
    const spec = { ...emptySpec("Refunds"), scenarios: [{ id: "s1", message: "Refund me", checks }] };
    expect(personaSpecSchema.safeParse(spec).success).toBe(true);
    expect(committedChecks([row({ value: "" })])).toBeUndefined();
  });

  it("round-trips saved checks and switches types sensibly", () => {
    const saved: Check[] = [
      { id: "a", type: "regex", value: "x", flags: "im", label: "L" },
      { id: "b", type: "max_length", value: 300 },
      { id: "c", type: "asks_question" },
    ];
    expect(committedChecks(saved.map(draftOf))).toEqual(saved);
    expect(withType(row({ value: "refund" }), "max_length").value).toBe("600");
    expect(withType(row({ type: "max_length", value: "300" }), "contains").value).toBe("");
    expect(withType(row({ type: "regex", value: "x", flags: "i" }), "contains")).toMatchObject({ value: "x", flags: "" });
  });

  it("gives new rows ids no other check of the scenario has", () => {
    let n = 0;
    const seq = [0.5, 0.5, 0.25];
    const random = () => seq[n++];
    const first = newCheckDraft([], random);
    expect(first.id).toMatch(/^s[0-9a-z]{6}$/);
    expect(newCheckDraft([first.id], random).id).not.toBe(first.id);
  });
});

describe("preview check marks (chart-prep)", () => {
  it("grades a finished answer against each check in order, named by its label or rule", () => {
    const checks: Check[] = [
      { id: "a", type: "contains", value: "30-day", label: "mentions the 30-day policy" },
      { id: "b", type: "max_length", value: 10 },
      { id: "c", type: "asks_question" },
    ];
    const rows = checkRows(checks, "Our 30-day policy has passed. Can I offer store credit?");
    expect(rows).toEqual([
      { id: "a", text: "mentions the 30-day policy", pass: true },
      { id: "b", text: "at most 10 characters", pass: false },
      { id: "c", text: "asks a question", pass: true },
    ]);
    expect(checkSummary(rows)).toBe("Checks: 2 of 3 pass");
    expect(checkRows(undefined, "anything")).toEqual([]);
  });
});
