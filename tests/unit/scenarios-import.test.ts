import { describe, expect, it } from "vitest";
import { describeImportError, importIntoList, importScenarios, parseContext, parseCsv } from "@/lib/persona/scenarios-import";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and newlines, and keeps each row's first line", () => {
    const { rows, error } = parseCsv('a,b\r\n"x, y","He said ""no"""\r\n"line one\nline two",z\n');
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'He said "no"'] },
      { line: 3, cells: ["line one\nline two", "z"] },
    ]);
  });

  it("strips a BOM, skips blank lines and counts lines through them", () => {
    const { rows } = parseCsv("\uFEFFmessage\n\nhello\n\nworld");
    expect(rows).toEqual([{ line: 1, cells: ["message"] }, { line: 3, cells: ["hello"] }, { line: 5, cells: ["world"] }]);
  });

  it("reports an unclosed quote at the line where it opened", () => {
    expect(parseCsv('message\nok\n"never closed\nmore').error).toMatchObject({ line: 3 });
  });

  it("reports a stray quote inside an unquoted field", () => {
    expect(parseCsv('message\nsay "hi"').error).toMatchObject({ line: 2 });
  });
});

describe("parseContext", () => {
  it("reads role-prefixed lines, joining continuation lines to the turn above", () => {
    expect(parseContext("user: I want a refund\nassistant: When did you buy it?\nUser: 45 days ago\nit was a gift")).toEqual([
      { role: "user", content: "I want a refund" },
      { role: "assistant", content: "When did you buy it?" },
      { role: "user", content: "45 days ago\nit was a gift" },
    ]);
  });
  it("reads a JSON array and rejects text without roles", () => {
    expect(parseContext('[{"role":"user","content":"hi"}]')).toEqual([{ role: "user", content: "hi" }]);
    expect(typeof parseContext("just some text")).toBe("string");
    expect(typeof parseContext("[not json")).toBe("string");
  });
});

describe("importScenarios · CSV", () => {
  it("imports message, note, context and tags from a header row in any column order", () => {
    const csv = [
      "note,message,context,tags,extra",
      '"Names the 30-day policy, offers store credit","I bought this 45 days ago. Refund me.","user: hi\nassistant: Hello! How can I help?",refund;policy,ignored',
      ',Can I speak to a manager?,,,',
    ].join("\n");
    const { scenarios, errors } = importScenarios("csv", csv, { takenIds: [] });
    expect(errors).toEqual([]);
    expect(scenarios).toHaveLength(2);
    expect(scenarios[0]).toMatchObject({
      message: "I bought this 45 days ago. Refund me.",
      note: "Names the 30-day policy, offers store credit",
      context: [{ role: "user", content: "hi" }, { role: "assistant", content: "Hello! How can I help?" }],
      tags: ["refund", "policy"],
    });
    expect(scenarios[1].note).toBeUndefined();
    expect(scenarios[1].context).toBeUndefined();
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(2);
  });

  it("names the line and field of every bad row and imports nothing", () => {
    const csv = ['message,context', 'fine,', '"  ",', `${"x".repeat(2001)},`, 'ok,"free text without roles"'].join("\n");
    const { scenarios, errors } = importScenarios("csv", csv);
    expect(scenarios).toEqual([]);
    expect(errors.map(describeImportError)).toEqual([
      "line 3 (message): Write the user's message",
      expect.stringMatching(/^line 4 \(message\): /),
      expect.stringMatching(/^line 5 \(context\): /),
    ]);
  });

  it("counts lines inside multi-line quoted fields when naming a bad row", () => {
    const csv = 'message,note\n"first\nsecond\nthird",ok\n"",empty';
    expect(importScenarios("csv", csv).errors).toEqual([expect.objectContaining({ line: 5, field: "message" })]);
  });

  it("needs a message column", () => {
    expect(importScenarios("csv", "text,note\nhello,x").errors[0]).toMatchObject({ line: 1, message: expect.stringContaining("message") });
  });

  it("rejects more scenarios than there is room for, and more than six context turns", () => {
    const rows = ["message", "a", "b", "c"].join("\n");
    expect(importScenarios("csv", rows, { max: 2 }).errors[0].message).toMatch(/room for 2/);
    const seven = Array.from({ length: 7 }, (_, i) => (i % 2 ? "assistant: a" : "user: u")).join("\n");
    expect(importScenarios("csv", `message,context\nhi,"${seven}"`).errors[0]).toMatchObject({ line: 2, field: "context" });
  });

  it("keeps given ids unless they collide with taken ones", () => {
    const { scenarios } = importScenarios("csv", "id,message\nrefund-1,a\ntaken,b", { takenIds: ["taken"] });
    expect(scenarios[0].id).toBe("refund-1");
    expect(scenarios[1].id).not.toBe("taken");
  });
});

describe("importScenarios · JSONL", () => {
  it("reads our own objects and promptfoo test cases, skipping blank lines", () => {
    const text = [
      JSON.stringify({ message: "Refund outside the window", note: "Holds the line", context: [{ role: "user", content: "hi" }] }),
      "",
      JSON.stringify({ vars: { message: "Angry renewal" }, description: "Stays calm" }),
    ].join("\n");
    const { scenarios, errors } = importScenarios("jsonl", `\uFEFF${text}`);
    expect(errors).toEqual([]);
    expect(scenarios.map((s) => [s.message, s.note])).toEqual([["Refund outside the window", "Holds the line"], ["Angry renewal", "Stays calm"]]);
    expect(scenarios[0].context).toEqual([{ role: "user", content: "hi" }]);
  });

  it("reports bad JSON, non-objects and missing messages with their line numbers", () => {
    const text = ['{"message":"ok"}', "{oops", "[1,2]", '{"note":"no message"}', '{"message":"x","context":[{"role":"system","content":"s"}]}'].join("\n");
    expect(importScenarios("jsonl", text).errors.map((e) => [e.line, e.field])).toEqual([
      [2, undefined], [3, undefined], [4, "message"], [5, "context.0.role"],
    ]);
  });

  it("says so when there is nothing to import", () => {
    expect(importScenarios("jsonl", "\n\n").errors[0].message).toBe("No scenarios found");
  });
});

describe("importIntoList", () => {
  const existing = [{ id: "keep", message: "Already here" }];
  it("appends after the existing scenarios or replaces them", () => {
    const appended = importIntoList(existing, "csv", "id,message\nkeep,New one", "append");
    expect(appended.imported).toBe(1);
    expect(appended.scenarios.map((s) => s.message)).toEqual(["Already here", "New one"]);
    expect(appended.scenarios[1].id).not.toBe("keep");
    const replaced = importIntoList(existing, "csv", "id,message\nkeep,New one", "replace");
    expect(replaced.scenarios).toEqual([{ id: "keep", message: "New one" }]);
  });
  it("leaves the list as it was when the file has errors", () => {
    const bad = importIntoList(existing, "jsonl", "{oops", "replace");
    expect(bad.scenarios).toEqual(existing);
    expect(bad.errors[0].line).toBe(1);
  });
});
