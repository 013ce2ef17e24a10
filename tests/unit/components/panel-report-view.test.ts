import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PairDetail } from "@/components/panels/report/pair-matrix";
import { PanelReportView } from "@/components/panels/report/panel-report-view";
import { distanceFill, gainText, luminance, mapLayout, summaryLine } from "@/components/panels/report/panel-report-prep";
import { panelReport, type PanelArmInput } from "@/lib/probing/panel/panel-report";
import type { PanelReport } from "@/lib/probing/panel/report-types";
import { mulberry32 } from "@/lib/probing/random";
import type { PanelRun } from "@/lib/schemas/panel-run";
import { drawPanel } from "@/tests/unit/probing/panel/helpers";

// The panel report page's body, rendered from a report the real assembler
// (lib/probing/panel/panel-report.ts) computes on a synthetic panel whose truth
// is planted: Skeptic and Doubter land the same (a costume change), Optimist
// and Skeptic are declared opposites on warmth, the Analyst sits apart.

const traits = ["warm", "blunt", "curious", "formal"];
const labels = { warm: "Warmth", blunt: "Bluntness", curious: "Curiosity", formal: "Formality" };
const members = [
  { key: "skeptic", name: "Skeptic", promptHash: "h1" },
  { key: "doubter", name: "Doubter", promptHash: "h2" },
  { key: "optimist", name: "Optimist", promptHash: "h3" },
  { key: "analyst", name: "Analyst", promptHash: "h4" },
];
const positions = { skeptic: [35, 65, 50, 50], doubter: [35, 65, 50, 50], optimist: [70, 35, 55, 45], analyst: [45, 50, 70, 70] };

function arm(seed: number, name: string, label: string, shift = 0): PanelArmInput {
  const drawn = drawPanel(mulberry32(seed), {
    traits, items: 80, perItem: 1, positions: Object.fromEntries(Object.entries(positions).map(([k, v]) => [k, v.map((x) => x + shift)])),
  });
  return { arm: name, label, seats: Object.fromEntries(members.map((m) => [m.key, "Simulator · persona-sim-1"])), answers: Object.fromEntries(drawn.map((m) => [m.id, m.answers])), guesses: [] };
}

const report = (arms: PanelArmInput[]): PanelReport => panelReport({
  methodVersion: "panel-1", final: true, watched: traits, traitLabels: labels, members, arms,
  polarityPairs: [{ a: "optimist", b: "skeptic", axis: { trait: "warm" }, direction: "a_higher" }],
  rng: mulberry32(7), resamples: 300,
});

const run = (experiment: "divergence" | "ceiling"): PanelRun => ({
  id: "run1", panelId: "p1", panelName: "Council", panelVersion: 1, experiment, arms: experiment === "ceiling" ? ["single", "routed"] : ["active"], status: "completed",
  watched: traits, judge: { providerId: "sim", model: "persona-sim-1", label: "Simulator" },
  members: members.map((m) => ({ key: m.key, name: m.name, personaId: `persona-${m.key}`, version: 1, runs: [{ arm: experiment === "ceiling" ? "single" : "active", runId: `pr-${m.key}`, seatLabel: "Simulator", simulated: true, status: "completed", done: 80, failed: 0 }] })),
  distinguish: { status: "off", done: 0, total: 0, error: null }, modelCalls: 0, cacheHits: 0, maxCalls: null,
  createdAt: "2026-12-01T00:00:00.000Z", createdBy: "Ada", finishedAt: null,
});

const render = (props: Parameters<typeof PanelReportView>[0]) => renderToStaticMarkup(createElement(PanelReportView, props));

describe("panel report view", () => {
  const divergence = report([arm(11, "active", "Active plan")]);

  it("opens with the summary line: members, effective positions with interval out of k, and the flags counted", () => {
    const line = summaryLine(divergence);
    expect(line).toMatch(/^4 members, \d\.\d effective positions \[\d\.\d, \d\.\d\] of 4; 1 costume change/);
    const html = render({ report: divergence, run: run("divergence") });
    expect(html).toContain(`data-testid="panel-summary">${line.replace(/&/g, "&amp;")}</p>`);
  });

  it("lists the costume change in plain words under its own heading, and outlines that cell in the distance matrix", () => {
    const html = render({ report: divergence, run: run("divergence") });
    expect(divergence.flags.filter((f) => f.kind === "costume").map((f) => [...f.members].sort())).toEqual([["doubter", "skeptic"]]);
    expect(html).toContain("Costume changes — different prompts, same behaviour");
    expect(html).toMatch(/data-flag="costume">[^<]*Skeptic[^<]*Doubter|data-flag="costume">[^<]*Doubter[^<]*Skeptic/);
    expect(html.match(/outline-dashed/g)).toHaveLength(2); // the pair's two cells (above and below the diagonal)
  });

  it("draws one point per member on the map, with the scale bar and the map's faithfulness", () => {
    const html = render({ report: divergence, run: run("divergence") });
    // Two frames of the same map (wide from the sm breakpoint, compact below): each draws every member once.
    const frames = html.split('data-testid="panel-map"').slice(1).map((f) => f.slice(0, f.indexOf("</svg>")));
    expect(frames).toHaveLength(2);
    for (const f of frames) expect(f.match(/data-testid="map-point"/g)).toHaveLength(4);
    for (const m of members) expect(html).toContain(`>${m.name}</text>`);
    expect(html).toContain("10 points");
    expect(html).toMatch(/The map shows \d+% of how the members differ/);
  });

  it("a picked pair shows its per-trait differences with intervals against the ±5 band", () => {
    const html = renderToStaticMarkup(createElement(PairDetail, {
      arm: divergence.arms[0], pair: ["doubter", "skeptic"], nameOf: (k: string) => members.find((m) => m.key === k)!.name, traitName: (t: string) => labels[t as keyof typeof labels],
    }));
    expect(html).toContain("costume change");
    for (const t of Object.values(labels)) expect(html).toMatch(new RegExp(`${t}</td><td[^>]*>[^<]*\\[[^<]*\\]</td>`));
    expect(html).toContain("the band is ±5");
  });

  it("links each member to its member run's report in the workspace, and never when readOnly (the share page)", () => {
    expect(render({ report: divergence, run: run("divergence"), workspaceId: "ws1" })).toContain('href="/w/ws1/personas/persona-skeptic/probes/pr-skeptic"');
    const shared = render({ report: divergence, run: run("divergence"), workspaceId: "ws1", readOnly: true });
    expect(shared).not.toContain("/w/ws1");
  });

  it("a ceiling run whose routed arm is the same panel shifted says 'no clear gain' (the interval spans 0) and draws both maps", () => {
    const ceiling = report([arm(21, "single", "One model"), arm(22, "routed", "Routed across models", 3)]);
    expect(ceiling.gain).not.toBeNull();
    const g = ceiling.gain!.effectivePositions.gain;
    expect(g.lo! <= 0 && g.hi! >= 0).toBe(true);
    const html = render({ report: ceiling, run: run("ceiling") });
    expect(html).toContain("no clear gain");
    expect(html.match(/data-testid="panel-map"/g)).toHaveLength(4); // two arms × (wide + compact frame)
    expect(summaryLine(ceiling)).toMatch(/^4 members\. One model: .*\. Routed across models: .*\.$/);
  });

  it("renders a partial report while members are still answering (one member without answers, few items)", () => {
    const early = arm(31, "active", "Active plan");
    early.answers = { ...early.answers, analyst: undefined, optimist: early.answers.optimist!.slice(0, 3), skeptic: early.answers.skeptic!.slice(0, 3), doubter: early.answers.doubter!.slice(0, 3) };
    const partial = { ...report([early]), final: false };
    const html = render({ report: partial, run: run("divergence") });
    expect(html).toContain("Provisional: recomputed as the member runs answer.");
    expect(html).toContain("Analyst has no judged answers yet");
    expect(renderToStaticMarkup(createElement(PanelReportView, { report: { ...partial, arms: [], flags: [] }, run: run("divergence") }))).toContain("4 members; no answers yet");
  });

  it("says a gain only when the interval leaves 0 out", () => {
    expect(gainText({ estimate: 0.4, lo: -0.2, hi: 1.0 }, 1, "")).toMatch(/^no clear gain/);
    expect(gainText({ estimate: 0.8, lo: 0.3, hi: 1.2 }, 1, "")).toBe("+0.8 [+0.3, +1.2]: routing adds diversity");
    expect(gainText({ estimate: -0.8, lo: -1.2, hi: -0.3 }, 1, "")).toMatch(/routing loses diversity$/);
    // A clear gain whose bound would print as 0.0 gets one more digit.
    expect(gainText({ estimate: 0.07, lo: 0.012, hi: 0.15 }, 1, "")).toBe("+0.07 [+0.01, +0.15]: routing adds diversity");
  });

  it("distance cells keep readable text: at least 4.5:1 contrast (WCAG AA) from white to the darkest fill", () => {
    const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const rgb = (css: string) => css.match(/\d+/g)!.map(Number) as [number, number, number];
    const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
    for (let d = 0; d <= 30; d += 0.5) {
      const { fill, ink } = distanceFill(d, 30);
      expect(contrast(luminance(...rgb(fill)), luminance(...hex(ink)))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("places labels of members on the same spot on different sides, so they do not print over each other", () => {
    const layout = mapLayout([[0, 0], [0, 0], [20, 0]], [{ key: "a", name: "Skeptic" }, { key: "b", name: "Doubter" }, { key: "c", name: "Analyst" }], 480, 340, 8);
    const [a, b] = layout.points;
    expect(a.x).toBe(b.x);
    expect(`${a.label.x},${a.label.y}`).not.toBe(`${b.label.x},${b.label.y}`);
    expect(layout.scaleBar.length).toBe(80);
  });
});
