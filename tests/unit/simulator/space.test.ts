import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import { norm } from "@/lib/llm/simulator/linalg";
import {
  correlationMatrix, expectedLanding, FACTORS, levelFromProjection, levelsAt, projectionForLevel, traitCorrelation, TRAIT_LOADINGS,
} from "@/lib/llm/simulator/space";
import { GENERATED_TABLES, renderGeneratedTables } from "@/lib/llm/simulator/tables";

const r = (a: string, b: string) => traitCorrelation(a, b)!;

describe("simulator persona space", () => {
  it("has a unit loading direction over every factor for each of its 24 dimensions, which cover the library's built-in traits", () => {
    expect(Object.keys(TRAIT_LOADINGS).sort()).toEqual(BUILTIN_TRAITS.map((t) => t.key).sort());
    for (const L of Object.values(TRAIT_LOADINGS)) {
      expect(L).toHaveLength(FACTORS.length);
      expect(norm(L)).toBeCloseTo(1, 10);
    }
  });

  it("expresses the product's science in its implied correlations", () => {
    expect(r("empathetic", "firm")).toBeGreaterThanOrEqual(-0.5);
    expect(r("empathetic", "firm")).toBeLessThanOrEqual(-0.3);
    expect(r("skeptical", "contrarian")).toBeGreaterThanOrEqual(0.5);
    expect(r("skeptical", "contrarian")).toBeLessThanOrEqual(0.7);
    expect(r("contrarian", "authority_resistant")).toBeGreaterThan(0.5);
    expect(r("skeptical", "authority_resistant")).toBeGreaterThan(0.3);
    expect(r("concise", "verbose")).toBeLessThan(-0.85);
    expect(r("formal", "playful")).toBeLessThan(-0.3);
    for (const [a, b] of [["empathetic", "warm"], ["empathetic", "patient"], ["warm", "patient"]]) expect(r(a, b)).toBeGreaterThan(0.55);
    for (const [a, b] of [["creative", "playful"], ["creative", "curious"], ["playful", "curious"]]) expect(r(a, b)).toBeGreaterThan(0.4);
    for (const yielding of ["sycophantic", "deferential"]) {
      for (const strong of ["skeptical", "assertive"]) expect(r(yielding, strong)).toBeLessThan(-0.3);
    }
    expect(r("firm", "warm")).toBeLessThan(0);
    expect(r("blunt", "warm")).toBeLessThan(0);
  });

  it("returns a symmetric matrix with a unit diagonal, and null for unknown traits", () => {
    const { keys, values } = correlationMatrix();
    expect(keys).toHaveLength(24);
    keys.forEach((_, i) => {
      expect(values[i][i]).toBeCloseTo(1, 10);
      keys.forEach((__, j) => expect(values[i][j]).toBeCloseTo(values[j][i], 12));
    });
    expect(traitCorrelation("empathetic", "dry_wit")).toBeNull();
  });

  it("maps positions to 0–100 levels and back, with 0/100 requests kept finite", () => {
    expect(levelFromProjection(0)).toBe(50);
    expect(levelFromProjection(projectionForLevel(80))).toBeCloseTo(80, 10);
    expect(Number.isFinite(projectionForLevel(100))).toBe(true);
    expect(levelFromProjection(projectionForLevel(100))).toBeCloseTo(92.75, 2);
    expect(levelFromProjection(projectionForLevel(0))).toBeCloseTo(7.25, 2);
  });

  it("computes the mean landing at a temperature: near the median when cool, pulled toward 50 when hot", () => {
    const z = [1.2, 0.8, 0, 0, 0, 0, 0];
    const median = levelsAt(z);
    const cool = expectedLanding(z, 0);
    const hot = expectedLanding(z, 2);
    expect(Math.abs(cool.empathetic - median.empathetic)).toBeLessThan(1.5);
    expect(Math.abs(hot.empathetic - 50)).toBeLessThan(Math.abs(median.empathetic - 50));
  });

  it("docs/simulator.md carries the tables generated from this code (regenerate: npm run sim -- --write-docs)", () => {
    const doc = readFileSync(path.join(process.cwd(), "docs/simulator.md"), "utf8");
    for (const [name, generate] of Object.entries(GENERATED_TABLES)) {
      expect(doc, `table ${name}`).toContain(`<!-- table:${name} -->\n${generate()}\n<!-- /table:${name} -->`);
    }
    expect(renderGeneratedTables(doc)).toBe(doc);
  });
});
