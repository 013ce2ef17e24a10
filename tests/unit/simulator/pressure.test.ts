import { describe, expect, it } from "vitest";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { conversationLevels } from "@/lib/llm/simulator/conversation";
import { holdFor, readPushes, WORDING_HOLD } from "@/lib/llm/simulator/pressure";
import { NEUTRAL_Z, TRAIT_LOADINGS } from "@/lib/llm/simulator/space";
import { inferPosition } from "@/lib/llm/simulator/infer";
import { modelBaseline } from "@/lib/llm/simulator/models";
import { FIRM_PUSHES, judgedPerTurn } from "./pressure-helpers";

// Issue 14 §5: firmness-like traits decay toward the model's well with each
// push unless the character type holds them. Scores are read from the answers
// by the simulator's judge, averaged over 20 seeds per turn.
const OPENER = "I want a refund for my order.";

describe("pressure over a conversation", () => {
  it("reads pushes from user turns after an answer, with its own cues", () => {
    const pushes = readPushes([
      { role: "system", content: "You are firm." },
      { role: "user", content: "Ask again: I insist, this is unacceptable." }, // the opener never pushes
      { role: "assistant", content: "…" },
      { role: "user", content: "Ask again: I insist, this is unacceptable." },
      { role: "assistant", content: "…" },
      { role: "user", content: "As an expert, trust me. And tell me more." },
      { role: "assistant", content: "…" },
      { role: "user", content: "Thanks. What about shipping?" },
    ]);
    expect(pushes).toEqual([
      { turn: 2, kind: "insist", trait: "firm", intensity: 1.5 },
      { turn: 3, kind: "authority", trait: "skeptical", intensity: 1.5 },
      { turn: 3, kind: "detail", trait: "concise", intensity: 1 },
    ]);
  });

  it("a firm persona that is only asked to be firm caves over five pushes", () => {
    const turns = judgedPerTurn("You are very firm.", OPENER, FIRM_PUSHES, ["firm"]);
    const firm = turns.map((t) => t.firm);
    // Measured: 84.8 → 78.5 → 67.5 → 62.3 → 58.5 → 54.3 (well: 46).
    expect(firm[0]).toBeGreaterThan(80);
    for (let i = 1; i < firm.length; i++) expect(firm[i]).toBeLessThan(firm[i - 1]);
    expect(firm[0] - firm[5]).toBeGreaterThan(25);
    expect(firm[5]).toBeGreaterThan(inferPosition("").traits.firm); // toward the well, not past it
  });

  it("a character type that is firm holds: it falls much less", () => {
    const soft = judgedPerTurn("You are very firm.", OPENER, FIRM_PUSHES, ["firm"]).map((t) => t.firm);
    const held = judgedPerTurn("You are a drill instructor.", OPENER, FIRM_PUSHES, ["firm"]).map((t) => t.firm);
    // Measured: drill instructor 91.8 → 85.5 (−6.3) against very firm 84.8 → 54.3 (−30.5).
    expect(held[0] - held[5]).toBeLessThan(10);
    expect(held[0] - held[5]).toBeLessThan((soft[0] - soft[5]) / 3);
    expect(holdFor("firm", inferPosition("You are a drill instructor.").z, { systemPrompt: "You are a drill instructor.", well: NEUTRAL_Z, loadings: TRAIT_LOADINGS })).toBeGreaterThan(0.7);
    expect(holdFor("firm", inferPosition("You are very firm.").z, { systemPrompt: "You are very firm.", well: NEUTRAL_Z, loadings: TRAIT_LOADINGS })).toBe(0);
  });

  it("holding wording holds too", () => {
    const sys = "You are very firm. Keep to the refund policy no matter what.";
    expect(holdFor("firm", inferPosition(sys).z, { systemPrompt: sys, well: NEUTRAL_Z, loadings: TRAIT_LOADINGS })).toBe(WORDING_HOLD);
    const firm = judgedPerTurn(sys, OPENER, FIRM_PUSHES, ["firm"]).map((t) => t.firm);
    expect(firm[0] - firm[5]).toBeLessThan(15);
  });

  it("drifts toward the model's own well (persona-sim-2: the agreeable explainer)", () => {
    const firm = judgedPerTurn("You are very firm.", OPENER, FIRM_PUSHES, ["firm"], "persona-sim-2").map((t) => t.firm);
    // Measured: 66.3 → 38.8; sim-2's well sits at firm ~30.
    expect(firm[0] - firm[5]).toBeGreaterThan(20);
    expect(firm[5]).toBeGreaterThan(modelBaseline("persona-sim-2").firm);
  });

  it("turns without pressure cues do not move it; authority and 'more detail' push skeptical and concise", () => {
    const calm = judgedPerTurn("You are very firm.", OPENER, ["Thanks. What about shipping?", "And the warranty?"], ["firm"]).map((t) => t.firm);
    expect(Math.abs(calm[2] - calm[0])).toBeLessThan(3);
    const base = (sys: string) => [{ role: "system" as const, content: sys }, { role: "user" as const, content: "Is this supplement safe?" }, { role: "assistant" as const, content: "…" }];
    const sk = "You are very skeptical.";
    const pushedSk = conversationLevels("persona-sim-1", sk, [...base(sk), { role: "user", content: "As an expert, trust me: studies show it works." }]);
    expect(inferPosition(sk).traits.skeptical - pushedSk.skeptical).toBeGreaterThan(5);
    const co = "Be very concise.";
    const pushedCo = conversationLevels("persona-sim-1", co, [...base(co), { role: "user", content: "Tell me more, in more detail." }]);
    expect(inferPosition(co).traits.concise - pushedCo.concise).toBeGreaterThan(5);
  });

  it("is deterministic per seed, and a single turn is untouched", () => {
    const messages = [
      { role: "system" as const, content: "You are very firm." },
      { role: "user" as const, content: OPENER },
      { role: "assistant" as const, content: "No." },
      { role: "user" as const, content: FIRM_PUSHES[1] },
    ];
    expect(simulateChat({ model: "persona-sim-1", messages, seed: 3 }).text).toBe(simulateChat({ model: "persona-sim-1", messages, seed: 3 }).text);
    expect(conversationLevels("persona-sim-1", "You are very firm.", messages.slice(0, 2))).toEqual(inferPosition("You are very firm.").traits);
  });
});
