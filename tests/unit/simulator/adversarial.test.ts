import type { AddressInfo } from "node:net";
import type http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import {
  ADVERSARIAL_DEFAULTS, adversarialOptions, distortScores, itemShift, NO_DISTORTION, type AdversarialOptions,
} from "@/lib/llm/simulator/adversarial";
import { adversarialFromArgs } from "@/lib/llm/simulator/adversarial-config";
import { simulateChat, SIMULATOR_MODEL, type SimulateOptions } from "@/lib/llm/simulator/engine";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { judgeAnswer } from "@/lib/llm/simulator/judge";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import type { ChatRequest } from "@/lib/llm/types";

// Each knob of the adversarial mode does what docs/simulator.md §10 says,
// checked statistically on many deterministic (hashed) draws, never on timing.

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

const answerReq = (system: string, user: string, seed = 0, temperature = 0.7): ChatRequest => ({
  model: SIMULATOR_MODEL, seed, temperature, messages: [{ role: "system", content: system }, { role: "user", content: user }],
});

const SCHEMA = (keys: string[]) => ({
  type: "json_schema" as const, name: "judge",
  schema: { type: "object", properties: { scores: { type: "object", properties: Object.fromEntries(keys.map((k) => [k, { type: ["integer", "null"] }])) }, refusal: { type: "boolean" } } },
});

/** The simulator's judge, through the engine, with the given options; `seed` varies the judge's draw (test–retest). */
function judged(answer: string, keys: string[], opts: SimulateOptions, seed?: number): Record<string, number | null> {
  const { text } = simulateChat({ model: SIMULATOR_MODEL, temperature: 0, seed, responseFormat: SCHEMA(keys), messages: [{ role: "user", content: `<answer>${answer}</answer>` }] }, opts);
  return (JSON.parse(text) as { scores: Record<string, number | null> }).scores;
}

const only = (knobs: Partial<AdversarialOptions>): SimulateOptions => ({ adversarial: { ...NO_DISTORTION, worldSeed: 3, ...knobs } });
const items = (n: number) => Array.from({ length: n }, (_, i) => `How should I plan my week, item ${i}?`);

describe("adversarial mode is off by default", () => {
  it("gives byte-identical answers and judgments with no options, all-off options or only a world seed", () => {
    const req = answerReq("You are empathetic and firm.", "My coworker keeps taking credit for my work.", 3);
    const plain = simulateChat(req).text;
    expect(simulateChat(req, { adversarial: {} }).text).toBe(plain);
    expect(simulateChat(req, { adversarial: { ...NO_DISTORTION, worldSeed: 99 } }).text).toBe(plain);
    expect(judged(plain, ["empathetic", "firm"], { adversarial: NO_DISTORTION })).toEqual(judged(plain, ["empathetic", "firm"], {}));
    expect(new SimulatorProvider().models).toEqual(["persona-sim-1", "persona-sim-2", "persona-sim-3"]);
  });
});

describe("item effects and persona × item interaction", () => {
  it("each item shifts a trait by a fixed draw with the configured σ (points at mid-scale)", () => {
    const o = adversarialOptions({ itemEffectSd: 6, worldSeed: 1 });
    const shifts = items(3000).map((it) => itemShift(o, "You are Alex.", it, ["empathetic"])!.empathetic * 45);
    expect(sd(shifts)).toBeGreaterThan(6 * 0.93);
    expect(sd(shifts)).toBeLessThan(6 * 1.07);
    expect(Math.abs(mean(shifts))).toBeLessThan(0.4);
    // Fixed per item and world; a new world draws new effects.
    expect(itemShift(o, "You are Sam.", "an item", ["firm"])).toEqual(itemShift(o, "You are Alex.", "an item", ["firm"]));
    expect(itemShift({ ...o, worldSeed: 2 }, "You are Alex.", "an item", ["firm"])).not.toEqual(itemShift(o, "You are Alex.", "an item", ["firm"]));
    expect(itemShift(NO_DISTORTION, "p", "i", ["firm"])).toBeUndefined();
  });

  it("raises the item-to-item variance of judged scores by about σ²", () => {
    const varOf = (opts: SimulateOptions) => {
      const scores = items(600).map((it) => judgeAnswer(simulateChat(answerReq("You are Alex.", it, 0, 0), opts).text, ["empathetic"]).scores.empathetic!);
      return sd(scores) ** 2;
    };
    const added = varOf(only({ itemEffectSd: 8 })) - varOf(only({}));
    expect(added).toBeGreaterThan(64 * 0.7);
    expect(added).toBeLessThan(64 * 1.3);
  });

  it("the interaction makes two equivalent prompts answer one item differently, with σ√2 between them", () => {
    const diffs = (opts: SimulateOptions) => items(500).map((it) => {
      const a = judgeAnswer(simulateChat(answerReq("You are Alex.", it), opts).text, ["firm"]).scores.firm!;
      const b = judgeAnswer(simulateChat(answerReq("You are Sam.", it), opts).text, ["firm"]).scores.firm!;
      return a - b;
    });
    expect(diffs(only({})).every((d) => d === 0)).toBe(true);
    const spread = sd(diffs(only({ interactionSd: 6 })));
    expect(spread).toBeGreaterThan(6 * Math.SQRT2 * 0.85);
    expect(spread).toBeLessThan(6 * Math.SQRT2 * 1.2);
  });

  it("independent sampling decorrelates persona and baseline draws on the same item and seed", () => {
    const pairs = (opts: SimulateOptions) => items(400).map((it) => [
      judgeAnswer(simulateChat(answerReq("You are Alex.", it), opts).text, ["warm"]).scores.warm!,
      judgeAnswer(simulateChat(answerReq("You are a helpful assistant.", it), opts).text, ["warm"]).scores.warm!,
    ]);
    const r = (ps: number[][]) => {
      const xs = ps.map((p) => p[0]), ys = ps.map((p) => p[1]);
      const mx = mean(xs), my = mean(ys);
      return ps.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / ((ps.length - 1) * sd(xs) * sd(ys));
    };
    expect(r(pairs(only({})))).toBeGreaterThan(0.9);
    expect(Math.abs(r(pairs(only({ independentSampling: 1 }))))).toBeLessThan(0.15);
  });
});

describe("the judge's distortions", () => {
  // A mid-scale score, so clamping at 0/100 does not shrink the spread.
  const answer = simulateChat(answerReq("You are Alex.", "I skipped my run today.", 1)).text;
  const honest = judged(answer, ["firm"], {}).firm!;

  it("noise: repeated judgments of one answer (new seed) spread with σ and centre on the honest score", () => {
    const xs = Array.from({ length: 1500 }, (_, s) => judged(answer, ["firm"], only({ judgeNoiseSd: 5 }), s).firm!);
    expect(sd(xs)).toBeGreaterThan(4.6);
    expect(sd(xs)).toBeLessThan(5.4);
    expect(Math.abs(mean(xs) - honest)).toBeLessThan(0.5);
    // Same request, same verdict (so the identical-call cache stays valid).
    expect(judged(answer, ["firm"], only({ judgeNoiseSd: 5 }), 7)).toEqual(judged(answer, ["firm"], only({ judgeNoiseSd: 5 }), 7));
  });

  it("rounding: every score is a multiple of k, unbiased on average", () => {
    const xs = Array.from({ length: 1500 }, (_, s) => judged(answer, ["firm"], only({ judgeNoiseSd: 5, judgeRounding: 10 }), s).firm!);
    expect(xs.every((x) => x % 10 === 0)).toBe(true);
    expect(Math.abs(mean(xs) - honest)).toBeLessThan(0.8);
  });

  it("stickiness: with probability p the judge repeats its previous score for the trait", () => {
    const run = (p: number, memory?: Map<string, number>) => {
      const o = adversarialOptions({ judgeStickiness: p, worldSeed: 1 });
      let repeats = 0;
      let last: number | null = null;
      for (let i = 0; i < 3000; i++) {
        const s = distortScores(o, { raw: { firm: i % 100 }, positivity: [], answer: `answer ${i}`, builtIn: () => true, salt: 0, memory }).firm!;
        if (s === last) repeats++;
        last = s;
      }
      return repeats / 3000;
    };
    expect(run(0, new Map())).toBe(0);
    expect(run(0.3)).toBe(0); // no memory, nothing to repeat
    const rate = run(0.3, new Map());
    expect(rate).toBeGreaterThan(0.3 - 3 * Math.sqrt(0.3 * 0.7 / 3000));
    expect(rate).toBeLessThan(0.3 + 3 * Math.sqrt(0.3 * 0.7 / 3000));
  });

  it("the in-process provider keeps one sticky memory per instance", async () => {
    const judgeReq = (a: string): ChatRequest => ({ model: SIMULATOR_MODEL, temperature: 0, responseFormat: SCHEMA(["firm"]), messages: [{ role: "user", content: `<answer>${a}</answer>` }] });
    const firm = async (p: SimulatorProvider, a: string) => (JSON.parse((await p.chat(judgeReq(a))).text) as { scores: { firm: number } }).scores.firm;
    const other = simulateChat(answerReq("You are very firm.", "I skipped my run today.", 1)).text;
    const sticky = new SimulatorProvider({ adversarial: { judgeStickiness: 1 } });
    const first = await firm(sticky, answer);
    expect(await firm(sticky, other)).toBe(first);
    expect(await firm(new SimulatorProvider({ adversarial: { judgeStickiness: 1 } }), other)).not.toBe(first);
  });

  it("halo: scores drift toward the answer's positivity; verbosity: longer answers score higher; compression: toward 50", () => {
    const base = { answer: "", builtIn: () => true, salt: 0 };
    const o = (k: Partial<AdversarialOptions>) => adversarialOptions({ ...k, verbosityReferenceWords: 0 });
    expect(distortScores(o({ halo: 0.2 }), { ...base, raw: { firm: 30 }, positivity: [90, 90, 90] }).firm).toBe(42);
    expect(distortScores(o({ halo: 0.2 }), { ...base, raw: { firm: 30 }, positivity: [10, 10, 10] }).firm).toBe(26);
    const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
    const verb = adversarialOptions({ verbosityBias: 2, verbosityReferenceWords: 250 });
    expect(distortScores(verb, { ...base, answer: words(450), raw: { firm: 50 }, positivity: [] }).firm).toBe(54);
    expect(distortScores(verb, { ...base, answer: words(50), raw: { firm: 50 }, positivity: [] }).firm).toBe(46);
    expect(distortScores(o({ scaleCompression: 0.2 }), { ...base, raw: { a: 90, b: 10, c: 50 }, positivity: [] })).toEqual({ a: 82, b: 18, c: 50 });
  });

  it("halo and verbosity bias show through the engine on real answers", () => {
    const warm = simulateChat(answerReq("You are very warm and very empathetic.", "I failed my exam.", 0)).text;
    const cold = simulateChat(answerReq("You are not warm at all and never empathetic.", "I failed my exam.", 0)).text;
    const lift = (a: string) => judged(a, ["analytical"], only({ halo: 0.3 })).analytical! - judged(a, ["analytical"], {}).analytical!;
    expect(lift(warm)).toBeGreaterThan(0);
    expect(lift(cold)).toBeLessThan(0);
    const wordy = simulateChat(answerReq("You are very verbose.", "I failed my exam.", 0)).text;
    const terse = simulateChat(answerReq("You are very concise.", "I failed my exam.", 0)).text;
    const bias = (a: string) => judged(a, ["firm"], only({ verbosityBias: 5 })).firm! - judged(a, ["firm"], {}).firm!;
    expect(bias(wordy)).toBeGreaterThan(bias(terse));
  });
});

describe("failed answers", () => {
  it("empty, refused and truncated answers come back at their rates; the judge scores blanks as told", () => {
    const opts = only({ emptyRate: 0.1, refusalRate: 0.1, truncationRate: 0.1 });
    const n = 3000;
    const out = items(n).map((it) => simulateChat(answerReq("You are Alex.", it), opts));
    const share = (f: (r: (typeof out)[number]) => boolean) => out.filter(f).length / n;
    const tol = 3 * Math.sqrt(0.1 * 0.9 / n);
    expect(Math.abs(share((r) => r.text === "") - 0.1)).toBeLessThan(tol);
    expect(Math.abs(share((r) => /^I'm sorry, but I can't help/.test(r.text)) - 0.1)).toBeLessThan(tol);
    expect(Math.abs(share((r) => r.finishReason === "length") - 0.1)).toBeLessThan(tol);
    expect(judged("", ["firm", "my_custom"], only({ judgeBlankScore: 20 }))).toEqual({ firm: 20, my_custom: null });
    expect(judged("", ["firm"], only({}))).toEqual({ firm: null });
  });
});

describe("configuration", () => {
  it("--adversarial turns on the defaults; single knobs and the environment start from all-off", () => {
    expect(adversarialFromArgs(new Map())).toBeUndefined();
    expect(adversarialFromArgs(new Map([["adversarial", true]]))).toEqual(ADVERSARIAL_DEFAULTS);
    expect(adversarialFromArgs(new Map<string, string | true>([["adversarial", true], ["judge-noise-sd", "8"]]))).toEqual({ ...ADVERSARIAL_DEFAULTS, judgeNoiseSd: 8 });
    expect(adversarialFromArgs(new Map([["judge-rounding", "10"]]))).toEqual({ judgeRounding: 10 });
    expect(adversarialFromArgs(new Map(), { SIM_ADVERSARIAL: "1", SIM_HALO: "0.3" })).toEqual({ ...ADVERSARIAL_DEFAULTS, halo: 0.3 });
    expect(adversarialFromArgs(new Map(), { SIM_JUDGE_BLANK_SCORE: "null" })).toEqual({ judgeBlankScore: null });
    expect(() => adversarialFromArgs(new Map([["halo", "3"]]))).toThrow(/--halo must be between 0 and 1/);
    expect(() => adversarialFromArgs(new Map([["judge-noise-sd", "x"]]))).toThrow(/needs a number/);
  });

  const servers: http.Server[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
  });

  it("the HTTP server applies its adversarial options; without them it answers as before", async () => {
    const start = async (adversarial?: Partial<AdversarialOptions>) => {
      const server = createSimulatorServer({ adversarial });
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
    };
    const req = answerReq("You are Alex.", "How do I start running?", 1);
    const ask = async (url: string) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(req) });
      return ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content;
    };
    expect(await ask(await start({ emptyRate: 1 }))).toBe("");
    expect(await ask(await start())).toBe(simulateChat(req).text);
  });
});
