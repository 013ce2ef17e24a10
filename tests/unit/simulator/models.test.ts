import { describe, expect, it } from "vitest";
import type { ChatRequest } from "@/lib/llm/types";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { readFramings } from "@/lib/llm/simulator/frameworks";
import { inferPosition, readPrompt, solvePosition } from "@/lib/llm/simulator/infer";
import { judgeAnswer } from "@/lib/llm/simulator/judge";
import {
  FRAMEWORK_RELEASE, modelBaseline, panelSpread, panelTruth, positionOn, routingGain, simulatedModel, trueLevels,
} from "@/lib/llm/simulator/models";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { baselineLevels, expectedLanding, TRAIT_KEYS } from "@/lib/llm/simulator/space";

// Issue 13 §8: several simulated models, each with its own well. Ground truth
// is checked against the model's definition (a well, a pull, framings), and
// one path goes through the engine and its judge to show answers carry it.

const SIM1 = "persona-sim-1";
const SIM2 = "persona-sim-2";
const SIM3 = "persona-sim-3";
const PANEL = ["You are very skeptical.", "You are very empathetic.", "Be very concise and blunt.", "You are playful and creative."];
const TOPICS = ["You are an economist who cares about housing.", "You are a historian of climate policy.", "You are an urban planner who works on zoning."];
const FRAMES = [
  "You reason with Ostrom's design principles for the commons.",
  "You are a Popperian falsificationist.",
  "You reason from first principles, like Feynman.",
];

const rms = (a: Record<string, number>, b: Record<string, number>) => Math.sqrt(TRAIT_KEYS.reduce((s, k) => s + (a[k] - b[k]) ** 2, 0) / TRAIT_KEYS.length);
const movedFrom = (levels: Record<string, number>, base: Record<string, number>, min = 5) => TRAIT_KEYS.filter((k) => Math.abs(levels[k] - base[k]) >= min);
const meanMove = (levels: Record<string, number>, base: Record<string, number>) => TRAIT_KEYS.reduce((s, k) => s + Math.abs(levels[k] - base[k]), 0) / TRAIT_KEYS.length;

describe("simulated models — wells", () => {
  it("persona-sim-1 is the original reading: no well pull, no framings, the neutral baseline", () => {
    for (const p of [...PANEL, ...TOPICS, ...FRAMES, "You are a veteran ER triage nurse."]) {
      expect(positionOn(SIM1, p).z).toEqual(inferPosition(p).z);
      expect(trueLevels(p, SIM1)).toEqual(inferPosition(p).traits);
    }
    expect(modelBaseline(SIM1)).toEqual(baselineLevels());
    // A framework prompt is no request at all on persona-sim-1.
    expect(trueLevels(FRAMES[1], SIM1)).toEqual(baselineLevels());
    // Names the simulator does not list answer as persona-sim-1, as they always did.
    expect(positionOn("some-other-model", FRAMES[0]).z).toEqual(inferPosition(FRAMES[0]).z);
  });

  it("each newer model has its own default assistant, far from the others", () => {
    const [b1, b2, b3] = [modelBaseline(SIM1), modelBaseline(SIM2), modelBaseline(SIM3)];
    expect(b2.sycophantic).toBeGreaterThan(b1.sycophantic + 15);
    expect(b2.skeptical).toBeLessThan(b1.skeptical - 10);
    expect(b3.skeptical).toBeGreaterThan(b1.skeptical + 15);
    expect(b3.concise).toBeGreaterThan(b1.concise + 20);
    expect(rms(b2, b3)).toBeGreaterThan(25);
  });

  it("shrinks every persona toward the well by the model's pull (exactly, in factor space)", () => {
    for (const name of [SIM2, SIM3]) {
      const m = simulatedModel(name)!;
      for (const p of PANEL) {
        const read = solvePosition(readPrompt(p).requested, m.well);
        const expected = read.map((v, i) => m.well[i] + (1 - m.pull) * (v - m.well[i]));
        positionOn(name, p).z.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
        expect(positionOn(name, p).pull).toBe(m.pull);
      }
    }
  });

  it("the same persona lands in the direction of each model's well", () => {
    for (const p of PANEL) {
      const on1 = trueLevels(p, SIM1);
      for (const name of [SIM2, SIM3]) {
        const well = modelBaseline(name);
        const on = trueLevels(p, name);
        // Closer to this model's default than the same prompt on persona-sim-1 …
        expect(rms(on, well)).toBeLessThan(rms(on1, well) - 5);
        // … and every trait that persona-sim-1 lands clearly away from this well moves toward it. (Where persona
        // and well already agree the two can reinforce: a concise persona on the terse model is more concise.)
        const far = TRAIT_KEYS.filter((k) => Math.abs(well[k] - on1[k]) >= 12);
        expect(far.length).toBeGreaterThanOrEqual(4);
        for (const k of far) expect(Math.sign(on[k] - on1[k])).toBe(Math.sign(well[k] - on1[k]));
      }
    }
    // The sceptic on the credulous model is less sceptical, and more sycophantic, than on the sceptical one.
    const [s2, s3] = [trueLevels(PANEL[0], SIM2), trueLevels(PANEL[0], SIM3)];
    expect(s3.skeptical - s2.skeptical).toBeGreaterThan(10);
    expect(s2.sycophantic - s3.sycophantic).toBeGreaterThan(25);
  });

  it("a 4-persona panel on one model is less diverse than split across two, by a known gain", () => {
    const on2 = panelTruth(PANEL.map((systemPrompt) => ({ systemPrompt, model: SIM2 })));
    const on3 = panelTruth(PANEL.map((systemPrompt) => ({ systemPrompt, model: SIM3 })));
    const split = panelTruth(PANEL.map((systemPrompt, i) => ({ systemPrompt, model: i % 2 ? SIM3 : SIM2 })));
    expect(split.spread).toBeGreaterThan(on2.spread + 3);
    expect(split.spread).toBeGreaterThan(on3.spread + 3);
    // The pull alone: the same panel is tighter on a pulling model than on persona-sim-1.
    expect(on2.spread).toBeLessThan(panelSpread(PANEL.map((p) => trueLevels(p, SIM1))) - 5);
    const g = routingGain(PANEL, SIM2, [SIM2, SIM3]);
    expect(g.single).toBeCloseTo(on2.spread, 10);
    expect(g.routed).toBeCloseTo(split.spread, 10);
    expect(g.gain).toBeCloseTo(split.spread - on2.spread, 10);
    // At a temperature the truth is the exact mean landing.
    expect(panelTruth([{ systemPrompt: PANEL[0], model: SIM2 }], { temperature: 0.7 }).levels[0]).toEqual(expectedLanding(positionOn(SIM2, PANEL[0]).z, 0.7));
  });
});

describe("simulated models — topic labels vs frameworks", () => {
  it("reads topic labels and frameworks with its own vocabulary", () => {
    expect(readFramings(TOPICS[0]).topics.map((t) => t.id)).toEqual(["economics", "housing"]);
    expect(readFramings(TOPICS[0]).frameworks).toEqual([]);
    expect(readFramings(FRAMES[0]).frameworks.map((f) => f.id)).toEqual(["ostrom"]);
    expect(readFramings("Reason like a Popperian, testing each claim with a pre-mortem.").frameworks.map((f) => f.id)).toEqual(["popper", "premortem"]);
  });

  it("topic labels move few traits; frameworks move many, more strongly (truth)", () => {
    for (const name of [SIM2, SIM3]) {
      const base = modelBaseline(name);
      for (const p of TOPICS) {
        expect(movedFrom(trueLevels(p, name), base).length).toBeLessThanOrEqual(2);
        expect(meanMove(trueLevels(p, name), base)).toBeLessThan(3);
      }
      for (const p of FRAMES) {
        expect(movedFrom(trueLevels(p, name), base).length).toBeGreaterThanOrEqual(12);
        expect(meanMove(trueLevels(p, name), base)).toBeGreaterThan(8);
      }
    }
  });

  it("a framework halves the well's pull; a topic label does not", () => {
    expect(positionOn(SIM2, FRAMES[1]).pull).toBeCloseTo(simulatedModel(SIM2)!.pull * (1 - FRAMEWORK_RELEASE), 12);
    expect(positionOn(SIM2, TOPICS[0]).pull).toBe(simulatedModel(SIM2)!.pull);
    expect(positionOn(SIM2, FRAMES[1]).frameworks).toEqual(["Popperian falsificationism"]);
    // Framework-grounded personas diverge where topic-labelled ones converge.
    const topicSpread = panelSpread(TOPICS.map((p) => trueLevels(p, SIM2)));
    const frameSpread = panelSpread(FRAMES.map((p) => trueLevels(p, SIM2)));
    expect(frameSpread).toBeGreaterThan(3 * topicSpread);
  });

  it("shows in judged answers: framework prompts shift more traits than topic labels (engine + judge)", () => {
    const judgedMean = (system: string, model: string) => {
      const sums = Object.fromEntries(TRAIT_KEYS.map((k) => [k, 0]));
      const n = 24;
      for (let seed = 0; seed < n; seed++) {
        const req: ChatRequest = { model, temperature: 0.7, seed, messages: [{ role: "system", content: system }, { role: "user", content: "How should our town share its water?" }] };
        const { scores } = judgeAnswer(simulateChat(req).text, [...TRAIT_KEYS]);
        for (const k of TRAIT_KEYS) sums[k] += (scores[k] ?? NaN) / n;
      }
      return sums;
    };
    const base = judgedMean("You are a helpful assistant.", SIM2);
    const topic = judgedMean(TOPICS[0], SIM2);
    const frame = judgedMean(FRAMES[0], SIM2);
    expect(movedFrom(topic, base).length).toBeLessThanOrEqual(2);
    expect(movedFrom(frame, base).length).toBeGreaterThanOrEqual(10);
    // The judged baseline is the well's mean landing, not persona-sim-1's.
    const truth = expectedLanding(positionOn(SIM2, "").z, 0.7);
    for (const k of TRAIT_KEYS) expect(Math.abs(base[k] - truth[k])).toBeLessThan(3);
    expect(base.sycophantic - judgedMean("You are a helpful assistant.", SIM1).sycophantic).toBeGreaterThan(15);
  });
});

describe("simulated models — engine and provider", () => {
  const persona = (model: string): ChatRequest => ({ model, seed: 2, messages: [{ role: "system", content: PANEL[0] }, { role: "user", content: "Is coffee healthy?" }] });

  it("answers a persona differently per model, an unknown name as persona-sim-1, and judges the same on every model", () => {
    expect(simulateChat(persona(SIM2)).text).not.toBe(simulateChat(persona(SIM1)).text);
    expect(simulateChat(persona(SIM3)).text).not.toBe(simulateChat(persona(SIM2)).text);
    expect(simulateChat(persona("not-a-listed-model")).text).toBe(simulateChat(persona(SIM1)).text);
    const judge = (model: string): ChatRequest => ({
      model, temperature: 0,
      messages: [{ role: "user", content: `<answer>${simulateChat(persona(SIM1)).text}</answer>` }],
      responseFormat: { type: "json_schema", name: "trait_scores", schema: { type: "object", properties: { skeptical: { type: ["integer", "null"] } } } },
    });
    expect(simulateChat(judge(SIM3)).text).toBe(simulateChat(judge(SIM1)).text);
  });

  it("the provider lists and serves every simulated model and still refuses unknown ones", async () => {
    const provider = new SimulatorProvider();
    expect(await provider.listModels()).toEqual([SIM1, SIM2, SIM3]);
    const res = await provider.chat(persona(SIM2));
    expect(res.model).toBe(SIM2);
    expect(res.text).toBe(simulateChat(persona(SIM2)).text);
    await expect(provider.chat(persona("persona-sim-9"))).rejects.toMatchObject({ kind: "bad_request" });
  });
});
