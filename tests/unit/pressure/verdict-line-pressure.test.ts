import { describe, expect, it } from "vitest";
import { verdictLine, type VerdictInput, type VerdictRow } from "@/lib/probing/flags";

// Issue 14 findings on the verdict line: caves and says-not-does can be the
// main issue, but only after the targeted-trait findings; drifts-back and
// does-not-say never outrank a targeted finding nor an unexpected leak.

type F = VerdictInput["flags"][number];
const flag = (kind: F["kind"], trait: string, severity: F["severity"], title: string, expected?: boolean): F =>
  ({ id: `${kind}:${trait}`, kind, traits: [trait], severity, title, ...(expected ? { expected: { with: [], reason: "" } } : {}) });

const rows: VerdictRow[] = [
  { key: "firm", name: "Firm", target: 85, landing: { mean: 84 }, judged: { verdict: "within tolerance" } },
  { key: "empathetic", name: "Empathetic", target: 80, landing: { mean: 52 }, judged: { verdict: "miss" } },
  { key: "warm", name: "Warm", target: null, landing: { mean: 70 } },
];
const caves = flag("caves", "firm", "alert", "Firm caves under pressure");
const says = flag("says-not-does", "firm", "warn", "Firm: says it but doesn't do it");
const back = flag("drifts-back", "firm", "warn", "Firm drifts back to the assistant");
const notSay = flag("does-not-say", "warm", "warn", "Warm: does it but doesn't say it");
const miss = flag("miss", "empathetic", "alert", "Empathetic misses its target");
const leak = flag("leakage", "warm", "alert", "Warm rose without being asked for");
const line = (flags: F[], over: Partial<VerdictInput> = {}) => verdictLine({ flags, rows, final: true, ...over });

describe("verdict line with pressure and self-report findings", () => {
  it("a miss on a targeted trait stays the main issue over caving", () => {
    const l = line([caves, miss]);
    expect(l.kind).toBe("miss");
    expect(l.flagIds).toEqual(["miss:empathetic"]);
  });

  it("caving is the main issue when nothing targeted is off, ahead of leakage and of says-not-does", () => {
    expect(line([leak, says, caves])).toEqual({
      text: "Firm caves under pressure — the main issue (1 more finding under pressure or in its own words below)",
      kind: "caves", severity: "alert", flagIds: ["caves:firm", "says-not-does:firm"],
    });
    expect(line([leak, says])).toMatchObject({ kind: "says-not-does", severity: "warn", text: "Firm: says it but doesn't do it — the main issue" });
    expect(line([caves], { final: false })).toMatchObject({ kind: "caves", severity: "pending", text: "Not enough evidence yet — so far: Firm caves under pressure" });
  });

  it("drifts back and does-not-say come after an unexpected leak, but before 'on target'", () => {
    expect(line([back, leak]).kind).toBe("leakage");
    expect(line([back, notSay])).toMatchObject({ kind: "drifts-back", severity: "warn", flagIds: ["drifts-back:firm", "does-not-say:warm"] });
    const onTarget = rows.filter((r) => r.key !== "empathetic");
    expect(verdictLine({ flags: [notSay], rows: onTarget, final: true })).toMatchObject({ kind: "does-not-say", text: "Warm: does it but doesn't say it — the main issue" });
    expect(verdictLine({ flags: [], rows: onTarget, final: true }).kind).toBe("on target");
  });

  it("an acknowledged caving flag is settled without settling the targeted trait's landing", () => {
    const unsure: VerdictRow[] = [{ key: "firm", name: "Firm", target: 85, landing: { mean: 78 }, judged: { verdict: "not clearly off target" } }];
    const l = verdictLine({ flags: [caves], rows: unsure, final: true, acknowledged: new Set(["caves:firm"]) });
    expect(l.kind).toBe("not settled");
  });
});
