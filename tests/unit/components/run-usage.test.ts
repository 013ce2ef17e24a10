import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { capNotice, RunUsage, usageLine } from "@/components/probes/run-usage";
import { formatPrices } from "@/components/workspace/providers-prices";
import type { ProbeRun } from "@/lib/schemas/probe";

// What a run spent and why it stopped, as the run page says it (the CLI's own
// lines are checked end to end in tests/integration/cli.test.ts).

const run = (over: Partial<Pick<ProbeRun, "usage" | "caps">> & { calls?: number } = {}) =>
  ({
    progress: { answers: 600, failed: 0, traitsDone: 2, traits: 2, fraction: 1, modelCalls: over.calls ?? 1204, cacheHits: 96 },
    usage: { promptTokens: 610_000, completionTokens: 200_000, costUsd: 0.3712, ...over.usage },
    caps: { maxCalls: null, maxCostUsd: null, reached: false, ...over.caps },
  }) as unknown as ProbeRun;

describe("run usage", () => {
  it("reads as calls · tokens · cost, with unknown cost said plainly", () => {
    expect(usageLine(run())).toBe("1,204 calls · 0.81 M tokens · $0.37");
    expect(usageLine(run({ calls: 1, usage: { promptTokens: 300, completionTokens: 120, costUsd: null } }))).toBe("1 call · 420 tokens · cost unknown (no prices)");
    expect(usageLine(run({ usage: { promptTokens: 10, completionTokens: 5, costUsd: 0.00003 } }))).toContain("< $0.01");
  });

  it("says when a cap stopped the run, and only then", () => {
    expect(capNotice(run({ caps: { maxCalls: 500, maxCostUsd: null, reached: true } }))).toBe("Stopped at the cap of 500 calls — the report covers what was answered");
    expect(capNotice(run({ caps: { maxCalls: 500, maxCostUsd: 2, reached: false } }))).toBeNull();
    const html = renderToStaticMarkup(createElement(RunUsage, { run: run({ caps: { maxCalls: null, maxCostUsd: 0.5, reached: true } }) }));
    expect(html).toContain("Stopped at the cap of $0.50");
    expect(renderToStaticMarkup(createElement(RunUsage, { run: run({ caps: { maxCalls: 2000, maxCostUsd: null, reached: false } }) }))).toContain("cap 2,000 calls");
  });

  it("provider prices read per million tokens, or 'no prices'", () => {
    expect(formatPrices(0.15, 0.6)).toBe("$0.15 / $0.6 per M tokens");
    expect(formatPrices(null, null)).toBe("no prices");
  });
});
