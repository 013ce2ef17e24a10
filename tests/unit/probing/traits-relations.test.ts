import { describe, expect, it } from "vitest";
import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import { traitCorrelation } from "@/lib/llm/simulator/space";
import { NEUTRAL_REASON, TRAIT_RELATIONS, relatedTraits, relationOf } from "@/lib/probing/traits";

const keys = BUILTIN_TRAITS.map((t) => t.key);
const allPairs = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b] as const));

describe("trait relations", () => {
  it("names only built-in traits, once per unordered pair, each with a one-line reason", () => {
    const seen = new Set<string>();
    for (const r of TRAIT_RELATIONS) {
      expect(keys).toContain(r.a);
      expect(keys).toContain(r.b);
      expect(r.a).not.toBe(r.b);
      const pair = [r.a, r.b].sort().join("|");
      expect(seen.has(pair), pair).toBe(false);
      seen.add(pair);
      expect(r.reason, pair).toMatch(/^[A-Z].{10,110}\.$/);
      expect(r.reason).not.toContain("\n");
    }
  });

  it("states a relation for every pair the simulator correlates at |r| ≥ 0.3, with a matching sign", () => {
    const strong = allPairs.filter(([a, b]) => Math.abs(traitCorrelation(a, b)!) >= 0.3);
    expect(strong.length).toBeGreaterThan(100);
    for (const [a, b] of strong) {
      const r = traitCorrelation(a, b)!;
      expect(relationOf(a, b).relation, `${a}–${b} (r = ${r.toFixed(2)})`).toBe(r > 0 ? "reinforcing" : "tension");
    }
  });

  it("agrees with the simulator: reinforcing pairs have r > 0.2, tension pairs r < −0.2", () => {
    for (const rel of TRAIT_RELATIONS) {
      const r = traitCorrelation(rel.a, rel.b)!;
      if (rel.relation === "reinforcing") expect(r, `${rel.a}–${rel.b}`).toBeGreaterThan(0.2);
      if (rel.relation === "tension") expect(r, `${rel.a}–${rel.b}`).toBeLessThan(-0.2);
    }
  });

  it("is symmetric and defaults to neutral", () => {
    for (const [a, b] of allPairs) {
      const ab = relationOf(a, b);
      const ba = relationOf(b, a);
      expect([ab.relation, ab.reason]).toEqual([ba.relation, ba.reason]);
    }
    expect(relationOf("empathetic", "firm").relation).toBe("tension");
    expect(relationOf("firm", "empathetic").relation).toBe("tension");
    expect(relationOf("warm", "empathetic").relation).toBe("reinforcing");
    expect(relationOf("concise", "cautious")).toEqual({ a: "concise", b: "cautious", relation: "neutral", reason: NEUTRAL_REASON });
    expect(relationOf("dry_wit", "warm")).toMatchObject({ relation: "neutral", reason: "No strong expected relation" });
  });
});

describe("relatedTraits — default traits to watch", () => {
  it("keeps the given keys first and adds their reinforcing and tension partners once, in catalog order", () => {
    const watched = relatedTraits(["firm", "empathetic", "firm"]);
    expect(watched.slice(0, 2)).toEqual(["firm", "empathetic"]);
    expect(new Set(watched).size).toBe(watched.length);
    for (const k of ["warm", "patient", "blunt", "assertive", "deferential", "sycophantic"]) expect(watched).toContain(k);
    const rest = watched.slice(2);
    expect(rest).toEqual([...rest].sort((x, y) => keys.indexOf(x) - keys.indexOf(y)));
    for (const k of rest) {
      expect(["firm", "empathetic"].some((t) => relationOf(t, k).relation !== "neutral"), k).toBe(true);
    }
    // concise has no stated relation to either
    expect(watched).not.toContain("concise");
  });

  it("passes custom trait keys through and handles the empty list", () => {
    expect(relatedTraits(["dry_wit"])).toEqual(["dry_wit"]);
    expect(relatedTraits([])).toEqual([]);
    expect(relatedTraits(["dry_wit", "concise"]).slice(0, 2)).toEqual(["dry_wit", "concise"]);
  });
});
