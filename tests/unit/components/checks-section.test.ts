import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChecksSection, groupByScenario, passRateText } from "@/components/probes/checks-section";
import { checksReport } from "@/lib/probing/checks-report";
import { passRate } from "@/lib/probing/stats/proportion";

// The report's "Checks" section: the overall pass rate with its interval and
// the baseline beside it, each scenario with its checks, a way to open the
// answers that failed.

describe("checks section", () => {
  it("words a pass rate with its Wilson interval in whole percent", () => {
    expect(passRateText(passRate(18, 20))).toBe("18 of 20 checks passed (90%, 95% CI 70–97%)");
    expect(passRateText(passRate(7, 10))).toBe("7 of 10 checks passed (70%, 95% CI 40–89%)");
    expect(passRateText(passRate(0, 0))).toBe("no answer graded yet");
  });

  it("shows both arms, groups checks under their scenario and offers the failing answers", () => {
    const checks = checksReport({
      scenarios: [
        { id: "refund", message: "I want a refund.", checks: [{ id: "c30", type: "contains", value: "30", label: "mentions the 30-day policy" }, { id: "ask", type: "asks_question" }] },
        { id: "bye", message: "Bye" },
        { id: "late", message: "Are you there?", checks: [{ id: "len", type: "max_length", value: 10 }] },
      ],
      persona: [{ id: "p1", itemIndex: 0, text: "Refunds close after 30 days. Anything else?" }, { id: "p3", itemIndex: 2, text: "Yes, I am here for you." }],
      baseline: [{ id: "b1", itemIndex: 0, text: "Sorry." }, { id: "b3", itemIndex: 2, text: "Yes." }],
    })!;
    expect(groupByScenario(checks.rows).map((g) => [g.scenarioIndex, g.checks.map((c) => c.checkId)])).toEqual([[0, ["c30", "ask"]], [2, ["len"]]]);
    const html = renderToStaticMarkup(createElement(ChecksSection, { report: { checks, scenarios: { count: 3, answered: 3 } }, onShowAnswers: () => {} }));
    expect(html).toContain("2 of 3 checks passed (67%, 95% CI 21–94%)");
    expect(html).toContain("1 of 3 checks passed (33%, 95% CI 6–79%)");
    expect(html).toContain("Scenario 1</span> “I want a refund.”");
    expect(html).toContain("Scenario 3</span> “Are you there?”");
    expect(html).toContain("mentions the 30-day policy");
    expect(html.match(/Open the failing answer/g)).toHaveLength(1); // only "at most 10 characters" failed
    expect(renderToStaticMarkup(createElement(ChecksSection, { report: {}, onShowAnswers: () => {} }))).toBe("");
  });
});
