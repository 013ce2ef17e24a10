import { describe, expect, it } from "vitest";
import {
  askScenarios, calibrateDomain, DOMAIN_MARKER, domainPopulationMean, fixedSetTruth, prepareScenarios, runScenarioWorld, scenarioSet, SCENARIO_TARGETS,
} from "@/bench/calibration/scenarios";
import { RUN_DEFAULTS, SimWorld } from "@/bench/calibration/pipeline";
import { populationTruth } from "@/bench/calibration/truth";
import { ADVERSARIAL_DEFAULTS } from "@/lib/llm/simulator/adversarial";
import { simulateChat, SIMULATOR_MODEL, withDomain } from "@/lib/llm/simulator/engine";
import { LEVEL_SPAN } from "@/lib/llm/simulator/space";
import { compilePersona } from "@/lib/persona/compile";
import { emptySpec } from "@/lib/schemas/persona";

// The scenario calibration bench (npm run bench:scenarios) must measure against
// the truth it says it does: a domain gap of 0 leaves the persona's level on its
// scenarios at its general level, a gap of −10 moves it by 10 judged points, and
// the fixed-set truth is the mean of what the product's own pipeline records for
// those scenarios. Each check compares two different code paths (the harness's
// truth vs truth.ts's population truth, or vs the product's judge request and
// parse), so the bench cannot silently measure the wrong thing.

const prompt = compilePersona({ ...emptySpec("Alex"), traitTargets: { ...SCENARIO_TARGETS } }).prompt;
const keys = Object.keys(SCENARIO_TARGETS);
const T = RUN_DEFAULTS.temperature;
const adv = ADVERSARIAL_DEFAULTS;

describe("the simulator's domain shift", () => {
  it("shifts only messages carrying the marker, by shift/LEVEL_SPAN on top of the item shift", () => {
    const domain = { marker: "#d", shift: { warm: -9 } };
    expect(withDomain(undefined, domain, "plain message")).toBeUndefined();
    expect(withDomain({ warm: 0.1 }, domain, "plain message")).toEqual({ warm: 0.1 });
    expect(withDomain({ warm: 0.1, firm: 0.2 }, domain, "a #d message")).toEqual({ warm: 0.1 - 9 / LEVEL_SPAN, firm: 0.2 });
    expect(withDomain(undefined, undefined, "a #d message")).toBeUndefined();
  });

  it("leaves every answer byte for byte as it was when off or when the message is not in the domain", () => {
    const req = { model: SIMULATOR_MODEL, temperature: T, seed: 3, messages: [{ role: "system" as const, content: prompt }, { role: "user" as const, content: "How do I ask for a raise?" }] };
    const plain = simulateChat(req, { adversarial: adv }).text;
    expect(simulateChat(req, { adversarial: adv, domain: { marker: DOMAIN_MARKER, shift: { warm: -30 } } }).text).toBe(plain);
    const marked = { ...req, messages: [req.messages[0], { role: "user" as const, content: `How do I ask for a raise? ${DOMAIN_MARKER}` }] };
    expect(simulateChat(marked, { adversarial: adv, domain: { marker: DOMAIN_MARKER, shift: { warm: -30 } } }).text)
      .not.toBe(simulateChat(marked, { adversarial: adv }).text);
  });
});

describe("the scenario bench's truth", () => {
  it("gap 0: the persona's population level on domain messages is its general level (truth.ts, other items)", () => {
    const general = populationTruth(prompt, adv, { temperature: T, items: 240 });
    const domain = domainPopulationMean(prompt, adv, {}, { temperature: T, items: 240, keys, firstItem: 1000 });
    for (const k of keys) expect(Math.abs(domain[k] - general.mean[k]), k).toBeLessThan(2.5);
  }, 120_000);

  it("gap −10: the calibrated shift moves the population level by 10 judged points, checked on fresh items", () => {
    const cal = calibrateDomain(prompt, adv, -10, { temperature: T, items: 120, keys });
    for (const k of keys) {
      expect(cal.shift[k], k).toBeLessThan(-10); // the judge compresses: the latent shift must be larger
      expect(Math.abs(cal.realized[k] + 10), k).toBeLessThan(1.5);
    }
    const zero = domainPopulationMean(prompt, adv, {}, { temperature: T, items: 160, keys, firstItem: 2000 });
    const moved = domainPopulationMean(prompt, adv, cal.shift, { temperature: T, items: 160, keys, firstItem: 2000 });
    for (const k of keys) expect(Math.abs(moved[k] - zero[k] + 10), k).toBeLessThan(2);
    // On the bench's fixed scenarios in one world, too (the mean over 10 scenarios of the per-scenario truth).
    const scenarios = scenarioSet(10);
    const at = (shift: Record<string, number>) => fixedSetTruth(adv, 77, { marker: DOMAIN_MARKER, shift }, prompt, scenarios, keys, T, 24);
    const before = at({}), after = at(cal.shift);
    for (const k of keys) {
      const gap = after.reduce((s, x, i) => s + x[k] - before[i][k], 0) / scenarios.length;
      expect(Math.abs(gap + 10), k).toBeLessThan(3);
    }
  }, 120_000);

  it("the fixed-set truth is the mean score the product's judge request and parse record for those scenarios", () => {
    const scenarios = scenarioSet(3); // the third has an earlier exchange
    const domain = { marker: DOMAIN_MARKER, shift: { warm: -12 } };
    const truth = fixedSetTruth(adv, 91, domain, prompt, scenarios, keys, T, 160);
    const sums = scenarios.map(() => Object.fromEntries(keys.map((k) => [k, { s: 0, n: 0 }])));
    for (let seed = 0; seed < 160; seed += 1) {
      // A fresh world per run seed (fresh cache), as the worker asks them: failed answers asked once more, then skipped.
      const world = new SimWorld({ ...adv, worldSeed: 91 }, domain);
      for (const a of askScenarios(world, prompt, scenarios, keys, { ...RUN_DEFAULTS, seed }).answers) {
        for (const k of keys) if (typeof a.scores[k] === "number") { sums[a.itemIndex][k].s += a.scores[k]!; sums[a.itemIndex][k].n++; }
      }
    }
    for (let i = 0; i < scenarios.length; i++) {
      for (const k of keys) expect(Math.abs(sums[i][k].s / sums[i][k].n - truth[i][k]), `${i} ${k}`).toBeLessThan(2.5);
    }
  }, 120_000);

  it("one world end to end: a record per targeted trait, count and gap, scored against that truth", () => {
    const prep = prepareScenarios({ worlds: 1, seed: 3, counts: [3, 5], gaps: [0], truthSamples: 4, truthItems: 30, settings: { ...RUN_DEFAULTS, budgetPerTrait: 12 } });
    const records = runScenarioWorld(prep, 0);
    expect(records).toHaveLength(2 * keys.length);
    for (const r of records) {
      expect(r.n).toBeLessThanOrEqual(r.count);
      expect(r.n).toBeGreaterThan(1);
      expect(typeof r.covered).toBe("boolean");
      expect(Number.isFinite(r.trueGap)).toBe(true);
      expect(r.difference).not.toBeNull();
    }
    expect(runScenarioWorld(prep, 0)).toEqual(records);
  }, 120_000);
});
