import { describe, expect, it } from "vitest";
import { importErrorLines, importFormat, scenarioList, scenarioTable, scenariosLine, toCsv, toJsonl } from "@/bin/cli/scenarios.mjs";
import { importScenarios } from "@/lib/persona/scenarios-import";
import type { ProbeReport, ScenarioRowView } from "@/lib/schemas/probe";
import type { Scenario } from "@/lib/schemas/scenario";

// The CLI's scenarios, pure (issue 12 §1): the export must read back through the
// studio's own import unchanged, and the probe's "General vs in your scenarios"
// table shows the targeted traits plus any clear gap. End to end against a real
// server: tests/integration/cli.test.ts.

const SCENARIOS: Scenario[] = [
  {
    id: "refund", message: "I want my money back, \"now\", or I'll call my bank.", note: "Stays calm; offers the policy",
    tags: ["billing", "angry customer"],
    context: [{ role: "user", content: "Hi, order 1234,\nshoes" }, { role: "assistant", content: "Hello! How can I help?" }],
    checks: [
      { id: "c1", type: "contains", value: "refund" },
      { id: "c2", type: "contains", value: "policy" },
      { id: "c3", type: "not_contains", value: "calm down" },
      { id: "c4", type: "regex", value: "\\d+ (days|weeks)", flags: "i" },
      { id: "c5", type: "max_length", value: 800 },
      { id: "c6", type: "asks_question" },
    ],
  },
  { id: "plain", message: "  What are your opening hours?" },
  { id: "slashy", message: "Is a/b/c ok?", checks: [{ id: "k1", type: "regex", value: "/a/" }] },
];
const parsed = (s: Scenario[]) => s.map((x) => ({ ...x, message: x.message.trim() }));
const withoutCheckIds = (s: Scenario[]) => s.map(({ checks, ...rest }) => ({ ...rest, checks: checks?.map(({ id: _id, ...c }) => c) }));

describe("scenario export", () => {
  it("JSONL reads back through the import exactly, ids and checks included", () => {
    const text = toJsonl(SCENARIOS);
    expect(text.trim().split("\n")).toHaveLength(3);
    const back = importScenarios("jsonl", text);
    expect(back.errors).toEqual([]);
    expect(back.scenarios).toEqual(parsed(SCENARIOS));
  });

  it("CSV uses the import's header and reads back with the same scenarios and checks (check ids are new)", () => {
    const { text, lost } = toCsv(SCENARIOS);
    expect(text.split("\r\n")[0]).toBe("message,id,note,context,tags,contains,not_contains,regex,max_length,asks_question");
    expect(lost).toEqual([]);
    const back = importScenarios("csv", text);
    expect(back.errors).toEqual([]);
    expect(withoutCheckIds(back.scenarios)).toEqual(withoutCheckIds(parsed(SCENARIOS)));
  });

  it("CSV names what it cannot carry: labels, a second regex, a phrase with a semicolon", () => {
    const { lost } = toCsv([
      { id: "a", message: "Hi", checks: [{ id: "x", type: "contains", value: "a; b", label: "says a; b" }] },
      { id: "b", message: "Hi", checks: [{ id: "x", type: "regex", value: "a" }, { id: "y", type: "regex", value: "b" }] },
    ]);
    expect(lost).toEqual([
      { number: 1, id: "a", what: ["check labels", 'a contains phrase with ";"'] },
      { number: 2, id: "b", what: ["more than one regex"] },
    ]);
  });

  it("lists number, id, the message on one shortened line and the count of checks", () => {
    const list = scenarioList([{ id: "long", message: `Line one\n${"word ".repeat(30)}`, checks: [{ id: "c", type: "asks_question" }] }]);
    expect(list.split("\n")[0]).toMatch(/^#\s+id\s+message\s+checks$/);
    expect(list.split("\n")[1]).toMatch(/^1\s+long\s+Line one word word .*…\s+1$/);
    expect(list.split("\n")[1].length).toBeLessThan(90);
  });

  it("reads the import's format from --format or the file name, and its errors with line numbers", () => {
    expect([importFormat("a.CSV"), importFormat("b.jsonl"), importFormat("c.txt"), importFormat("c.txt", "jsonl"), importFormat("x.csv", "xml")])
      .toEqual(["csv", "jsonl", null, "jsonl", null]);
    expect(importErrorLines({ errors: [{ line: 3, field: "message", message: "No message" }, { line: 7, message: "Not valid JSON" }] }))
      .toEqual(["  line 3 (message): No message", "  line 7: Not valid JSON"]);
    expect(importErrorLines(undefined)).toEqual([]);
  });
});

const summary = (mean: number | null, halfWidth: number | null, n = 4) => ({ n, mean, lo: null, hi: null, halfWidth });
const sRow = (key: string, mean: number, clear: boolean, sentence: string | null = null): ScenarioRowView => ({
  key, landing: summary(mean, 6.25), baseline: summary(50, 5),
  shift: { difference: null, lo: null, hi: null, halfWidth: null, excludesZero: false, nLanding: 4, nBaseline: 4 },
  n: 4, vsGeneral: { difference: null, lo: null, hi: null, clear }, sentence,
});
const gRow = (key: string, mean: number) => ({ key, landing: summary(mean, 3, 40) });
const runOf = (report: Partial<ProbeReport>, targets: Record<string, number>) => ({ targets, report: { rows: [], flags: [], ...report } as unknown as ProbeReport });

describe("General vs in your scenarios", () => {
  it("shows the targeted traits and any clear gap with its sentence, not the rest", () => {
    const run = runOf({
      rows: [gRow("empathetic", 81.04), gRow("firm", 70), gRow("formal", 40), gRow("playful", 20)] as unknown as ProbeReport["rows"],
      scenarioRows: [sRow("empathetic", 79, false), sRow("firm", 55.5, true, "Firm lands lower in your scenarios than in general."), sRow("formal", 41, false), sRow("playful", 35, true, "Playful lands higher.")],
      scenarios: { count: 4, answered: 4 },
    }, { empathetic: 90, firm: 80 });
    const table = scenarioTable(run)!;
    const lines = table.split("\n");
    expect(lines[0]).toBe("General vs in your scenarios:");
    expect(lines[1]).toMatch(/^trait\s+general\s+in scenarios\s+n\s+gap$/);
    expect(lines[2]).toMatch(/^empathetic\s+81\.0\s+79\.0 ± 6\.3\s+4\s+–$/);
    expect(lines[3]).toMatch(/^firm\s+70\.0\s+55\.5 ± 6\.3\s+4\s+clear$/);
    expect(lines[4]).toMatch(/^playful\s+20\.0\s+35\.0 ± 6\.3\s+4\s+clear$/);
    expect(table).not.toContain("formal");
    expect(lines.slice(5)).toEqual(["  firm: Firm lands lower in your scenarios than in general.", "  playful: Playful lands higher."]);
    expect(scenariosLine(run)).toBe("Scenarios: 4 asked (4 answered)");
  });

  it("prints nothing without scenario rows, and says no scenarios were asked", () => {
    const run = runOf({}, { empathetic: 90 });
    expect(scenarioTable(run)).toBeNull();
    expect(scenariosLine(run)).toBe("Scenarios: none asked");
  });
});
