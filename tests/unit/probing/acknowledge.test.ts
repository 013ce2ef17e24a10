import { describe, expect, it } from "vitest";
import {
  acknowledgedLine, acknowledgeReport, ackFor, ackMatches, markAcknowledged, verdictBasis, verdictLine, type AckRecord, type VerdictRow,
} from "@/lib/probing/flags";
import { describeFlagId, shortenAtWord } from "@/lib/probing/flags/acknowledge";

// Issue 12 §7: a flag acknowledged as "expected for this persona" is marked on
// every served report and settled in the verdict line, which then names the
// next issue (or says what is left is acknowledged).

const ack = (flagId: string, direction: AckRecord["direction"] = "", reason = "A support agent should be warm", id = `ack-${flagId}-${direction}`): AckRecord =>
  ({ id, flagId, direction, reason, by: "Dana Designer", at: "2026-12-01T10:00:00.000Z" });

const leak = (trait: string, estimate: number, expected = false) => ({
  id: `leakage:${trait}`, kind: "leakage" as const, traits: [trait], severity: expected ? "warn" as const : "alert" as const,
  title: `${trait} ${estimate > 0 ? "rose" : "fell"} without being asked for`, evidence: { value: { estimate, lo: estimate - 4, hi: estimate + 4, level: 0.95 } },
  ...(expected ? { expected: { with: ["empathetic"], reason: "travels with Empathetic" } } : {}),
});
const miss = (trait: string) => ({ id: `miss:${trait}`, kind: "miss" as const, traits: [trait], severity: "alert" as const, title: `${trait} misses its target`, evidence: {} });

const NAMES: Record<string, string> = { empathetic: "Empathetic", firm: "Firm", formal: "Formal", warm: "Warm", patient: "Patient", contrarian: "Contrarian" };
const r = (key: string, target: number | null, mean: number, verdict?: NonNullable<VerdictRow["judged"]>["verdict"]): VerdictRow =>
  ({ key, name: NAMES[key], target, landing: { mean }, ...(verdict ? { judged: { verdict } } : {}) });

describe("ackMatches", () => {
  it("matches by flag id; a leakage acknowledgement with a direction only matches a shift that way", () => {
    expect(ackMatches(ack("leakage:warm"), leak("warm", 30))).toBe(true);
    expect(ackMatches(ack("leakage:warm", "up"), leak("warm", 30))).toBe(true);
    expect(ackMatches(ack("leakage:warm", "up"), leak("warm", -30))).toBe(false);
    expect(ackMatches(ack("leakage:warm", "down"), leak("warm", -30))).toBe(true);
    expect(ackMatches(ack("leakage:patient"), leak("warm", 30))).toBe(false);
    // Other kinds: the direction is not read.
    expect(ackMatches(ack("miss:firm"), miss("firm"))).toBe(true);
    expect(ackMatches(ack("miss:firm", "up"), miss("firm"))).toBe(true);
    // A leakage flag without a shift to read matches only "either way".
    const noValue = { id: "leakage:warm", kind: "leakage", evidence: {} };
    expect(ackMatches(ack("leakage:warm", "up"), noValue)).toBe(false);
    expect(ackMatches(ack("leakage:warm"), noValue)).toBe(true);
  });

  it("prefers the directional acknowledgement over 'either way' when both cover a flag", () => {
    const either = ack("leakage:warm", "", "either way");
    const up = ack("leakage:warm", "up", "rising is the point");
    expect(ackFor(leak("warm", 12), [either, up])?.reason).toBe("rising is the point");
    expect(ackFor(leak("warm", -12), [either, up])?.reason).toBe("either way");
  });
});

describe("markAcknowledged", () => {
  it("marks matching flags with who, when and why, and leaves the input untouched", () => {
    const flags = [leak("warm", 30), leak("contrarian", 26)];
    const marked = markAcknowledged(flags, [ack("leakage:warm")]);
    expect(marked[0].acknowledged).toEqual({ id: "ack-leakage:warm-", reason: "A support agent should be warm", by: "Dana Designer", at: "2026-12-01T10:00:00.000Z" });
    expect(marked[1].acknowledged).toBeUndefined();
    expect(flags[0]).not.toHaveProperty("acknowledged");
  });

  it("drops a stale mark that no acknowledgement covers any more", () => {
    const stale = { ...leak("warm", 30), acknowledged: { id: "gone", reason: "old", by: "x", at: "y" } };
    expect(markAcknowledged([stale], [])[0]).not.toHaveProperty("acknowledged");
  });
});

describe("verdictLine with acknowledged flags", () => {
  const rows = [r("empathetic", 85, 84, "within tolerance"), r("firm", 80, 53, "miss"), r("formal", 30, 50, "overshoot"), r("warm", null, 80), r("contrarian", null, 76)];
  const flags = [miss("firm"), { ...miss("formal"), id: "overshoot:formal", kind: "overshoot" as const }, leak("contrarian", 26), leak("warm", 30, true)];

  it("moves on to the next issue when the main one is acknowledged", () => {
    const before = verdictLine({ flags, rows, final: true });
    expect(before.flagIds[0]).toBe("miss:firm");
    const after = verdictLine({ flags, rows, final: true, acknowledged: new Set(["miss:firm"]) });
    expect(after.text).toBe("Formal overshoots its target of 30 by 20 (lands at 50) — the main issue");
    expect(after.flagIds).toEqual(["overshoot:formal"]);
  });

  it("reports leakage, with the acknowledged targeted findings counted, once every targeted finding is acknowledged", () => {
    const line = verdictLine({ flags, rows, final: true, acknowledged: new Set(["miss:firm", "overshoot:formal"]) });
    expect(line).toMatchObject({ kind: "leakage", severity: "alert" });
    expect(line.text).toBe("1 trait moved without being asked for (Contrarian); 1 trait came with the character type (Warm); 2 acknowledged findings on targeted traits (Firm and Formal) — no other targeted trait is clearly off target");
  });

  it("says 'On target' with the acknowledged side effects when nothing else is left", () => {
    const landed = [r("empathetic", 85, 84, "within tolerance"), r("warm", null, 80), r("patient", null, 80), r("contrarian", null, 76)];
    const leaks = [leak("contrarian", 26), leak("warm", 30, true), leak("patient", 30, true)];
    const line = verdictLine({ flags: leaks, rows: landed, final: true, acknowledged: new Set(leaks.map((f) => f.id)) });
    expect(line).toEqual({
      text: "On target: every targeted trait lands within tolerance; 3 acknowledged side effects (Contrarian, Warm and Patient)",
      kind: "on target", severity: "ok", flagIds: ["leakage:contrarian", "leakage:warm", "leakage:patient"],
    });
    // Acknowledging only the plain leak keeps "came with the character type" for the others.
    expect(verdictLine({ flags: leaks, rows: landed, final: true, acknowledged: new Set(["leakage:contrarian"]) }).text)
      .toBe("On target: every targeted trait lands within tolerance; 2 traits came with the character type (Warm and Patient); 1 acknowledged side effect (Contrarian)");
  });

  it("treats an acknowledged miss as settled: 'On target apart from' it, never 'Not settled'", () => {
    const line = verdictLine({ flags: [miss("firm")], rows: [r("empathetic", 85, 84, "within tolerance"), r("firm", 80, 53, "miss")], final: true, acknowledged: new Set(["miss:firm"]) });
    expect(line).toEqual({ text: "On target apart from 1 acknowledged finding on targeted traits (Firm)", kind: "on target", severity: "ok", flagIds: ["miss:firm"] });
  });

  it("is unchanged without acknowledgements", () => {
    expect(verdictLine({ flags, rows, final: true, acknowledged: new Set() })).toEqual(verdictLine({ flags, rows, final: true }));
  });
});

describe("acknowledgeReport", () => {
  const report = {
    flags: [miss("firm"), leak("warm", 30)],
    rows: [r("firm", 80, 53, "miss"), r("warm", null, 80)],
    final: true,
    verdictLine: { text: "Firm misses its target of 80 by 27 (lands at 53) — the main issue", kind: "miss" as const, severity: "alert" as const, flagIds: ["miss:firm"] },
  };

  it("marks the flags and redraws the line; the stored report object is not changed", () => {
    const served = acknowledgeReport(report, [ack("miss:firm", "", "Firmness is handled by the refund tool")]);
    expect(served.flags[0].acknowledged?.reason).toBe("Firmness is handled by the refund tool");
    expect(served.verdictLine?.flagIds).toEqual(["leakage:warm", "miss:firm"]);
    expect(served.verdictLine?.text).toBe("1 trait moved without being asked for (Warm); 1 acknowledged finding on targeted traits (Firm) — no other targeted trait is clearly off target");
    expect(report.flags[0]).not.toHaveProperty("acknowledged");
    expect(report.verdictLine.flagIds).toEqual(["miss:firm"]);
  });

  it("returns the same report when nothing matches, and keeps a report without a line without one", () => {
    expect(acknowledgeReport(report, [ack("leakage:warm", "down")])).toBe(report);
    const { verdictLine: _line, ...old } = report;
    const served = acknowledgeReport(old, [ack("leakage:warm")]);
    expect(served.flags[1].acknowledged).toBeDefined();
    expect(served).not.toHaveProperty("verdictLine");
  });

  it("draws the same line from the small basis kept beside a stored report (the run history's redraw)", () => {
    const withExpected = { ...report, flags: [...report.flags, leak("patient", -12, true)], rows: [...report.rows, r("patient", null, 40)] };
    const basis = verdictBasis(withExpected);
    expect(JSON.stringify(basis).length).toBeLessThan(JSON.stringify(withExpected).length);
    for (const acks of [[ack("miss:firm")], [ack("leakage:warm", "up")], [ack("miss:firm"), ack("leakage:warm"), ack("leakage:patient", "down")]]) {
      expect(acknowledgedLine(basis, acks)).toEqual(acknowledgeReport(withExpected, acks).verdictLine);
    }
    expect(acknowledgedLine(basis, [ack("leakage:warm", "down")])).toBeNull();
    expect(acknowledgedLine(basis, [])).toBeNull();
  });
});

describe("an acknowledgement in words (activity feed)", () => {
  const names: Record<string, string> = { warm: "Warm", firm: "Firm / boundary-setting", empathetic: "Empathetic" };
  const nameOf = (k: string) => names[k] ?? k;
  it("names the kind, the traits by name and the direction", () => {
    expect(describeFlagId("leakage:warm", "up", nameOf)).toBe("the leakage flag on Warm (rising)");
    expect(describeFlagId("tension:empathetic+firm", "", nameOf)).toBe("the tension flag on Empathetic + Firm / boundary-setting");
    expect(describeFlagId("caves:firm", "", nameOf)).toBe("the caves under pressure flag on Firm / boundary-setting");
    expect(describeFlagId("says-not-does:firm", "", nameOf)).toBe("the says but doesn't do flag on Firm / boundary-setting");
    expect(describeFlagId("miss:my_custom", "", nameOf)).toBe("the miss flag on my_custom");
  });
  it("shortens a long reason at a word boundary", () => {
    expect(shortenAtWord("short", 10)).toBe("short");
    expect(shortenAtWord("Attention to the person's state comes first", 30)).toBe("Attention to the person's…");
  });
});
