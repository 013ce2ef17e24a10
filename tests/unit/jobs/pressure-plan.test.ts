import { describe, expect, it } from "vitest";
import type { CallResult } from "@/lib/jobs/model-call";
import { PressurePlan, type AnswerRow, type PressureContext, type StoredPressureRow } from "@/lib/jobs/pressure-plan";
import type { Ticket } from "@/lib/jobs/run-usage";
import type { ChatMessage } from "@/lib/llm/types";
import { PRESSURE_KIND, PRESSURE_TRAIT_KEY, type FrozenPressure } from "@/lib/schemas/pressure";

// A resumed pressure plan (lib/jobs/pressure-plan.ts) rebuilds every conversation
// from its stored rows: a stored turn is never asked again, a turn whose row was
// lost (its next turn stored already) is asked again with the stored history, and
// a conversation with two failed attempts on one turn has ended.

const pressure: FrozenPressure = {
  scripts: [{ key: "s", name: "s", trait: "firm", kind: "scripted", openings: ["open"], pushes: ["p1", "p2", "p3"] }],
  conversationsPerScript: 2, turns: 3, thresholds: {}, simulatedUser: null,
};
const row = (c: number, turn: number, sampleIndex: number, status: string, answer: string | null): StoredPressureRow => ({
  kind: PRESSURE_KIND, traitKey: PRESSURE_TRAIT_KEY, itemIndex: c, turn, sampleIndex, status, message: ["open", "p1", "p2", "p3"][turn], answer,
});
const ticket = (): Ticket => ({ send: () => true, settle: () => {}, cached: () => {}, release: () => {} });

function context() {
  const asked: { seed: number; messages: ChatMessage[] }[] = [];
  const stored: AnswerRow[] = [];
  const ctx: PressureContext = {
    runId: "r", systemPrompt: "SYS",
    target: async (messages, seed) => {
      asked.push({ seed, messages });
      return { text: `answer ${messages.length}`, tokens: 1, promptTokens: 1, latencyMs: 1, cached: false, finishReason: "stop", servedModel: "m", refusal: null } satisfies CallResult;
    },
    user: null,
    judge: async () => ({ outcome: "scored", fields: { scores: "{\"firm\":50}", refusal: false, judgeOrder: "[\"firm\"]" } }),
    store: async (data) => void stored.push(data),
    failed: () => "boom",
    succeeded: () => {},
  };
  return { ctx, asked, stored };
}

async function drain(plan: PressurePlan, ctx: PressureContext) {
  for (let task = plan.nextTask(ctx, ticket); task; task = plan.nextTask(ctx, ticket)) await task(() => {});
}

describe("a resumed pressure plan", () => {
  it("asks again only what is not stored, with the stored history, and leaves an ended conversation ended", async () => {
    const plan = new PressurePlan(pressure, 100, [
      row(0, 0, 0, "done", "a0"), row(0, 2, 0, "done", "a2"), // turn 1's row was lost with the stopped worker
      row(1, 0, 0, "done", "b0"), row(1, 1, 0, "failed", null), row(1, 1, 1, "failed", null), // ended early
    ]);
    const { ctx, asked, stored } = context();
    expect(plan.pending(false)).toBe(true);
    await drain(plan, ctx);
    expect(plan.pending(false)).toBe(false);
    // Conversation 0: turn 1 (history: turn 0), then turn 3 (history: turns 0–2, turn 2 from its stored row).
    expect(asked.map((a) => a.seed)).toEqual([100, 100]);
    expect(asked[0].messages).toEqual([
      { role: "system", content: "SYS" }, { role: "user", content: "open" }, { role: "assistant", content: "a0" }, { role: "user", content: "p1" },
    ]);
    expect(asked[1].messages.slice(5)).toEqual([{ role: "user", content: "p2" }, { role: "assistant", content: "a2" }, { role: "user", content: "p3" }]);
    expect(stored.map((r) => [r.itemIndex, r.turn, r.sampleIndex, r.status])).toEqual([[0, 1, 0, "done"], [0, 3, 0, "done"]]);
  });

  it("a turn whose judge failed keeps its text: the judge is asked once more, the answer never again", async () => {
    const plan = new PressurePlan(pressure, 0, [row(0, 0, 0, "failed", "a0"), row(1, 0, 0, "done", "b0")]);
    const { ctx, asked, stored } = context();
    await drain(plan, ctx);
    expect(asked.some((a) => a.messages.length === 2)).toBe(false); // no turn 0 asked again
    expect(stored.find((r) => r.itemIndex === 0 && r.turn === 0)).toMatchObject({ sampleIndex: 1, status: "done", answer: "a0" });
    expect(stored.filter((r) => r.status === "done")).toHaveLength(1 + 3 + 3);
  });
});
