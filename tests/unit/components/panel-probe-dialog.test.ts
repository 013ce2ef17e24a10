import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EstimateLine, PanelProbeDialog } from "@/components/panels/panel-probe-dialog";
import { RunProgress } from "@/components/panels/report/panel-run-page";
import type { PanelDetail } from "@/lib/schemas/panel";
import type { PanelRun } from "@/lib/schemas/panel-run";

// "Probe the panel": the ceiling experiment needs both seat plans (else it is
// offered disabled, with the reason); the estimate line says what the cache
// saves; the run page's progress shows each member run and the blind pass.

const router = { push: () => {}, replace: () => {}, refresh: () => {}, back: () => {}, forward: () => {}, prefetch: () => {} };
const wrap = (node: ReactNode) => createElement(QueryClientProvider, { client: new QueryClient() },
  createElement(AppRouterContext.Provider, { value: router as never }, node));

const seat = { providerId: "sim", model: "persona-sim-1" };
const panel = (plans: PanelDetail["spec"]["plans"]): PanelDetail => ({
  id: "p1", slug: "council", name: "Council", description: "", memberCount: 2, revision: 3, latestVersion: 1,
  createdAt: "2026-12-01T00:00:00Z", updatedAt: "2026-12-01T00:00:00Z",
  spec: { members: [{ key: "a", personaId: "pa", version: "latest" }, { key: "b", personaId: "pb", version: "latest" }], polarityPairs: [], groups: [], plans, activePlan: "single", questions: ["What would you cut?"] },
  members: [],
} as unknown as PanelDetail);

const dialog = (p: PanelDetail) => renderToStaticMarkup(wrap(createElement(PanelProbeDialog, { workspaceId: "ws", panel: p, open: true, onClose: () => {} })));

describe("panel probe dialog", () => {
  it("offers the ceiling experiment disabled, with the reason, until both plans exist", () => {
    const html = dialog(panel({ single: { seats: { a: seat, b: seat } } }));
    expect(html).toMatch(/<input(?=[^>]*value="ceiling")(?=[^>]*disabled="")[^>]*>/);
    expect(html).toContain("Needs the routed plan");
    expect(html.replace(/<!-- -->/g, "")).toContain("Ask the panel\u2019s 1 question");
    const both = dialog(panel({ single: { seats: { a: seat, b: seat } }, routed: { seats: { a: seat, b: { providerId: "sim", model: "persona-sim-2" } } } }));
    expect(both).not.toMatch(/<input(?=[^>]*value="ceiling")(?=[^>]*disabled="")[^>]*>/);
  });

  it("leaves the watched traits to the server by default", () => {
    const html = dialog(panel({}));
    expect(html).toContain("Server default.");
    expect(html).toContain("Default: the members&#x27; targeted traits and their most related ones (at most 8) — or, when they target fewer than four, seven traits across the library&#x27;s clusters.");
  });

  it("shows calls low–expected–high, the calls reused, distinguishability calls and the money", () => {
    const html = renderToStaticMarkup(createElement(EstimateLine, {
      estimate: { memberRuns: 8, answers: 960, calls: { low: 1800, expected: 2300, high: 2900 }, reused: 640, distinguishCalls: 48, costUsd: 0.84 }, loading: false, error: null, maxCalls: 2000,
    }));
    expect(html).toContain("≈ 2,300 model calls (1,800–2,900), ≈ $0.84");
    expect(html).toContain("640 calls reused");
    expect(html).toContain("48 for blind distinguishability");
    expect(html).toContain("The cap is below the high end");
  });
});

describe("panel run progress", () => {
  it("lists each member run's answers done and failed, and the distinguishability pass", () => {
    const run = {
      id: "r", panelId: "p1", panelName: "Council", panelVersion: null, experiment: "ceiling", arms: ["single", "routed"], status: "running", watched: ["warm", "blunt"],
      judge: { providerId: "sim", model: "persona-sim-1", label: "Simulator" }, modelCalls: 120, cacheHits: 30, maxCalls: null, createdAt: "2026-12-01T00:00:00Z", createdBy: "Ada", finishedAt: null,
      distinguish: { status: "running", done: 6, total: 16, error: null },
      members: [
        { key: "a", name: "Skeptic", personaId: "pa", version: null, runs: [
          { arm: "single", runId: "r1", seatLabel: "Simulator · persona-sim-1", simulated: true, status: "completed", done: 40, failed: 0 },
          { arm: "routed", runId: "r2", seatLabel: "Simulator · persona-sim-2", simulated: true, status: "running", done: 31, failed: 2 },
        ] },
      ],
    } satisfies PanelRun;
    const html = renderToStaticMarkup(createElement(RunProgress, { run }));
    expect(html).toContain("1/2 member runs done");
    expect(html).toContain("31 done");
    expect(html).toContain("2 failed");
    expect(html).toContain("Routed across models");
    expect(html).toContain("6/16 judged");
  });
});
