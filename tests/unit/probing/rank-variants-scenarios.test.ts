import { describe, expect, it } from "vitest";
import { rankVariants, type VariantInput } from "@/lib/probing/compare";
import type { ScenarioRowView } from "@/lib/schemas/probe";
import { variantStandingSchema } from "@/lib/schemas/variant";
import { reportOf, runAnswers, world } from "@/tests/unit/probing/compare-helpers";

// Variant standings show where each contender lands on the persona's scenarios
// (its report's scenario rows, same targets), beside the ranking and never in it.

const TARGETS = { empathetic: 90, firm: 90 };
const w = world(["empathetic", "firm"], 21);

const scenarioRow = (key: string, mean: number | null) => ({ key, landing: { mean } }) as unknown as ScenarioRowView;

function contender(id: string, arm: Record<string, number>, seed: number, scenarioMeans?: Record<string, number | null>): VariantInput {
  const answers = runAnswers(w, arm, seed);
  const report = reportOf(answers, TARGETS);
  return {
    runId: id, name: id, variantId: id, status: "completed", answers,
    report: scenarioMeans ? { ...report, scenarioRows: Object.entries(scenarioMeans).map(([k, m]) => scenarioRow(k, m)) } : report,
  };
}

describe("variant standings and scenarios", () => {
  it("carry each contender's scenario landing − target and mean distance there", () => {
    const ranked = rankVariants([
      contender("A", { empathetic: 84, firm: 86 }, 1, { empathetic: 80, firm: 60 }),
      contender("B", { empathetic: 84, firm: 86 }, 2, { empathetic: 88, firm: null }),
    ], TARGETS);
    const a = ranked.standings.find((s) => s.runId === "A")!;
    const b = ranked.standings.find((s) => s.runId === "B")!;
    expect(a.scenarioDeltas).toEqual({ empathetic: -10, firm: -30 });
    expect(a.scenarioDistance).toBe(20);
    expect(b.scenarioDeltas).toEqual({ empathetic: -2, firm: null });
    expect(b.scenarioDistance).toBe(2);
    for (const s of ranked.standings) expect(variantStandingSchema.safeParse(s).success).toBe(true);
  });

  it("leave them out when the runs asked no scenarios, and never let them change the ranking", () => {
    const plain = rankVariants([contender("A", { empathetic: 60, firm: 62 }, 3), contender("B", { empathetic: 86, firm: 88 }, 4)], TARGETS);
    expect(plain.standings.every((s) => !("scenarioDeltas" in s) && !("scenarioDistance" in s))).toBe(true);
    // A lands far better on the scenarios, but the ranking (library items, paired) still names B.
    const mixed = rankVariants([contender("A", { empathetic: 60, firm: 62 }, 3, { empathetic: 90, firm: 90 }), contender("B", { empathetic: 86, firm: 88 }, 4, { empathetic: 40, firm: 40 })], TARGETS);
    expect(mixed.winner).toBe(plain.winner);
    expect(mixed.standings.map((s) => s.runId)).toEqual(plain.standings.map((s) => s.runId));
  });
});
