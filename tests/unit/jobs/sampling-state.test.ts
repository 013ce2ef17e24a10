import { describe, expect, it } from "vitest";
import { runArms, parseExtraArms } from "@/lib/jobs/run-arms";
import { samplingFrom, type StoredAnswer } from "@/lib/jobs/sampling-state";

// A resumed run rebuilds the planner's state from its stored rows: every row
// used up budget (issued), only scored answers gave a score.

const row = (over: Partial<StoredAnswer>): StoredAnswer => ({
  kind: "persona", traitKey: "warm", itemIndex: 0, sampleIndex: 0, status: "done", scores: JSON.stringify({ warm: 60, firm: 40 }), outcome: "scored", ...over,
});

describe("samplingFrom", () => {
  const rows = [
    row({ itemIndex: 0, sampleIndex: 0, outcome: "empty", scores: null }),
    row({ itemIndex: 0, sampleIndex: 1, scores: JSON.stringify({ warm: 70, firm: 30 }) }),
    row({ itemIndex: 1, sampleIndex: 0, outcome: "refused", scores: JSON.stringify({ warm: null, firm: null }) }),
    row({ itemIndex: 2, sampleIndex: 0, outcome: "truncated", scores: null }),
    row({ itemIndex: 3, sampleIndex: 0, outcome: null, scores: JSON.stringify({ warm: 55, firm: 50 }) }), // before outcomes existed
    row({ itemIndex: 4, sampleIndex: 0, status: "failed", outcome: null, scores: null }),
    row({ kind: "alone:warm", itemIndex: 0, sampleIndex: 0, scores: JSON.stringify({ warm: 90, firm: 10 }) }),
  ];

  it("counts every stored answer as issued but scores only the scored ones (old done rows count as scored)", () => {
    const [warm] = samplingFrom([{ key: "warm", itemCount: 6 }], rows, "persona");
    expect(warm.issuedPerItem).toEqual([2, 1, 1, 1, 1, 0]);
    expect(warm.scores).toEqual([70, 55]);
    expect(warm.scoreItems).toEqual([0, 3]);
  });

  it("keeps each arm apart by its kind", () => {
    const [warm] = samplingFrom([{ key: "warm", itemCount: 6 }], rows, "alone:warm");
    expect(warm.issuedPerItem).toEqual([1, 0, 0, 0, 0, 0]);
    expect(warm.scores).toEqual([90]);
  });
});

describe("run arms", () => {
  it("persona and baseline always; extra arms on their own traits (default: every watched trait)", () => {
    const arms = runArms({ systemPrompt: "You are Ada.", arms: JSON.stringify([
      { kind: "alone:warm", label: "Warm alone", role: "control", systemPrompt: "Warm.", traits: ["warm", "unknown"] },
      { kind: "level:50", label: "50", role: "level", systemPrompt: "Half." },
      { kind: "persona", label: "clash", role: "control", systemPrompt: "x" },
      { kind: "broken" },
    ]) }, ["warm", "firm"]);
    expect(arms.map((a) => [a.kind, a.traits])).toEqual([
      ["persona", ["warm", "firm"]], ["baseline", ["warm", "firm"]], ["alone:warm", ["warm"]], ["level:50", ["warm", "firm"]],
    ]);
    expect(parseExtraArms("[]")).toEqual([]);
    expect(parseExtraArms("not json")).toEqual([]);
  });
});
