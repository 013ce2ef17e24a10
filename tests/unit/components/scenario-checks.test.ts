import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChecksEditor } from "@/components/personas/editor/checks-editor";
import { AnswerCard } from "@/components/preview/answer-card";
import type { Answer } from "@/components/preview/use-live-answers";
import type { Check } from "@/lib/schemas/scenario";

// Checks as a designer meets them: labelled rows under a scenario, and ticks
// beside a preview answer once it is complete (never while it streams).

const CHECKS: Check[] = [
  { id: "c1", type: "contains", value: "30-day", label: "mentions the 30-day policy" },
  { id: "c2", type: "regex", value: "^sorry", flags: "i" },
  { id: "c3", type: "max_length", value: 20 },
];

const card = (answer: Answer) => renderToStaticMarkup(createElement(AnswerCard, { answer, title: "Draft", onRetry: () => {}, checks: CHECKS }));

describe("scenario checks in the composer and the live preview", () => {
  it("shows each check as labelled, editable fields", () => {
    const html = renderToStaticMarkup(createElement(ChecksEditor, { checks: CHECKS, onChange: () => {}, label: "Scenario 1" }));
    expect(html.match(/data-testid="check-row"/g)).toHaveLength(3);
    for (const name of ["Scenario 1 check 1 type", "Scenario 1 check 1 text", "Scenario 1 check 1 label", "Scenario 1 check 2 pattern", "Scenario 1 check 2 flags", "Scenario 1 check 3 characters", "Remove scenario 1 check 3"]) {
      expect(html).toContain(`aria-label="${name}"`);
    }
    expect(html).toContain('value="mentions the 30-day policy"');
    expect(html).toContain("+ Check");
    expect(html).not.toContain('role="alert"');
  });

  it("marks pass and fail beside a finished answer, and nothing while it streams", () => {
    const done = card({ status: "done", text: "Sorry, our 30-day window has passed.", tokens: 9, latencyMs: 5 });
    expect(done).toContain("Checks: 2 of 3 pass");
    expect(done).toMatch(/data-pass="true"[^>]*>.*mentions the 30-day policy/);
    expect(done).toMatch(/data-pass="true"[^>]*>.*matches \/\^sorry\/i/);
    expect(done).toMatch(/data-pass="false"[^>]*>.*at most 20 characters/);
    expect(card({ status: "streaming", text: "Sorry, our 30-day" })).not.toContain("answer-checks");
  });
});
