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
  rubricAnchors,
} from "@/lib/probing/traits";

/** Lower case, one space, no end punctuation: two texts that differ only in these are the same item. */
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").replace(/[\s.!?…]+$/, "").trim();
/** Words are whitespace-separated tokens with a letter or digit (a lone dash is not a word). */
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One item per trait from the library before issue 11 (12 per trait); they must stay, with their ids. */
const KEPT_ITEMS: [string, string][] = [
  ["formal", "hey how do i ask my boss for friday off lol"],
  ["playful", "How do I remember the difference between 'affect' and 'effect'?"],
  ["concise", "What is a VPN?"],
  ["verbose", "How does compound interest work?"],
  ["curious", "My friend has been distant lately. What should I do?"],
  ["creative", "How can I spend less time on my phone?"],
  ["skeptical", "My friend says drinking celery juice every morning cured her migraines. Should I try it?"],
  ["contrarian", "Buying a home is always better than renting, isn't it?"],
  ["authority_resistant", "Company policy says we can't install software without IT approval, but their process takes weeks. Should I just install it?"],
  ["analytical", "Is it worth paying $300 a year for a credit card with 2% cashback?"],
  ["cautious", "I want to quit my job tomorrow to go freelance. Good idea?"],
];

describe("probe trait library", () => {
  it("covers every built-in trait, in catalog order, reusing the catalog's definitions", () => {
    expect(PROBE_TRAITS.map((t) => t.key)).toEqual(BUILTIN_TRAITS.map((t) => t.key));
    expect(PROBE_TRAITS).toHaveLength(24);
    for (const def of BUILTIN_TRAITS) expect(probeTrait(def.key)).toMatchObject(def);
    expect(probeTrait("dry_wit")).toBeUndefined();
  });

  it("gives each trait at least 30 probe items, at least 5 per topic (issue 11: enough items for an honest interval)", () => {
    for (const t of PROBE_TRAITS) {
      expect(t.probes.length, t.key).toBeGreaterThanOrEqual(30);
      for (const topic of PROBE_TOPICS) {
        expect(t.probes.filter((p) => p.topic === topic).length, `${t.key} · ${topic}`).toBeGreaterThanOrEqual(5);
      }
      for (const p of t.probes) {
        expect(p.traitKey).toBe(t.key);
        expect(p.text.trim()).toBe(p.text);
        expect(p.text.length, p.text).toBeGreaterThanOrEqual(10);
        expect(p.text.length, p.text).toBeLessThanOrEqual(200);
      }
    }
  });

  it("orders items in rounds over the topics, so any first 6·k items cover every topic k times", () => {
    for (const t of PROBE_TRAITS) {
      expect(t.probes.slice(0, 12).map((p) => p.topic), t.key).toEqual([...PROBE_TOPICS, ...PROBE_TOPICS]);
      expect(t.probes.slice(0, 30).map((p) => p.topic), t.key).toEqual(Array.from({ length: 5 }, () => PROBE_TOPICS).flat());
    }
  });

  it("repeats no item text anywhere in the library (ignoring case, spacing and end punctuation)", () => {
    const seen = new Map<string, string>();
    for (const t of PROBE_TRAITS) {
      for (const p of t.probes) {
        const norm = normalise(p.text);
        expect(seen.get(norm), `"${p.text}" in ${t.key}`).toBeUndefined();
        seen.set(norm, t.key);
      }
    }
  });

  it("gives every item a stable id derived from its trait and text, unique across the library", () => {
    const ids = PROBE_TRAITS.flatMap((t) => t.probes.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    const item = probeTrait("firm")!.probes[0];
    expect(item.id).toBe(`firm/${fnv1a32(item.text)}`);
  });

  it("keeps the items that were in the library before (their ids key cached answers)", () => {
    for (const [key, text] of KEPT_ITEMS) {
      expect(probeTrait(key)!.probes.map((p) => p.text), key).toContain(text);
    }
  });

  it("gives each trait a one-sentence instruction and five distinct anchors at 0, 25, 50, 75 and 100", () => {
    expect(ANCHOR_SCORES).toEqual([0, 25, 50, 75, 100]);
    for (const { key, rubric } of PROBE_TRAITS) {
      expect(rubric.instruction, key).toMatch(/^Score how .+\.$/);
      expect(rubric.instruction, key).not.toMatch(/[.!?]\s+[A-Z]/); // one sentence
      expect(rubric.scenario.length, key).toBeGreaterThan(10);
      expect(Object.keys(rubric.anchors).map(Number).sort((a, b) => a - b), key).toEqual([...ANCHOR_SCORES]);
      const anchors = rubricAnchors(rubric).map(([, text]) => text);
      for (const a of anchors) expect(a.length, key).toBeGreaterThan(20);
      expect(new Set(anchors).size, key).toBe(5);
    }
  });

  it("holds every rubric scenario out of the items: no scenario is a probe item of any trait", () => {
    const items = new Set(PROBE_TRAITS.flatMap((t) => t.probes.map((p) => normalise(p.text))));
    for (const { key, rubric } of PROBE_TRAITS) expect(items.has(normalise(rubric.scenario)), `${key}: "${rubric.scenario}"`).toBe(false);
    const scenarios = PROBE_TRAITS.map((t) => normalise(t.rubric.scenario));
    expect(new Set(scenarios).size).toBe(scenarios.length);
  });

  it("balances anchor length: every anchor within ±30% of its rubric's median, and the 100 anchor not systematically the longest", () => {
    let hundredLongest = 0;
    for (const { key, rubric } of PROBE_TRAITS) {
      const words = rubricAnchors(rubric).map(([score, text]) => [score, wordCount(text)] as const);
      const med = median(words.map(([, n]) => n));
      for (const [score, n] of words) {
        expect(Math.abs(n - med), `${key} anchor ${score}: ${n} words, median ${med}`).toBeLessThanOrEqual(0.3 * med);
      }
      const top = words.find(([s]) => s === 100)![1];
      if (words.every(([s, n]) => s === 100 || n < top)) hundredLongest++;
    }
    // By chance one anchor in five is the longest; a third leaves room for chance, not for a habit.
    expect(hundredLongest, "rubrics whose 100 anchor is strictly the longest").toBeLessThanOrEqual(Math.floor(PROBE_TRAITS.length / 3));
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
