import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MoreMentions } from "@/components/review/more-mentions";

// The review queue's note under the listed mentions: how many older open threads
// mention you, and where each lot is (a persona, or a panel — which opens the panel).

const render = (more: Parameters<typeof MoreMentions>[0]["more"]) =>
  renderToStaticMarkup(createElement(MoreMentions, { ws: "w1", listed: 50, more }));

describe("more mentions", () => {
  it("says nothing when every mentioned thread is listed", () => {
    expect(render([])).toBe("");
  });

  it("counts the rest and links each persona or panel they are on", () => {
    const html = render([
      { personaId: "p1", personaName: "Nurse Ada", panel: null, threads: 12 },
      { personaId: "p2", personaName: "Bo", panel: { id: "k1", name: "Triage council" }, threads: 1 },
    ]);
    expect(html).toContain("13 more open threads mention you, older than the 50 above");
    expect(html).toContain('href="/w/w1/personas/p1"');
    expect(html).toMatch(/Nurse Ada<\/a> <span[^>]*>· 12 threads/);
    expect(html).toContain('href="/w/w1/panels/k1#panel-sessions"');
    expect(html).toMatch(/Triage council<\/a> <span[^>]*>· 1 thread</);
    expect(html).not.toContain(">Bo<");
  });

  it("speaks of one thread in the singular", () => {
    expect(render([{ personaId: "p1", personaName: "Ada", panel: null, threads: 1 }])).toContain("1 more open thread mentions you");
  });
});
