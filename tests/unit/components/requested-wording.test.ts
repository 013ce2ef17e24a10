import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { FlagAckScopeProvider, type FlagAckScope } from "@/components/probes/flag-ack-scope";
import { FlagsPanel } from "@/components/probes/flags-panel";
import { framingProbeHref, RequestedWordingButton, variantHref, wordingError, wordingTraitFor } from "@/components/probes/requested-wording-button";
import { computeFlags, type FlagTrait } from "@/lib/probing/flags";
import { tQuantile, twoSidedP } from "@/lib/probing/methods";
import type { Summary } from "@/lib/probing/stats";
import { ApiError } from "@/lib/query/api";
import { requestedWordingPath } from "@/lib/query/requested-wording-hooks";
import type { ReportFlag } from "@/lib/schemas/probe";

// "Try the requested-behaviour wording" on a leakage flag (issue 14 §4): which
// targeted trait it re-words, who sees it, where it posts and links to, and
// the API's message on a refusal.

const S = (mean: number, hw: number): Summary => ({ n: 40, mean, lo: mean - hw, hi: mean + hw, halfWidth: hw });
function row(key: string, mean: number, target?: number): FlagTrait {
  const difference = mean - 50, shiftHw = 4, se = shiftHw / tQuantile(0.975, 39);
  return {
    key, ...(target === undefined ? {} : { target }), landing: S(mean, 3), baseline: S(50, 3),
    shift: { difference, lo: difference - shiftHw, hi: difference + shiftHw, halfWidth: shiftHw, excludesZero: Math.abs(difference) > shiftHw, nLanding: 40, nBaseline: 40, nItems: 40, pValue: twoSidedP(difference, se, 39), se, df: 39 },
  };
}
// The support agent: warm rises with empathetic (came with the character type), contrarian rises on its own.
const flags = computeFlags({
  traits: [row("empathetic", 84, 85), row("firm", 83, 80), row("warm", 80), row("contrarian", 76)],
  correlations: { keys: [], r: [], n: [] },
}) as unknown as ReportFlag[];
const byId = (id: string) => flags.find((f) => f.id === id)!;
const targeted = [{ key: "empathetic", name: "Empathetic" }, { key: "firm", name: "Firm" }];

describe("which targeted trait a leakage flag re-words", () => {
  it("the one the library says it came with, else a targeted trait among its traits, else none (the designer picks)", () => {
    expect(byId("leakage:warm").expected?.with).toContain("empathetic");
    expect(wordingTraitFor(byId("leakage:warm"), ["firm", "empathetic"])).toBe("empathetic");
    expect(wordingTraitFor({ traits: ["contrarian", "firm"] }, ["empathetic", "firm"])).toBe("firm");
    expect(wordingTraitFor(byId("leakage:contrarian"), ["empathetic", "firm"])).toBeNull();
  });
});

describe("the requested-wording call", () => {
  it("posts to the persona's variants/requested-wording and links to the variant and a framing-pair probe", () => {
    expect(requestedWordingPath("w1", "p1")).toBe("/api/workspaces/w1/personas/p1/variants/requested-wording");
    expect(variantHref("w1", "p1", "v9")).toBe("/w/w1/personas/p1/variants/v9");
    expect(framingProbeHref("w1", "p1", "firm")).toBe("/w/w1/personas/p1/probes?framing=firm");
  });

  it("shows a 4xx's own message, and a plain 'could not' otherwise", () => {
    expect(wordingError(new ApiError(400, "validation", "firm is not a targeted trait of this persona", "trait"))).toBe("firm is not a targeted trait of this persona");
    expect(wordingError(new ApiError(500, "internal", "Internal error"))).toBe("Could not make the variant: Internal error. Try again in a moment.");
  });
});

describe("on the flags panel", () => {
  const render = (scope: FlagAckScope, list = flags, t = targeted) => renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() },
    createElement(FlagAckScopeProvider, { value: scope },
      createElement(FlagsPanel, { flags: list, final: true, tolerance: 10, shiftOf: () => "", onShowAnswers: () => {}, onPlotPair: () => {}, targeted: t }))));
  const studio = (canEdit: boolean): FlagAckScope => ({ audience: "studio", workspaceId: "w1", personaId: "p1", canEdit });

  it("offers it on leakage flags to editors: for the related target, or with a pick of the targets", () => {
    const html = render(studio(true));
    expect(html).toContain("Try the requested-behaviour wording for Empathetic");
    expect(html).toContain('aria-label="Targeted trait to word as a role requirement"');
    const n = (html.match(/data-testid="requested-wording"/g) ?? []).length;
    expect(n).toBe(flags.filter((f) => f.kind === "leakage").length);
  });

  it("never to readers, on a share page, or when the persona targets nothing", () => {
    expect(render(studio(false))).not.toContain("requested-behaviour wording");
    expect(render({ audience: "public" })).not.toContain("requested-behaviour wording");
    expect(render(studio(true), flags, [])).not.toContain("requested-behaviour wording");
  });

  it("with one target, it needs no pick", () => {
    const html = renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() },
      createElement(RequestedWordingButton, { workspaceId: "w1", personaId: "p1", trait: null, choices: [{ key: "firm", name: "Firm" }] })));
    expect(html).toContain("Try the requested-behaviour wording for Firm");
    expect(html).not.toContain("<select");
  });
});
