import { describe, expect, it } from "vitest";
import {
  interval, matchingPanelFlags, panelFlagList, panelProgressLine, panelTables, panelVerdict, parsePanelFailOn,
} from "@/bin/cli/panel.mjs";
import type { PolarityResult } from "@/lib/probing/panel/polarity";
import type { PanelReport } from "@/lib/probing/panel/report-types";
import type { PanelRun } from "@/lib/schemas/panel-run";

// The CLI's panel output, pure (issue 13 §9): what fails a CI job and what it
// prints. End to end against a real server: tests/integration/cli-panel.test.ts.

const iv = (estimate: number, lo: number | null, hi: number | null) => ({ estimate, lo, hi });
const est = (estimate: number, lo: number, hi: number) => ({ estimate, lo, hi, halfWidth: (hi - lo) / 2, se: 1, df: 30, items: 31, answers: 31, floored: false, method: "t" }) as PolarityResult["difference"];

const report = (gainLo: number): PanelReport => ({
  methodVersion: "test", final: true, watched: ["skeptical", "warm"], traitLabels: { skeptical: "Skeptical", warm: "Warm" },
  members: [{ key: "doubter", name: "Doubter" }, { key: "skeptic", name: "Skeptic" }, { key: "host", name: "Host" }],
  arms: [{
    arm: "single", label: "One model", seats: { doubter: "Simulator · persona-sim-2", skeptic: "Simulator · persona-sim-2", host: "Simulator · persona-sim-2" },
    divergence: {
      members: ["doubter", "skeptic", "host"], traits: ["skeptical", "warm"], items: 64, droppedItems: [],
      landings: {}, map: { coordinates: [[0, 0], [1, 0], [20, 5]], explained: 0.97 },
      pairs: [
        { a: "doubter", b: "skeptic", distance: iv(1.2, 0, 3.1), status: "costume change", promptsDiffer: true, traits: [] },
        { a: "doubter", b: "host", distance: iv(21.4, 18.2, 24.9), status: "distinct", promptsDiffer: true, traits: [] },
        { a: "skeptic", b: "host", distance: iv(20.8, 17.5, 24.0), status: "distinct", promptsDiffer: true, traits: [] },
      ],
      meanDistance: iv(14.5, 12.1, 16.8), effectivePositions: iv(1.9, 1.7, 2.1),
      settings: { level: 0.95, resamples: 2000, margin: 5, alpha: 0.05, scale: 10 },
    },
    polarity: [{ a: "skeptic", b: "host", weights: { warm: 1 }, expect: "a>b", difference: est(-18, -21, -15), status: "fails to diverge", minimum: 10, testLo: -21, testHi: -15, p: 0.001 }],
    distinguish: [{ a: "doubter", b: "skeptic", n: 16, correct: 8, accuracy: iv(0.5, 0.25, 0.75), p: 0.6, q: 0.6, status: "inconclusive", undecided: 0 }],
    groups: [],
    flags: [
      { kind: "costume", arm: "single", members: ["doubter", "skeptic"], message: "Doubter and Skeptic land within ±5 of each other on every trait although their prompts differ: a costume change" },
      { kind: "polarity", arm: "single", members: ["skeptic", "host"], message: "Skeptic should be warmer than Host but lands 18 points colder" },
    ],
  }],
  gain: {
    items: 64, droppedItems: [],
    effectivePositions: { single: iv(1.9, 1.7, 2.1), routed: iv(2.4, 2.1, 2.7), gain: iv(0.5, gainLo, 0.8) },
    meanDistance: { single: iv(14.5, 12.1, 16.8), routed: iv(17, 15, 19), gain: iv(2.5, gainLo, 4.4) },
    moved: [{ member: "host", distance: iv(6.1, 4.2, 8.0) }],
  },
  flags: [],
  notes: [],
});

describe("persona-studio panel output", () => {
  it("parses --fail-on into panel flag kinds and rejects the probe's kinds by name", () => {
    expect(parsePanelFailOn("costume, polarity")).toEqual(["costume", "polarity"]);
    expect(parsePanelFailOn("any")).toEqual(["costume", "polarity", "indistinguishable"]);
    expect(parsePanelFailOn("none")).toEqual([]);
    expect(() => parsePanelFailOn("costume,leakage")).toThrow(/unknown panel flag kind "leakage"/);
  });

  it("fails only on the named kinds and says so", () => {
    const r = report(0.1);
    r.flags = r.arms[0].flags;
    expect(matchingPanelFlags(r, ["costume"]).map((f) => f.kind)).toEqual(["costume"]);
    expect(matchingPanelFlags(r, ["indistinguishable"])).toEqual([]);
    expect(panelVerdict(matchingPanelFlags(r, ["costume", "polarity"]), ["costume", "polarity"])).toBe("FAILED: 2 flags of --fail-on costume,polarity.");
    expect(panelVerdict([], ["indistinguishable"])).toBe("PASSED: no indistinguishable flags.");
    expect(panelVerdict([], [])).toBeNull();
    expect(panelFlagList(r)).toContain("costume           Doubter and Skeptic land within ±5");
  });

  it("prints every pair by member name with its interval, status and the judge's accuracy", () => {
    const text = panelTables(report(0.1));
    expect(text).toContain("One model: 1.9 [1.7, 2.1] effective positions of 3; mean distance 14.5 [12.1, 16.8] points; 64 common items");
    expect(text).toMatch(/Doubter – Skeptic\s+1\.2 \[0\.0, 3\.1\]\s+costume change\s+50% of 16 \(inconclusive\)/);
    expect(text).toMatch(/Doubter – Host\s+21\.4 \[18\.2, 24\.9\]\s+distinct\s+–/);
    expect(text).toContain("Polarity Skeptic vs Host: -18.0 [-21.0, -15.0] on the axis (needs 10): fails to diverge");
  });

  it("reads the ceiling experiment's gain as clear only when its interval excludes 0", () => {
    expect(panelTables(report(0.1))).toContain("effective positions +0.5 [0.1, 0.8] (a clear gain)");
    expect(panelTables(report(-0.2))).toContain("effective positions +0.5 [-0.2, 0.8] (no clear gain)");
    expect(panelTables(report(0.1))).toContain("Moved most when it changed model: Host 6.1 [4.2, 8.0]");
  });

  it("prints a missing interval as a dash, never NaN or null", () => {
    expect(interval({ estimate: 2, lo: null, hi: null })).toBe("2.0 [–, –]");
    expect(interval(undefined)).toBe("– [–, –]");
  });

  it("shows progress over the member runs and the blind distinguishability pass", () => {
    const run = {
      status: "running", modelCalls: 120, cacheHits: 40,
      members: [
        { runs: [{ status: "completed", done: 30 }, { status: "running", done: 12 }] },
        { runs: [{ status: "queued", done: 0 }, { status: "completed", done: 30 }] },
      ],
      distinguish: { status: "waiting", done: 0, total: 0 },
    } as unknown as PanelRun;
    expect(panelProgressLine(run)).toBe("running: 2/4 member runs finished · 72 answers · blind distinguishability 0/? · 120 calls, 40 reused");
  });
});
