import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import {
  ANCHOR_SCORES,
  PROBE_TOPICS,
  PROBE_TRAITS,
  TRAIT_LIBRARY_VERSION,
  canonicalJson,
  fnv1a32,
  libraryVersion,
  probeTrait,
} from "@/lib/probing/traits";

describe("probe trait library", () => {
  it("covers every built-in trait, in catalog order, reusing the catalog's definitions", () => {
    expect(PROBE_TRAITS.map((t) => t.key)).toEqual(BUILTIN_TRAITS.map((t) => t.key));
    expect(PROBE_TRAITS).toHaveLength(24);
    for (const def of BUILTIN_TRAITS) expect(probeTrait(def.key)).toMatchObject(def);
    expect(probeTrait("dry_wit")).toBeUndefined();
  });

  it("gives each trait at least 12 distinct probe items spread over every topic", () => {
    for (const t of PROBE_TRAITS) {
      expect(t.probes.length, t.key).toBeGreaterThanOrEqual(12);
      expect(new Set(t.probes.map((p) => p.text.toLowerCase())).size, t.key).toBe(t.probes.length);
      expect(new Set(t.probes.map((p) => p.topic)), t.key).toEqual(new Set(PROBE_TOPICS));
      for (const p of t.probes) {
        expect(p.traitKey).toBe(t.key);
        expect(p.text.trim()).toBe(p.text);
        expect(p.text.length, p.text).toBeGreaterThanOrEqual(10);
        expect(p.text.length, p.text).toBeLessThanOrEqual(200);
      }
    }
  });

  it("gives every item a stable id derived from its trait and text, unique across the library", () => {
    const ids = PROBE_TRAITS.flatMap((t) => t.probes.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    const item = probeTrait("firm")!.probes[0];
    expect(item.id).toBe(`firm/${fnv1a32(item.text)}`);
  });

  it("gives each trait a one-sentence instruction and distinct anchors at 0, 50 and 100", () => {
    for (const { key, rubric } of PROBE_TRAITS) {
      expect(rubric.instruction, key).toMatch(/^Score how .+\.$/);
      expect(rubric.instruction, key).not.toMatch(/[.!?]\s+[A-Z]/); // one sentence
      expect(rubric.scenario.length, key).toBeGreaterThan(10);
      const anchors = ANCHOR_SCORES.map((s) => rubric.anchors[s]);
      for (const a of anchors) expect(a.length, key).toBeGreaterThan(20);
      expect(new Set(anchors).size, key).toBe(3);
    }
  });
});

describe("library version", () => {
  it("hashes with FNV-1a 32 (reference vectors)", () => {
    expect(fnv1a32("")).toBe("811c9dc5");
    expect(fnv1a32("a")).toBe("e40c292c");
    expect(fnv1a32("foobar")).toBe("bf9cf968");
    expect(fnv1a32("é")).toBe(fnv1a32("\u00e9")); // UTF-8 bytes, not UTF-16 units
  });

  it("is a deterministic content hash that changes when any item or anchor changes", () => {
    expect(TRAIT_LIBRARY_VERSION).toMatch(/^traits-[0-9a-f]{8}$/);
    expect(libraryVersion(PROBE_TRAITS)).toBe(TRAIT_LIBRARY_VERSION);
    const editedItem = PROBE_TRAITS.map((t, i) =>
      i === 3 ? { ...t, probes: t.probes.map((p, j) => (j === 5 ? { ...p, text: `${p.text} ` } : p)) } : t);
    expect(libraryVersion(editedItem)).not.toBe(TRAIT_LIBRARY_VERSION);
    const editedAnchor = PROBE_TRAITS.map((t, i) =>
      i === 0 ? { ...t, rubric: { ...t.rubric, anchors: { ...t.rubric.anchors, 50: "changed" } } } : t);
    expect(libraryVersion(editedAnchor)).not.toBe(TRAIT_LIBRARY_VERSION);
  });

  it("does not depend on the key order of object literals", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: null }] })).toBe(canonicalJson({ a: [2, { c: null, d: 3 }], b: 1 }));
  });
});

describe("purity of lib/probing/{traits,judge}", () => {
  const root = path.resolve(__dirname, "../../../lib/probing");
  const files = ["traits", "traits/data", "judge"].flatMap((dir) =>
    readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".ts")).map((f) => path.join(root, dir, f)));

  it("imports no simulator, database, network, clock or global randomness", () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const src = readFileSync(file, "utf8");
      for (const banned of [/lib\/llm\/simulator/, /prisma/i, /\bfetch\(/, /Math\.random/, /Date\.now/, /new Date\b/, /from "node:/, /server-only/]) {
        expect(src, `${path.relative(root, file)} uses ${banned}`).not.toMatch(banned);
      }
    }
  });
});
