import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { answersQueryFor, ScenarioContext, scenarioHeading, shownAnswers } from "@/components/probes/scenario-answers";
import type { ProbeAnswer } from "@/lib/schemas/probe";

// Answers to the persona's scenarios in the answers view (issue 12 §2).

const answer = (over: Partial<ProbeAnswer>) => ({
  id: "a", kind: "persona", traitKey: "firm", itemIndex: 0, sampleIndex: 0, message: "Hi", answer: "Hello", scores: { firm: 70 },
  refusal: false, status: "done", error: null, latencyMs: null, tokens: null, rationale: null, ...over,
}) as ProbeAnswer;

const long = "I bought a ticket nine months ago and the airline cancelled the return leg, so I want all of my money back today, not a voucher.";

describe("scenario answers", () => {
  it("are headed by the scenario's number and the first 80 characters of its message", () => {
    const a = answer({ traitKey: "@scenario", itemIndex: 2, message: long, scenario: { number: 3, id: "late", context: [] } });
    const heading = scenarioHeading(a);
    expect(heading.startsWith("Scenario 3 · I bought a ticket")).toBe(true);
    expect(heading.length).toBeLessThanOrEqual("Scenario 3 · ".length + 80);
    expect(heading.endsWith("…")).toBe(true);
    expect(scenarioHeading(answer({ traitKey: "@scenario", itemIndex: 0, message: "Short one." }))).toBe("Scenario 1 · Short one.");
  });

  it("show the turns before the message, collapsed; nothing without context", () => {
    const html = renderToStaticMarkup(createElement(ScenarioContext, {
      answer: { scenario: { number: 2, id: "twice", context: [{ role: "user", content: "My flight was cancelled." }, { role: "assistant", content: "Let me check." }] } },
    }));
    expect(html).toContain("<details");
    expect(html).toContain("Conversation before it (2 turns)");
    expect(html).toContain("User: </span>My flight was cancelled.");
    expect(html).toContain("Assistant: </span>Let me check.");
    expect(renderToStaticMarkup(createElement(ScenarioContext, { answer: { scenario: { number: 1, id: "x", context: [] } } }))).toBe("");
  });

  it("a trait's answers switch to the scenario answers; a set by ids filters to them", () => {
    expect(answersQueryFor({ trait: "firm" }, "baseline", "scenarios")).toEqual({ trait: "@scenario", kind: "baseline", limit: 30 });
    expect(answersQueryFor({ trait: "firm" }, "persona", "items")).toEqual({ trait: "firm", kind: "persona", limit: 30 });
    expect(answersQueryFor({ ids: ["a"] }, "persona", "scenarios")).toEqual({ ids: ["a"] });
    const list = [answer({ id: "1" }), answer({ id: "2", traitKey: "@scenario" })];
    expect(shownAnswers(list, true).map((a) => a.id)).toEqual(["2"]);
    expect(shownAnswers(list, false)).toHaveLength(2);
  });
});
