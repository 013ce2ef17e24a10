import { describe, expect, it } from "vitest";
import { checksSummary, checksVerdict, failedChecks, parseMinPassRate } from "@/bin/cli/checks.mjs";
import { FLAG_KINDS, flagList, matchingFlags, parseFailOn, settledFlags, verdict } from "@/bin/cli/report.mjs";
import { FLAG_KINDS as SCHEMA_FLAG_KINDS } from "@/lib/schemas/probe";
import type { ChecksReport, ProbeReport, ReportFlag } from "@/lib/schemas/probe";

// The CLI's gates (issue 12 §3, §7), as pure functions over a served run:
// --fail-on skips flags acknowledged as expected for the persona and shifts
// that came with the character type unless --strict; --fail-on check and
// --min-pass-rate read the report's checks section. The CLI end to end (exit
// codes against a real server) is tests/integration/cli.test.ts.

const flag = (id: string, extra: Partial<ReportFlag> = {}): ReportFlag => {
  const [kind, traits] = id.split(":");
  return { id, kind: kind as ReportFlag["kind"], traits: traits.split("+"), severity: "alert", title: `${traits} ${kind}`, explanation: "", evidence: {}, ...extra };
};
const ack = { id: "a1", reason: "A refund desk is meant to be warm", by: "Dana", at: "2026-12-01T10:00:00.000Z" };
const runWith = (flags: ReportFlag[], checks?: ChecksReport) => ({ report: { flags, rows: [], verdictLine: undefined, ...(checks ? { checks } : {}) } as unknown as ProbeReport });

const rate = (passed: number, total: number) => ({ passed, total, rate: total ? passed / total : null, lo: total ? 0.5 : null, hi: total ? 0.99 : null });
const row = (i: number, message: string, description: string, passed: number, total: number): ChecksReport["rows"][number] => ({
  scenarioIndex: i, scenarioId: `s${i}`, message, checkId: `c${i}`, description, persona: rate(passed, total), baseline: rate(0, total), failingAnswerIds: [],
});
function checks(rows: ChecksReport["rows"]): ChecksReport {
  const sum = (k: "passed" | "total") => rows.reduce((s, r) => s + r.persona[k], 0);
  return { persona: rate(sum("passed"), sum("total")), baseline: rate(0, sum("total")), rows };
}

describe("--fail-on with acknowledged flags", () => {
  const run = runWith([
    flag("miss:firm", { acknowledged: ack }),
    flag("leakage:warm", { severity: "warn", expected: { with: ["empathetic"], reason: "travels with Empathetic" } }),
    flag("leakage:contrarian"),
  ]);

  it("does not count acknowledged flags or shifts that came with the character type, unless --strict", () => {
    const kinds = parseFailOn("any");
    expect(matchingFlags(run, kinds).map((f) => f.id)).toEqual(["leakage:contrarian"]);
    expect(matchingFlags(run, kinds, { strict: true }).map((f) => f.id)).toEqual(["miss:firm", "leakage:warm", "leakage:contrarian"]);
    // --fail-on leakage used to fail on warm, a side effect the character type implies.
    expect(matchingFlags(run, parseFailOn("leakage")).map((f) => f.id)).toEqual(["leakage:contrarian"]);
    expect(matchingFlags(run, parseFailOn("miss"))).toEqual([]);
    expect(settledFlags(run, parseFailOn("miss")).map((f) => f.id)).toEqual(["miss:firm"]);
    expect(settledFlags(run, parseFailOn("miss"), { strict: true })).toEqual([]);
  });

  it("says what it did not count, and prints acknowledged flags with their reason", () => {
    const kinds = parseFailOn("miss");
    expect(verdict(matchingFlags(run, kinds), kinds, { settled: settledFlags(run, kinds) }))
      .toBe("✓ No flags of the kinds in --fail-on miss (not counted: 1 acknowledged or came with the character type — miss:firm; --strict counts them).");
    expect(verdict(matchingFlags(run, kinds, { strict: true }), kinds, { strict: true }))
      .toBe("✗ 1 flag matches --fail-on miss --strict: miss (firm) [acknowledged]");
    expect(flagList(run)).toMatch(/alert\s+miss\s+firm miss \(acknowledged: A refund desk is meant to be warm\)/);
    expect(flagList(run)).toMatch(/warn\s+leakage \(came with the character type\)\s+warm leakage$/m);
  });

  it("parses check beside the flag kinds; any is every flag kind, not the checks", () => {
    const all = ["tension", "compromise", "leakage", "miss", "overshoot", "caves", "drifts-back", "says-not-does", "does-not-say"];
    expect(parseFailOn("any")).toEqual(all);
    expect(parseFailOn("any,check")).toEqual([...all, "check"]);
    // The CLI's copy is the schema's list (issue 14 added the pressure and self-report kinds).
    expect(FLAG_KINDS).toEqual([...SCHEMA_FLAG_KINDS]);
    expect(parseFailOn("caves,says-not-does")).toEqual(["caves", "says-not-does"]);
    expect(parseFailOn("check")).toEqual(["check"]);
    expect(() => parseFailOn("checks")).toThrow(/unknown flag kind "checks"/);
    // Only checks asked for: no flag line.
    expect(verdict([], ["check"])).toBeNull();
    expect(verdict([], [])).toBe("✓ Not checking flags (--fail-on none).");
  });
});

describe("--min-pass-rate", () => {
  it("takes a share or a percentage, and refuses anything else", () => {
    expect(parseMinPassRate("0.9")).toBe(0.9);
    expect(parseMinPassRate("90%")).toBe(0.9);
    expect(parseMinPassRate("1")).toBe(1);
    expect(parseMinPassRate("0")).toBe(0);
    expect(parseMinPassRate("87.5%")).toBe(0.875);
    for (const bad of ["90", "1.5", "-0.1", "110%", "most", ""]) expect(() => parseMinPassRate(bad), bad).toThrow(/--min-pass-rate/);
  });
});

describe("the checks gates", () => {
  const report = checks([
    row(0, "I bought this 45 days ago. Refund me.", "mentions the 30-day policy", 3, 4),
    row(1, "Can I get an exception?", "asks a question", 4, 4),
    row(2, "Renew me, now!", "at most 600 characters", 2, 4),
  ]);
  const run = runWith([], report);

  it("lists the failing checks with their scenario", () => {
    expect(failedChecks(run)).toEqual([
      { message: "I bought this 45 days ago. Refund me.", description: "mentions the 30-day policy", passed: 3, total: 4 },
      { message: "Renew me, now!", description: "at most 600 characters", passed: 2, total: 4 },
    ]);
    expect(checksSummary(run)).toBe([
      "Checks: 9/12 passed (75.0%, 95% CI 50.0%–99.0%) · baseline 0/12",
      "  ✗ “I bought this 45 days ago. Refund me.” — mentions the 30-day policy: 3/4 passed",
      "  ✗ “Renew me, now!” — at most 600 characters: 2/4 passed",
    ].join("\n"));
  });

  it("--fail-on check fails when any persona check failed, naming them", () => {
    const v = checksVerdict(run, { failOnCheck: true });
    expect(v.failed).toBe(true);
    expect(v.lines).toEqual(["✗ 2 checks failed (--fail-on check): “I bought this 45 days ago. Refund me.” — mentions the 30-day policy; “Renew me, now!” — at most 600 characters"]);
    const clean = runWith([], checks([row(0, "Hi", "asks a question", 4, 4)]));
    expect(checksVerdict(clean, { failOnCheck: true })).toEqual({ failed: false, lines: ["✓ Every check passed (--fail-on check)."] });
  });

  it("--min-pass-rate fails below the rate and passes at or above it", () => {
    expect(checksVerdict(run, { minPassRate: 0.75 })).toEqual({ failed: false, lines: ["✓ Checks passed 75.0%, at least --min-pass-rate 75.0%."] });
    const below = checksVerdict(run, { minPassRate: 0.9 });
    expect(below.failed).toBe(true);
    expect(below.lines[0]).toBe("✗ Checks passed 75.0%, below --min-pass-rate 90.0%: “I bought this 45 days ago. Refund me.” — mentions the 30-day policy (3/4); “Renew me, now!” — at most 600 characters (2/4)");
  });

  it("a run that checked nothing passes --fail-on check but fails --min-pass-rate", () => {
    const none = runWith([]);
    expect(checksSummary(none)).toBeNull();
    expect(checksVerdict(none, { failOnCheck: true }).failed).toBe(false);
    expect(checksVerdict(none, { minPassRate: 0.5 })).toMatchObject({ failed: true, lines: [expect.stringContaining("the run checked nothing")] });
    expect(checksVerdict(runWith([], checks([row(0, "Hi", "asks a question", 0, 0)])), { minPassRate: 0 }).failed).toBe(true);
    expect(checksVerdict(none, {})).toEqual({ failed: false, lines: [] });
  });
});
