import { beforeAll, describe, expect, it } from "vitest";
import { prepare, runWorld, summarize, type Figure, type Prepared, type WorldResult } from "@/bench/calibration/harness";
import { RUN_DEFAULTS } from "@/bench/calibration/pipeline";

// The calibration harness (npm run bench:calibration) in miniature: two worlds,
// a small ground-truth sample and a small budget, so it runs in seconds. It
// checks that the harness produces well-formed figures, not what they are —
// the figures themselves are the benchmark's job (docs/methods.md).

describe("calibration harness smoke", () => {
  let prep: Prepared;
  let worlds: WorldResult[];
  let figures: Figure[];
  beforeAll(() => {
    prep = prepare({ worlds: 2, seed: 5, truthItems: 20, settings: { ...RUN_DEFAULTS, budgetPerTrait: 12 } });
    worlds = [runWorld(prep, 0), runWorld(prep, 1)];
    figures = summarize(prep, worlds);
  }, 120_000); // two worlds of the adversarial simulator: seconds alone, much longer on a shared CI core

  it("prints every figure issue 11 asks for, with its Monte Carlo error, run count and target", () => {
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    const targets = { coverage: 0.93, falseLeakage: 0.05, falseTension: 0.05, trueLeak: 0.8, noWinner: 0.95 };
    for (const [key, value] of Object.entries(targets)) {
      const f = byKey[key];
      expect(f, key).toBeDefined();
      expect(f.target?.value).toBe(value);
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThanOrEqual(1);
      expect(Number.isFinite(f.se) && f.se >= 0).toBe(true);
      expect(f.n).toBe(2);
      expect(typeof f.meets).toBe("boolean");
    }
    expect(byKey.savedJudgeCalls.value).toBeGreaterThanOrEqual(0);
    expect(byKey.savedJudgeCalls.n).toBe(8);
  });

  it("runs four probes per world through the pipeline, and a world is a pure function of its seed", () => {
    for (const w of worlds) {
      expect(w.runs.map((r) => r.scenario)).toEqual(["null", "coherent", "variant", "leak"]);
      for (const r of w.runs) {
        expect(r.intervals).toBeGreaterThan(0);
        expect(r.covered).toBeLessThanOrEqual(r.intervals);
        expect(r.judgeCalls).toBeGreaterThan(0);
      }
      // The variant run watches what the coherent run watched: its baseline answers and their verdicts come from the cache.
      expect(w.runs[2].savedJudgeCalls).toBeGreaterThan(0);
      expect(w.runs[2].unsavedJudgeCalls).toBe(0);
    }
    expect(prep.scenarios.null.watched).toHaveLength(16);
    expect(prep.leak.trait in prep.scenarios.leak.targets).toBe(false);
    expect(prep.scenarios.leak.watched).toContain(prep.leak.trait);
    expect(runWorld(prep, 1)).toEqual(worlds[1]);
  }, 120_000);
});
