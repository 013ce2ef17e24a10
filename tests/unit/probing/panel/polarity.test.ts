import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { axisWeights, panelMatrix, polarityTest } from "@/lib/probing/panel";
import { drawPanel } from "@/tests/unit/probing/panel/helpers";

const traits = ["warm", "blunt", "curious"];

describe("polarity pairs", () => {
  // Socrates and Feynman declared opposites on "blunt"; the skeptic and the optimist on a warm-vs-blunt direction.
  const positions = {
    socrates: [50, 72, 60], feynman: [55, 28, 60], // 44 apart on blunt: diverges
    skeptic: [45, 55, 50], optimist: [50, 51, 50], // planted failure: 4 apart on blunt, 5 on warm
  };
  const x = panelMatrix(drawPanel(mulberry32(31), { traits, positions, items: 24, perItem: 2 }), traits);

  it("passes a pair that sits far apart on its axis", () => {
    const r = polarityTest(x, { a: "socrates", b: "feynman", axis: "blunt", expect: "a>b" });
    expect(r.status).toBe("diverges");
    expect(r.testLo!).toBeGreaterThan(10);
    expect(r.difference.lo! < 44 && r.difference.hi! > 44).toBe(true);
  });

  it("flags a planted pair that fails to diverge, with or without a declared direction", () => {
    const oriented = polarityTest(x, { a: "skeptic", b: "optimist", axis: "blunt", expect: "a>b" });
    expect(oriented.status).toBe("fails to diverge");
    expect(oriented.testHi!).toBeLessThan(10);
    expect(oriented.p!).toBeLessThan(0.05);
    expect(polarityTest(x, { a: "skeptic", b: "optimist", axis: "blunt" }).status).toBe("fails to diverge");
  });

  it("fails a pair that lands the wrong way round, however far apart", () => {
    const r = polarityTest(x, { a: "socrates", b: "feynman", axis: "blunt", expect: "a<b" });
    expect(r.difference.estimate!).toBeLessThan(-30);
    expect(r.status).toBe("fails to diverge");
    // Without a direction the same pair diverges: only the size counts.
    expect(polarityTest(x, { a: "socrates", b: "feynman", axis: "blunt" }).status).toBe("diverges");
  });

  it("reads a weighted direction in points, like one trait", () => {
    expect(axisWeights({ warm: 2, blunt: -2 }, traits)).toEqual({ warm: 0.5, blunt: -0.5 });
    expect(() => axisWeights("nope", traits)).toThrow(/not watched/);
    expect(() => axisWeights({ warm: 0 }, traits)).toThrow(/non-zero/);
    // Warm − blunt: skeptic vs optimist = (−5 − 4)/2 = −4.5 points; Socrates vs Feynman = (−5 − 44)/2 = −24.5.
    const r = polarityTest(x, { a: "socrates", b: "feynman", axis: { warm: 1, blunt: -1 } });
    expect(r.difference.lo! < -24.5 && r.difference.hi! > -24.5).toBe(true);
    expect(r.status).toBe("diverges");
    expect(polarityTest(x, { a: "skeptic", b: "optimist", axis: { warm: 1, blunt: -1 } }).status).toBe("fails to diverge");
  });

  it("is inconclusive when the interval straddles the minimum", () => {
    // True gap exactly at the minimum: inconclusive in ~90% of worlds; this seed draws one of them.
    const few = panelMatrix(drawPanel(mulberry32(33), { traits, items: 5, perItem: 1, noiseSd: 12, positions: { a: [50, 60, 50], b: [50, 50, 50] } }), traits);
    expect(polarityTest(few, { a: "a", b: "b", axis: "blunt", expect: "a>b" }).status).toBe("inconclusive");
  });

  it("refuses members the panel does not have", () => {
    expect(() => polarityTest(x, { a: "socrates", b: "plato", axis: "blunt" })).toThrow(/not in the panel/);
  });
});
