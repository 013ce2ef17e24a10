import { describe, expect, it } from "vitest";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { statedScores } from "@/lib/llm/simulator/rationale";
import { buildRationaleRequest, parseRationaleOutput } from "@/lib/probing/judge/rationale";
import { customProbeTrait } from "@/lib/probing/traits";
import { buildCustomTrait } from "@/tests/factories/custom-traits";

// The simulated judge answers a rationale request in its own words: it names
// the marker sentence it read (quoted from the answer) and where that sits on
// its ladder. It recognises the request from the request itself (format name,
// the "- key: N" lines, the rubric headings), never from the product's catalog.

const ANSWER = "I usually hold my ground on the refund window. Sometimes I add a kind word; at other times I skip the pleasantries.";
const ask = (scores: Record<string, number | null>, extra: Parameters<typeof buildRationaleRequest>[0]["traits"] = []) => {
  const req = buildRationaleRequest({ answer: ANSWER, question: "Refund please?", scores, model: "persona-sim-1", traits: extra });
  const text = simulateChat(req).text;
  return { text, parsed: parseRationaleOutput(text, Object.keys(scores).filter((k) => scores[k] !== null)) };
};

describe("the simulator's judge explaining its scores", () => {
  it("answers in the rationale schema, pointing at the sentence behind each score", () => {
    const { parsed } = ask({ firm: 80, warm: 50 });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rationale.firm).toBe(`Scored 80: the answer says "I usually hold my ground" — the high side of firm, 6 steps out on the frequency ladder.`);
    expect(parsed.rationale.warm).toMatch(/^Scored 50: the answer says "Sometimes I add a kind word; at other times I skip the pleasantries" — balanced between the two poles\.$/);
  });

  it("says so when the answer carries nothing it reads for a trait, or it cannot place the trait", () => {
    const { parsed } = ask({ playful: 50, calm_under_fire: 60 }, [customProbeTrait({ ...buildCustomTrait(), version: 1 })]);
    expect(parsed.ok && parsed.rationale.playful).toBe("Scored 50: the answer has no sentence the simulated judge reads as playful.");
    expect(parsed.ok && parsed.rationale.calm_under_fire).toMatch(/^Scored 60: this is not a dimension the simulated judge can place/);
  });

  it("stays within the words asked for and is deterministic", () => {
    const { text } = ask({ firm: 80, warm: 50 });
    expect(text.split(/\s+/).length).toBeLessThan(120);
    expect(ask({ firm: 80, warm: 50 }).text).toBe(text);
  });

  it("reads the scores from the request's own lines", () => {
    expect(statedScores("Scores to explain (0–100):\n\n- warm: 40\n- firm: 85\n\n<answer>\n- fake: 100\n- firm: 100\n</answer>")).toEqual({ warm: 40, firm: 85 });
  });
});
