import { describe, expect, it } from "vitest";
import { applyPanelEvent, idlePanelPreview } from "@/lib/query/panel-preview-hooks";
import { crossExaminationMessages, crossExaminationPrompt, firstRoundMessages, quoteAnswer } from "@/lib/services/panels/cross-examine";

const answers = [
  { key: "ada", name: "Ada", text: "Never on a Friday.  " },
  { key: "bo", name: "Bo", text: "Ship it. Fear is not a release plan." },
  { key: "cy", name: "Cy", text: "" },
];

describe("the first round", () => {
  it("is the member's system prompt and the question", () => {
    expect(firstRoundMessages("You are Ada.", "Ship?")).toEqual([{ role: "system", content: "You are Ada." }, { role: "user", content: "Ship?" }]);
  });
});

describe("the cross-examination round", () => {
  it("sends the question, the member's own first answer, then the others' first answers by name", () => {
    const m = crossExaminationMessages("You are Ada.", "Ship?", answers[0], answers)!;
    expect(m.slice(0, 3)).toEqual([
      { role: "system", content: "You are Ada." }, { role: "user", content: "Ship?" }, { role: "assistant", content: "Never on a Friday.  " },
    ]);
    expect(m[3].role).toBe("user");
    expect(m[3].content).toBe(
      'Here is what the other panel members said:\n\nBo:\n"""\nShip it. Fear is not a release plan.\n"""\n\n' +
      "Respond to them in your own voice: where you agree, where you disagree, and why.",
    );
    expect(m).toHaveLength(4);
  });

  it("leaves out the member itself and members with no answer; nothing to respond to → null", () => {
    expect(crossExaminationPrompt(answers.slice(1, 2))).not.toContain("Ada");
    expect(crossExaminationMessages("s", "q", answers[1], answers)![3].content).toContain("Ada:");
    expect(crossExaminationMessages("s", "q", answers[1], answers)![3].content).not.toContain("Cy:");
    expect(crossExaminationMessages("s", "q", answers[0], [answers[0], answers[2]])).toBeNull();
  });

  it("caps each quoted answer", () => {
    expect(quoteAnswer("abcdefghij", 4)).toBe("abcd…");
    expect(quoteAnswer("  short  ", 40)).toBe("short");
    const long = { key: "x", name: "X", text: "word ".repeat(1000) };
    const prompt = crossExaminationPrompt([long]);
    expect(prompt.length).toBeLessThan(1700);
    expect(prompt).toContain("…");
  });
});

describe("the stream folded into cards", () => {
  it("keeps each member's rounds apart, in the panel's order", () => {
    let s = idlePanelPreview();
    s = applyPanelEvent(s, { type: "panel", rounds: 2, members: [{ key: "ada", name: "Ada" }, { key: "bo", name: "Bo" }] });
    s = applyPanelEvent(s, { type: "start", member: "bo", round: 1, providerId: "simulator", providerLabel: "Sim", model: "persona-sim-2", simulated: true, prompt: { source: "draft", version: null } });
    s = applyPanelEvent(s, { type: "delta", member: "bo", round: 1, text: "Ship " });
    s = applyPanelEvent(s, { type: "delta", member: "bo", round: 1, text: "it." });
    s = applyPanelEvent(s, { type: "error", member: "ada", round: 1, kind: "server", message: "Upstream failed" });
    s = applyPanelEvent(s, { type: "done", member: "bo", round: 1, usage: { promptTokens: 1, completionTokens: 2 }, latencyMs: 5, firstTokenMs: 1 });
    s = applyPanelEvent(s, { type: "delta", member: "bo", round: 2, text: "Ada is wrong." });
    expect(s.order.map((o) => o.key)).toEqual(["ada", "bo"]);
    expect(s.answers[1].bo).toMatchObject({ status: "done", text: "Ship it.", model: "persona-sim-2", simulated: true, tokens: 2 });
    expect(s.answers[1].ada).toMatchObject({ status: "error", error: { kind: "server", message: "Upstream failed" } });
    expect(s.answers[2].bo).toMatchObject({ status: "streaming", text: "Ada is wrong." });
    expect(s.answers[2].ada).toMatchObject({ status: "waiting" });
    expect(applyPanelEvent(s, { type: "end" }).status).toBe("done");
  });
});
