import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { PIN_CASES } from "./sim1-pin-requests";

// persona-sim-1 is the fixture of the whole test suite and of the calibration
// benches: adding simulated models (issue 13 §8) must not change one byte of
// what it says. Hashes of the full result (text, usage, finish reason), taken
// on the code before the other models existed. Cases include topic-label and
// framework prompts: persona-sim-1 does not read framework cues.
const PINNED: Record<string, string> = {
  "neutral": "9f85706f6af1d26a",
  "skeptical": "f9520fd6cec8bd20",
  "nurse": "817f79cc8dfa5a23",
  "empathetic-firm": "59c1e01c74b97a6c",
  "topic-label": "a3e792738bdd2529",
  "framework-ostrom": "638bba8c97aab79a",
  "framework-popper": "7907ed1917e6cdd1",
  "socratic": "3278029ffd225875",
  "unknown-model": "d6aebca975ac8409",
  "adversarial": "5a84e6f2741889d1",
  "judge": "0c225e438b35e1b5",
  "judge-adversarial": "fcc679e5f810b87e",
};

describe("persona-sim-1 is pinned", () => {
  it.each(PIN_CASES.map((c) => [c.name, c] as const))("%s answers byte for byte as before", (name, c) => {
    const result = simulateChat(c.req, c.opts ?? {});
    expect(createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 16)).toBe(PINNED[name]);
  });
});
