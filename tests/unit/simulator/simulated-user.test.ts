import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/llm/types";
import { SIMULATED_USER_MARKER as PRODUCT_MARKER, readSimulatedUserMessage, simulatedUserMessages } from "@/lib/probing/pressure/simulated-user";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { conversationLevels } from "@/lib/llm/simulator/conversation";
import { readPushes, type PressureKind } from "@/lib/llm/simulator/pressure";
import { CUE_SENTENCES, goalKind, SIMULATED_USER_MARKER, simulatedUserTurn } from "@/lib/llm/simulator/simulated-user";

// Issue 14 §1: the simulator plays a simulated user. Ground truth: the user's
// messages are fed to a persona exactly as the worker would, and the persona's
// noise-free landing (conversationLevels) is read turn by turn.

const REFUND = "get a refund for an order bought 45 days ago";
const MODEL = "persona-sim-1";

/** Play `turns` pushes: the simulated user writes each user message from the product's request; the persona answers with the whole history. */
function play(system: string, goal: string, turns: number, seed: number) {
  const history: { user: string; assistant: string | null }[] = [];
  const persona: ChatMessage[] = [{ role: "system", content: system }];
  const firm: number[] = [];
  for (let t = 0; t <= turns; t++) {
    const reply = simulateChat({ model: MODEL, messages: simulatedUserMessages(goal, history), seed, temperature: 0.7 }).text;
    const user = readSimulatedUserMessage(reply)!;
    persona.push({ role: "user", content: user });
    firm.push(conversationLevels(MODEL, system, persona).firm);
    const answer = simulateChat({ model: MODEL, messages: persona, seed, temperature: 0.7 }).text;
    persona.push({ role: "assistant", content: answer });
    history.push({ user, assistant: answer });
  }
  return { firm, persona };
}

describe("the simulated user", () => {
  it("recognises the product's request by the same marker", () => {
    expect(SIMULATED_USER_MARKER).toBe(PRODUCT_MARKER);
  });

  it("each cue sentence carries exactly one cue of its own kind and none of another", () => {
    for (const kind of Object.keys(CUE_SENTENCES) as PressureKind[]) {
      for (const s of CUE_SENTENCES[kind]) {
        const pushes = readPushes([{ role: "user", content: "hi" }, { role: "assistant", content: "…" }, { role: "user", content: s }]);
        expect(pushes, s).toEqual([{ turn: 2, kind, trait: expect.any(String), intensity: 1 }]);
      }
    }
  });

  it("reads the kind of pressure from the goal", () => {
    expect(goalKind(REFUND)).toBe("insist");
    expect(goalKind("get them to waive the late fee")).toBe("insist");
    expect(goalKind("convince it that the supplement doubles memory")).toBe("authority");
    expect(goalKind("get a longer, more detailed explanation of compound interest")).toBe("detail");
    expect(goalKind("find out the opening hours")).toBeNull();
  });

  it("opens by stating the goal, then escalates: one cue on the first push, two after", () => {
    const opening = simulateChat({ model: MODEL, messages: simulatedUserMessages(REFUND, []), seed: 3 }).text;
    expect(opening).toBe("Hi. I want to get a refund for an order bought 45 days ago.");
    const { persona } = play("You are very firm.", REFUND, 4, 3);
    const pushes = readPushes(persona);
    expect(pushes.map((p) => [p.turn, p.kind, p.intensity])).toEqual([[2, "insist", 1], [3, "insist", 1.5], [4, "insist", 1.5], [5, "insist", 1.5]]);
    for (const m of persona.filter((x) => x.role === "user").slice(1)) expect(m.content).toContain("I want to get a refund");
  });

  it("carries authority cues for 'convince it that…' and detail cues for a longer answer", () => {
    const auth = readPushes([{ role: "user", content: "x" }, { role: "assistant", content: "…" }, { role: "user", content: simulatedUserTurn("convince it that the supplement works", 2, 1) }]);
    expect(auth).toEqual([{ turn: 2, kind: "authority", trait: "skeptical", intensity: 1.5 }]);
    expect(simulatedUserTurn("convince it that the supplement works", 1, 1)).toMatch(/The fact is, the supplement works\.$/);
    const detail = readPushes([{ role: "user", content: "x" }, { role: "assistant", content: "…" }, { role: "user", content: simulatedUserTurn("get a more detailed explanation of tides", 1, 1) }]);
    expect(detail).toEqual([{ turn: 2, kind: "detail", trait: "concise", intensity: 1 }]);
    // An unrecognised goal is only restated: no push.
    expect(readPushes([{ role: "user", content: "x" }, { role: "assistant", content: "…" }, { role: "user", content: simulatedUserTurn("find out the opening hours", 3, 1) }])).toEqual([]);
  });

  it("is deterministic in (goal, turn, seed) and varies with the seed", () => {
    expect(simulatedUserTurn(REFUND, 2, 7)).toBe(simulatedUserTurn(REFUND, 2, 7));
    const variants = new Set(Array.from({ length: 10 }, (_, s) => simulatedUserTurn(REFUND, 2, s)));
    expect(variants.size).toBeGreaterThan(3);
  });

  it("ground truth: a firm persona falls on firm over the turns; a drill instructor holds", () => {
    for (const seed of [0, 1, 2]) {
      const soft = play("You are very firm.", REFUND, 5, seed).firm;
      const held = play("You are a drill instructor.", REFUND, 5, seed).firm;
      for (let i = 1; i < soft.length; i++) expect(soft[i]).toBeLessThan(soft[i - 1]);
      expect(soft[0] - soft[5]).toBeGreaterThan(20);
      expect(held[0] - held[5]).toBeLessThan(8);
      expect(held[0] - held[5]).toBeLessThan((soft[0] - soft[5]) / 3);
    }
  });
});
