import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SharedPanelPage } from "@/components/panels/shared-panel-page";
import { panelReport } from "@/lib/probing/panel/panel-report";
import { mulberry32 } from "@/lib/probing/random";
import type { SharedPanelBundle } from "@/lib/schemas/panel-session";
import { drawPanel } from "@/tests/unit/probing/panel/helpers";

// The page behind a panel's share link, rendered from a bundle as
// openPanelShare builds it: the panel report is the real assembler's, shown
// read-only (no link into the workspace); the recorded preview and its threads
// appear only when the bundle carries them.

const members = [{ key: "skeptic", name: "Skeptic", promptHash: "h1" }, { key: "optimist", name: "Optimist", promptHash: "h2" }];
const drawn = drawPanel(mulberry32(3), { traits: ["warm", "blunt"], items: 40, perItem: 1, positions: { skeptic: [30, 70], optimist: [75, 30] } });
const report = panelReport({
  methodVersion: "panel-1", final: true, watched: ["warm", "blunt"], traitLabels: { warm: "Warmth", blunt: "Bluntness" }, members,
  arms: [{ arm: "active", label: "Active plan", seats: { skeptic: "House models · big-model", optimist: "House models · big-model" }, answers: Object.fromEntries(drawn.map((m) => [m.id, m.answers])), guesses: [] }],
  polarityPairs: [], rng: mulberry32(7), resamples: 200,
});

const bundle = (over: Partial<SharedPanelBundle> = {}): SharedPanelBundle => ({
  panel: { name: "Release council", description: "Who argues about Friday releases" },
  members: [
    { key: "skeptic", name: "Skeptic", archetype: "a sceptical auditor", seatLabel: "House models · big-model" },
    { key: "optimist", name: "Optimist", archetype: "a cheerful founder", seatLabel: "House models · big-model" },
  ],
  polarityPairs: [{ a: "Optimist", b: "Skeptic", axis: "Warmth", direction: "a_higher" }],
  report: {
    runId: "run1", finishedAt: "2026-12-01T10:00:00.000Z", report,
    run: { id: "run1", experiment: "divergence", watched: ["warm", "blunt"], members: members.map((m) => ({ key: m.key, name: m.name, personaId: "", version: 1, runs: [{ arm: "active", runId: "", seatLabel: "House models · big-model", simulated: false, status: "completed", done: 0, failed: 0 }] })) },
  },
  session: null, sharedBy: "Pam", sharedAt: "2026-12-01T11:00:00.000Z", expiresAt: null,
  ...over,
});

const render = (b: SharedPanelBundle) => renderToStaticMarkup(createElement(SharedPanelPage, { bundle: b }));

describe("the shared panel page", () => {
  it("shows the panel, members with archetypes and seats, the declared opposites and the report, with no link into the workspace", () => {
    const html = render(bundle());
    for (const text of ["Release council", "Who argues about Friday releases", "a sceptical auditor", "House models · big-model", "Warmth", "Panel report"]) expect(html).toContain(text);
    expect(html).not.toContain("/w/");
    expect(html).not.toContain("Recorded preview");
  });

  it("without a final report says so; with a session shows answers by round and its threads, a failure as 'failed'", () => {
    const html = render(bundle({
      report: null,
      session: {
        question: "Ship on Friday?", crossExamine: true, createdAt: "2026-12-01T09:00:00.000Z",
        answers: [
          { id: "a1", round: 1, memberKey: "skeptic", memberName: "Skeptic", seatLabel: "House models · big-model", simulated: false, answer: "Never on a Friday.", error: null, latencyMs: 10, createdAt: "2026-12-01T09:00:00.000Z" },
          { id: "a2", round: 2, memberKey: "optimist", memberName: "Optimist", seatLabel: "House models · big-model", simulated: false, answer: null, error: "failed", latencyMs: null, createdAt: "2026-12-01T09:00:00.000Z" },
        ],
        comments: [{ id: "c1", parentId: null, anchor: { kind: "panel_answer", key: "a1", label: "Skeptic on “Ship on Friday?”", version: null }, body: "Too cautious", author: { name: "Rita" }, mentions: [], createdAt: "2026-12-01T09:30:00.000Z", editedAt: null, resolvedAt: null, resolvedBy: null, replies: [] }],
      },
    }));
    expect(html).toContain("No finished panel report yet.");
    for (const text of ["Ship on Friday?", "First answers", "Cross-examination", "Never on a Friday.", "This answer failed.", "Too cautious", "Rita"]) expect(html).toContain(text);
  });
});
