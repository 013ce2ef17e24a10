import { describe, expect, it } from "vitest";
import { parseJsonOutput } from "@/lib/llm/types";
import { simulateChat } from "@/lib/llm/simulator";
import { ARCHETYPES } from "@/lib/llm/simulator/archetypes";
import { domainsOfArchetype, readDomains } from "@/lib/llm/simulator/domains";
import { PERSONA_SECTION as SIM_SECTION, suggestFromRequest } from "@/lib/llm/simulator/suggest";
import { PERSONA_SECTION, suggestionRequest } from "@/lib/services/preview/suggestion-request";

// "Suggest archetypes" asks with the persona's archetype, background and boundaries, and
// the simulator answers from the persona's world; the same trait levels for a refund desk
// and for a newsroom give different types.

const targets = { empathetic: 90, firm: 85 };
const names = (text: string) => suggestFromRequest(text).map((s) => s.name);

const refundDesk = {
  traitTargets: targets,
  archetype: "a support agent for an online bike shop",
  background: "Handles refunds, returns and late deliveries for customers who are often upset.",
  boundaries: ["Never promise a refund outside the 30-day policy"],
};
const newsroom = {
  traitTargets: targets,
  archetype: "a fact-checker at a regional newspaper",
  background: "Checks claims and sources before anything is printed.",
  boundaries: ["Never publish a claim without two sources"],
};

describe("archetype suggestions in the persona's world", () => {
  it("writes the persona's text after the trait levels, under the section the simulator reads", () => {
    expect(PERSONA_SECTION).toBe(SIM_SECTION);
    const text = suggestionRequest(refundDesk);
    expect(text.indexOf("Empathetic")).toBeLessThan(text.indexOf(PERSONA_SECTION));
    expect(text).toContain("Archetype as written: a support agent for an online bike shop");
    expect(text).toContain("- Never promise a refund outside the 30-day policy");
    // Without any persona text, the request is the trait question alone.
    expect(suggestionRequest({ traitTargets: targets })).not.toContain(PERSONA_SECTION);
  });

  it("reads the world from named types and setting words", () => {
    expect(readDomains("a support agent; refunds and late deliveries")[0]).toBe("service");
    expect(readDomains("a fact-checker who checks claims and sources")[0]).toBe("inquiry");
    expect(readDomains("night shifts on a hospital ward with scared patients")[0]).toBe("care");
    expect(readDomains("")).toEqual([]);
  });

  it("answers the same traits with different types for different worlds", () => {
    const traitsOnly = names(suggestionRequest({ traitTargets: targets }));
    const desk = names(suggestionRequest(refundDesk));
    const news = names(suggestionRequest(newsroom));
    expect(desk).not.toEqual(traitsOnly);
    expect(desk).not.toEqual(news);
    expect(traitsOnly).toContain("Emergency-room nurse");
    // Every type offered lives in the persona's world (the simulator's table: lib/llm/simulator/domains.ts).
    const worldOf = (name: string) => domainsOfArchetype(ARCHETYPES.find((a) => a.name === name)!);
    for (const n of desk) expect(worldOf(n), n).toContain("service");
    for (const n of news) expect(worldOf(n), n).toContain("inquiry");
  });

  it("never reads trait levels from the persona's own words", () => {
    // "firm" in a boundary is the persona's setting, not a requested level: same request, same answer with or without it.
    const plain = suggestionRequest({ traitTargets: { skeptical: 90 }, archetype: "a help desk agent" });
    const wordy = suggestionRequest({ traitTargets: { skeptical: 90 }, archetype: "a help desk agent", boundaries: ["stay firm, warm and playful"] });
    expect(names(wordy)).toEqual(names(plain));
  });

  it("is deterministic through the simulated model", () => {
    const ask = () => (parseJsonOutput(simulateChat({
      model: "persona-sim-1",
      messages: [{ role: "user", content: suggestionRequest(refundDesk) }],
      responseFormat: { type: "json_schema", name: "archetype_suggestions", schema: { type: "object" } },
    }).text) as { archetypes: { name: string }[] }).archetypes.map((a) => a.name);
    expect(ask()).toEqual(ask());
    expect(ask()).toEqual(names(suggestionRequest(refundDesk)));
  });
});
