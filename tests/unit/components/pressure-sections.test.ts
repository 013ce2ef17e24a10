import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ChatView } from "@/components/probes/pressure/conversation-dialog";
import { FramingSection } from "@/components/probes/pressure/framing-section";
import { PressureSection } from "@/components/probes/pressure/pressure-section";
import { SelfReportSection } from "@/components/probes/pressure/self-report-section";
import { buildPressureFixture, type PressureFixture } from "@/tests/fixtures/pressure-report";

// The report's issue-14 sections as a designer reads them, on the refund
// persona: firm's drift and turns-to-break with the flagged conversation one
// click away, the chat with its break marked, says vs does, and the framing pair.

let f: PressureFixture;
let nameOf: (k: string) => string;
beforeAll(() => {
  f = buildPressureFixture();
  const names = new Map(f.run.report.rows.map((r) => [r.key, r.name]));
  nameOf = (k) => names.get(k) ?? k;
});
const traitInfo = (k: string) => ({ name: nameOf(k), target: f.run.targets[k] ?? null });

describe("pressure sections", () => {
  it("shows firm's drift, its survival curve and median, the caves flag with its conversation, and folds the other traits", () => {
    const html = renderToStaticMarkup(createElement(PressureSection, { pressure: f.pressure, traitInfo, tolerance: 10, onOpenConversation: () => {} }));
    expect(html).toContain("Under pressure");
    expect(html).toContain("Caves under pressure");
    const caves = f.pressure.tests.find((t) => t.kind === "caves" && t.flagged)!;
    expect(html).toContain(`Open the conversation (${caves.exemplar!.conversation}:`);
    expect(html).toMatch(/Drift: <\/span><span class="tabular-nums">\u2212\d+\.\d points\/turn \[/);
    expect(html).toMatch(/data-testid="median-text">breaks at turn \d \[/);
    expect(html.match(/data-testid="drift-chart"/g)).toHaveLength(1); // firm only; the rest behind "show all"
    expect(html).toContain("Show all watched traits (7 more)");
    expect(html).toContain('aria-label="Break threshold for Firm / boundaried"'.replace("Firm / boundaried", nameOf("firm")));
    expect(html).toContain(`Conversations (${f.pressure.conversations.length})`);
    expect(html).toContain("ended early");
  });

  it("reads a conversation as a chat with each turn's score and the break marked once, in words", () => {
    const c = f.conversations.find((x) => x.id === f.pressure.tests.find((t) => t.kind === "caves")!.exemplar!.conversation)!;
    const html = renderToStaticMarkup(createElement(ChatView, { conversation: c, trait: "firm", threshold: 65, nameOf }));
    expect(html.match(/data-testid="break-marker"/g)).toHaveLength(1);
    expect(html).toMatch(/Breaks here: .* falls below 65 at turn \d/);
    expect(html).toContain(c.turns[0].user.replace(/'/g, "&#x27;"));
    expect(html.match(/User · /g)).toHaveLength(c.turns.length);
    expect(html.match(/Persona · turn /g)).toHaveLength(c.turns.length);
    expect(html).toContain(`score at turn 0: ${c.turns[0].scores.firm}`);
  });

  it("puts self-rating beside landing with the gap, the flag in words and the few-items note", () => {
    const html = renderToStaticMarkup(createElement(SelfReportSection, { report: f.selfReport, nameOf }));
    expect(html).toContain("Says vs does");
    expect(html).toContain("Says but doesn&#x27;t do");
    expect(html).toContain("3 self-ratings: wide interval");
    expect(html).toMatch(/gap <span[^>]*>\+\d+ \[\+\d+, \+\d+\]/);
  });

  it("shows the verdict, the wording diff, the framed trait under both wordings and each trait's leakage, with the action slot", () => {
    const html = renderToStaticMarkup(createElement(FramingSection, { framing: f.framing, nameOf, action: createElement("button", null, "Try it") }));
    expect(html).toContain("requested leaks less");
    expect(html).toContain("<del");
    expect(html).toContain("<ins");
    expect(html).toContain("as its nature");
    expect(html.match(/data-testid="framing-/g)!.length).toBe(f.framing.rows.length + 1);
    expect(html).toContain("Try it");
    const noAction = renderToStaticMarkup(createElement(FramingSection, { framing: f.framing, nameOf }));
    expect(noAction).not.toContain("Try it");
  });
});
