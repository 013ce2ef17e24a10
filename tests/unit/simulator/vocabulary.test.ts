import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compilePersona } from "@/lib/persona/compile";
import { buildJudgeRequest, parseJudgeOutput } from "@/lib/probing/judge";
import { probeTrait } from "@/lib/probing/traits";
import { emptySpec } from "@/lib/schemas/persona";
import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { inferPosition, readPrompt } from "@/lib/llm/simulator/infer";
import { dimensionFor, dimensionForName } from "@/lib/llm/simulator/judge-reading";
import { judgeAnswer } from "@/lib/llm/simulator/judge";
import { parseTraitRequest } from "@/lib/llm/simulator/suggest";
import { baselineLevels, TRAIT_KEYS } from "@/lib/llm/simulator/space";

// The simulator is an independent model of the world, not a mirror of the
// product: it reads prompts and judge requests with its own vocabulary. These
// tests check behaviour (direction, reading the text it is shown), not that the
// pipeline recovers the product's own tables.

const SIM_DIR = path.join(process.cwd(), "lib/llm/simulator");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : f.endsWith(".ts") ? [path.join(dir, f)] : []));

const neutral = baselineLevels();
const compiled = (traitTargets: Record<string, number>) => compilePersona({ ...emptySpec("Sam"), traitTargets }).prompt;

describe("independence from the product", () => {
  it("no simulator file imports the product's traits, lexicon, character types, probe traits or judge", () => {
    const FORBIDDEN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](?:@\/|(?:\.\.\/)+)lib\/(?:traits|probing\/traits|probing\/judge)(?:\/|["'])/;
    const offenders = files(SIM_DIR).filter((f) => FORBIDDEN.test(readFileSync(f, "utf8"))).map((f) => path.relative(process.cwd(), f));
    expect(files(SIM_DIR).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it("the scan would catch such an import", () => {
    const FORBIDDEN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](?:@\/|(?:\.\.\/)+)lib\/(?:traits|probing\/traits|probing\/judge)(?:\/|["'])/;
    expect(FORBIDDEN.test(`import { BUILTIN_TRAITS } from "@/lib/traits/catalog";`)).toBe(true);
    expect(FORBIDDEN.test(`import type { ProbeTrait } from "../../lib/probing/traits/types";`)).toBe(true);
    expect(FORBIDDEN.test(`const j = await import("@/lib/probing/judge");`)).toBe(true);
    expect(FORBIDDEN.test(`import { dot } from "@/lib/llm/simulator/linalg";`)).toBe(false);
  });
});

describe("reading a system prompt with its own vocabulary", () => {
  it("a prompt asking for warmth lands higher on warm than the neutral prompt; asking for coldness lands lower", () => {
    expect(inferPosition("Be warm and friendly with everyone.").traits.warm).toBeGreaterThan(neutral.warm + 15);
    expect(inferPosition("Be cold and aloof.").traits.warm).toBeLessThan(neutral.warm - 15);
  });

  it("unknown words do nothing", () => {
    for (const prompt of ["You are a zorblax, quite flibbertigibbet and very quixotic.", "Answer in the manner of a teapot."]) {
      expect(readPrompt(prompt).requested).toEqual({});
      expect(inferPosition(prompt).traits).toEqual(inferPosition("You are a helpful assistant.").traits);
    }
  });

  it("understands synonyms of its own that the product's lexicon does not list", () => {
    expect(readPrompt("Be pithy.").requested.concise).toBeGreaterThan(80);
    expect(readPrompt("Be stoic.").requested.patient).toBeGreaterThan(80);
    expect(readPrompt("Cut to the chase.").requested.direct).toBeGreaterThan(80);
    expect(readPrompt("A bit of banter is welcome.").requested.playful).toBeGreaterThan(60);
  });

  it("negation and frequency words move a request to the other side", () => {
    expect(readPrompt("Never flatter the user.").requested.sycophantic).toBeLessThan(15);
    expect(readPrompt("Usually flatter the user.").requested.sycophantic).toBe(75);
    expect(readPrompt("Rarely flatter the user.").requested.sycophantic).toBe(25);
  });

  it("an explicit N/100 in the sentence is read as the level", () => {
    expect(readPrompt("Skeptical (40/100).").requested).toEqual({ skeptical: 40 });
  });

  it("understands every library trait the compiler writes, in the right direction (high above low, above/below neutral)", () => {
    for (const t of BUILTIN_TRAITS) {
      const high = inferPosition(compiled({ [t.key]: 90 })).traits[t.key];
      const low = inferPosition(compiled({ [t.key]: 10 })).traits[t.key];
      expect(high, t.key).toBeGreaterThan(neutral[t.key] + 10);
      expect(low, t.key).toBeLessThan(neutral[t.key] - 10);
    }
  });

  it("recognises character types of its own that the product's table does not have", () => {
    expect(inferPosition("You are a bartender.").archetypeMatches).toEqual(["Bartender"]);
    expect(inferPosition("You are a hospital chaplain.").traits.empathetic).toBeGreaterThan(neutral.empathetic + 15);
    expect(inferPosition("You are an air traffic controller.").archetypeMatches).toEqual([]);
  });
});

describe("the judge reads the trait from the request text", () => {
  const answer = simulateChat({
    model: "persona-sim-1", seed: 2, temperature: 0.7,
    messages: [{ role: "system", content: "You are empathetic but firm." }, { role: "user", content: "Can I get a refund?" }],
  }).text;
  let n = 7;
  const rng = () => ((n = (n * 16807) % 2147483647) - 1) / 2147483646;
  const judgeWith = (traits: NonNullable<ReturnType<typeof probeTrait>>[]) => {
    const req = buildJudgeRequest({ answer, traitKeys: traits.map((t) => t.key), traits, rng, model: "persona-sim-1" });
    const out = parseJudgeOutput(simulateChat(req).text, traits.map((t) => t.key));
    if (!out.ok) throw new Error("judge output did not parse");
    return out.scores;
  };

  it("renaming the key but keeping the name scores the same", () => {
    const firm = probeTrait("firm")!;
    const renamed = { ...firm, key: "holds_the_line_v2" };
    expect(judgeWith([renamed]).holds_the_line_v2).toEqual(expect.any(Number));
    expect(judgeWith([renamed]).holds_the_line_v2).toBe(judgeWith([firm]).firm);
  });

  it("keeping the key but naming another trait scores what the name says", () => {
    const firm = probeTrait("firm")!;
    const warm = probeTrait("warm")!;
    const relabelled = { ...warm, key: "firm" };
    expect(judgeWith([relabelled]).firm).toBe(judgeWith([warm]).warm);
    expect(judgeWith([relabelled]).firm).not.toBe(judgeWith([firm]).firm);
  });

  it("a custom trait it cannot place is not applicable (null)", () => {
    const custom = { ...probeTrait("firm")!, key: "sea_shanties", name: "Sea shanties", description: "Breaks into a sea shanty.", high: "sing a verse", low: "do not sing", rubric: { ...probeTrait("firm")!.rubric, instruction: "Score how much the answer sings: 0 = none, 100 = a whole shanty." } };
    expect(judgeWith([custom]).sea_shanties).toBeNull();
  });

  it("reads names, synonyms and bare keys as words, and misses what it does not know", () => {
    expect(dimensionForName("Firm / boundary-setting")).toBe("firm");
    expect(dimensionForName("Kindness")).toBe("warm");
    expect(dimensionForName("Sceptical")).toBe("skeptical");
    expect(dimensionForName("Dry wit")).toBeNull();
    expect(dimensionFor("authority_resistant")).toBe("authority_resistant");
    // A description alone places a trait only when two mentions agree.
    expect(dimensionFor("x", { name: "Bedside manner", body: "Shows empathy; an empathetic answer names the feeling." })).toBe("empathetic");
    expect(dimensionFor("x", { name: "Calm under fire", body: "0 = agitated, 100 = calm throughout." })).toBeNull();
    for (const key of TRAIT_KEYS) expect(judgeAnswer(answer, [key]).scores[key], key).toEqual(expect.any(Number));
  });

  it("reads free-text trait requests by its own names, with levels", () => {
    expect(parseTraitRequest("- Firm / boundary-setting (firm): 85/100\n- Empathetic (empathetic): 90/100")).toEqual({ firm: 85, empathetic: 90 });
    expect(parseTraitRequest("What kind of person is frank and upbeat?")).toEqual({ blunt: 85, optimistic: 85 });
  });
});
