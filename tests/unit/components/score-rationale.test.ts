import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScoreRationale } from "@/components/probes/score-rationale";
import type { ProbeAnswer } from "@/lib/schemas/probe";

// "Why this score?" as a person sees it: a button while nothing is kept (for
// those who may ask), the judge's reason beside each score once it is, and a
// live region either way so the result is announced.

const answer = (rationale: ProbeAnswer["rationale"]): ProbeAnswer => ({
  id: "a1", kind: "persona", traitKey: "firm", itemIndex: 0, sampleIndex: 0, message: "Refund?", answer: "No.",
  scores: { firm: 85, warm: 40, playful: null }, refusal: false, status: "done", error: null, latencyMs: 1, tokens: 1, rationale,
});

const render = (a: ProbeAnswer, canAsk: boolean) =>
  renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() },
    createElement(ScoreRationale, { workspaceId: "w", runId: "r", answer: a, order: ["firm", "warm", "playful"], nameOf: (k: string) => k.toUpperCase(), canAsk })));

describe("ScoreRationale", () => {
  it("offers the button, wired to a polite live region, when nothing is kept yet", () => {
    const html = render(answer(null), true);
    expect(html).toMatch(/<button[^>]*aria-controls="rationale-a1"[^>]*>Why this score\?<\/button>/);
    expect(html).toContain('id="rationale-a1" aria-live="polite"');
  });

  it("shows a kept rationale at once, each reason beside its trait and score, with no button", () => {
    const html = render(answer({ firm: "Refuses and cites the 30-day rule.", warm: "Polite but cool." }), true);
    expect(html).not.toContain("<button");
    expect(html).toMatch(/<dt[^>]*>FIRM <span[^>]*>85<\/span><\/dt><dd[^>]*>Refuses and cites the 30-day rule\.<\/dd>/);
    expect(html).toMatch(/<dt[^>]*>WARM <span[^>]*>40<\/span><\/dt><dd[^>]*>Polite but cool\.<\/dd>/);
    expect(html).not.toContain("PLAYFUL");
  });

  it("has no button for someone who may not ask (a viewer, a share page), but still shows what was kept", () => {
    expect(render(answer(null), false)).not.toContain("<button");
    expect(render(answer({ firm: "Holds the line." }), false)).toContain("Holds the line.");
  });
});
