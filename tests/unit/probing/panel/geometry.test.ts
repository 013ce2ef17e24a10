import { describe, expect, it } from "vitest";
import { distanceMatrix, effectivePositions, memberDistance, panelMap, symmetricEigen } from "@/lib/probing/panel";

describe("panel geometry", () => {
  it("reads distances in points whatever the number of traits", () => {
    expect(memberDistance([10, 20, 30], [20, 30, 40])).toBeCloseTo(10, 12);
    expect(memberDistance([50, 50, 50, 50], [70, 50, 50, 50])).toBeCloseTo(10, 12); // 20 on one trait of four
    expect(memberDistance([1, 2], [1, 2])).toBe(0);
  });

  it("counts identical members as one position and far-apart members as k", () => {
    const same = distanceMatrix([[40, 60], [40, 60], [40, 60]]);
    expect(effectivePositions(same)).toBe(1);
    const far = distanceMatrix([[0, 0], [100, 0], [0, 100], [100, 100]]);
    expect(effectivePositions(far)).toBeGreaterThan(3.99);
    // Two positions, two members each: 2 (positions, not members).
    expect(effectivePositions(distanceMatrix([[0], [0], [100], [100]]))).toBeCloseTo(2, 3);
    // Hand-computed: two members one scale apart → 2 / (1 + e⁻¹).
    expect(effectivePositions([[0, 10], [10, 0]])).toBeCloseTo(2 / (1 + Math.exp(-1)), 12);
    expect(effectivePositions([[0, 10], [10, 0]], 5)).toBeCloseTo(2 / (1 + Math.exp(-2)), 12);
  });

  it("grows with spread and stays between 1 and k", () => {
    let previous = 1;
    for (const gap of [2, 5, 10, 20, 40]) {
      const d = effectivePositions(distanceMatrix([[50], [50 + gap], [50 + 2 * gap]]));
      expect(d).toBeGreaterThan(previous);
      expect(d).toBeLessThanOrEqual(3);
      previous = d;
    }
  });

  it("diagonalises a symmetric matrix", () => {
    const m = [[4, 1, 0], [1, 3, 1], [0, 1, 2]];
    const { values, vectors } = symmetricEigen(m);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    for (let c = 0; c < 3; c++) {
      const v = vectors.map((r) => r[c]);
      const mv = m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
      mv.forEach((x, i) => expect(x).toBeCloseTo(values[c] * v[i], 9));
    }
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(9, 9); // trace
  });

  it("maps members exactly when they lie on a plane, and says so", () => {
    // Four traits, but the members differ only along two directions.
    const landings = [[20, 20, 50, 50], [80, 20, 50, 50], [20, 80, 50, 50], [50, 50, 50, 50]];
    const map = panelMap(landings);
    expect(map.explained).toBeCloseTo(1, 9);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const [xi, yi] = map.coordinates[i], [xj, yj] = map.coordinates[j];
      expect(Math.hypot(xi - xj, yi - yj)).toBeCloseTo(memberDistance(landings[i], landings[j]), 8);
    }
    // Orientation: the first member sits on the positive side of both axes.
    expect(map.coordinates[0][0]).toBeGreaterThan(0);
    expect(map.coordinates[0][1]).toBeGreaterThan(0);
  });

  it("draws the same map for the same members however the traits point, and says when it is partial", () => {
    const a = [[10, 30, 70], [60, 20, 40], [30, 90, 10], [70, 70, 70], [20, 40, 60]];
    const flipped = a.map((l) => l.map((v) => 100 - v)); // every trait reversed: the same geometry
    const m1 = panelMap(a), m2 = panelMap(flipped);
    m1.coordinates.forEach(([x, y], i) => {
      expect(m2.coordinates[i][0]).toBeCloseTo(x, 8);
      expect(m2.coordinates[i][1]).toBeCloseTo(y, 8);
    });
    expect(m1.explained).toBeGreaterThan(0.5);
    expect(m1.explained).toBeLessThan(1);
  });

  it("puts identical members at the origin with no share to report", () => {
    expect(panelMap([[50, 50], [50, 50]])).toEqual({ coordinates: [[0, 0], [0, 0]], explained: null });
    expect(panelMap([])).toEqual({ coordinates: [], explained: null });
  });
});
