import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RunHistory } from "@/components/probes/run-history";
import { runFacts, runName, runSubtitle } from "@/components/probes/run-history-format";
import type { ProbeRun } from "@/lib/schemas/probe";

// How the run history names a run and says what ran (issue 12 §8).

const run = (over: Partial<ProbeRun> & { calls?: number } = {}) =>
  ({
    id: "r1", version: 3, variant: null, status: "completed", error: null, createdBy: "Dana", createdAt: "2026-12-01T21:00:00.000Z",
    target: { providerId: "simulator", label: "Simulator", model: "persona-sim-1", simulated: true },
    watched: ["warm", "firm", "empathetic", "patient", "direct", "formal", "playful", "curious"],
    targets: { firm: 70, empathetic: 80 },
    progress: { answers: 380, failed: 0, traitsDone: 8, traits: 8, fraction: 1, modelCalls: over.calls ?? 404, cacheHits: 0 },
    usage: { promptTokens: 1000, completionTokens: 500, costUsd: 0.3712 },
    summary: { verdictLine: { text: "Firm misses its target: lands at 48 (asked 70).", severity: "alert" }, scenarios: 3 },
    ...over,
  }) as unknown as ProbeRun;

describe("run history", () => {
  it("names a variant run by its variant, otherwise by version or Draft", () => {
    expect(runName(run())).toBe("Version 3");
    expect(runName(run({ version: "draft" }))).toBe("Draft");
    expect(runName(run({ variant: { id: "v1", name: "Firm desk" } }))).toBe("Firm desk");
    expect(runSubtitle(run({ variant: { id: "v1", name: "Firm desk" } }))).toBe("Version 3 · Simulator persona-sim-1");
    expect(runSubtitle(run())).toBe("Simulator persona-sim-1");
  });

  it("says traits, targets, scenarios (only when frozen), calls and cost", () => {
    expect(runFacts(run())).toBe("8 traits · 2 targets · 3 scenarios · 404 calls · $0.37");
    expect(runFacts(run({ summary: { verdictLine: null, scenarios: 0 } }))).toBe("8 traits · 2 targets · 404 calls · $0.37");
    // Issue 14's add-ons say what ran.
    expect(runFacts(run({ summary: { verdictLine: null, scenarios: 0, pressureConversations: 12, selfReport: true, framing: "firm" } })))
      .toBe("8 traits · 2 targets · 12 pressure conversations · self-ratings · framing pair on firm · 404 calls · $0.37");
    expect(runFacts(run({ summary: undefined, calls: 1, watched: ["warm"], targets: { warm: 80 }, usage: { promptTokens: 1, completionTokens: 1, costUsd: null } })))
      .toBe("1 trait · 1 target · 1 call · cost unknown");
    expect(runFacts(run({ summary: { verdictLine: null, scenarios: 1 }, calls: 1204 }))).toContain("1 scenario · 1,204 calls");
  });

  it("renders each run as a list item with its name, facts, author and verdict line", () => {
    const html = renderToStaticMarkup(createElement(RunHistory, {
      runs: [run(), run({ id: "r2", variant: { id: "v1", name: "Firm desk" }, summary: { verdictLine: null, scenarios: 0 }, status: "running" })],
      base: "/w/p", selected: [], onToggle: () => {},
    }));
    expect(html).toContain('aria-label="Probe runs"');
    expect(html.match(/data-testid="run-history-row"/g)).toHaveLength(2);
    expect(html).toContain("Version 3");
    expect(html).toContain("Firm desk");
    expect(html).toContain("8 traits · 2 targets · 3 scenarios · 404 calls · $0.37 · by Dana, ");
    expect(html).toContain("Firm misses its target: lands at 48 (asked 70).");
    expect(html.match(/data-testid="run-verdict-line"/g)).toHaveLength(1);
    expect(html).toContain("bg-rose-50"); // alert tone
    expect(html).not.toContain("overflow-x-auto");
  });
});
