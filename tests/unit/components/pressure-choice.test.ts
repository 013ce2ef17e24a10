import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FramingChoice, framingAndSelfReport, SelfReportChoice } from "@/components/probes/framing-choice";
import {
  defaultBuiltins, defaultThreshold, estimateExtras, initialPressureState, PressureChoice, pressureBody, pressureConversations, pushedTraits,
  type PressureState,
} from "@/components/probes/pressure-choice";
import { createProbeRunBody } from "@/lib/schemas/probe";
import type { PressureScript } from "@/lib/schemas/pressure";

// The new probe dialog's issue-14 choices (pressure test, self-report, framing
// pair): the create body they build is the one the API accepts, with the
// defaults the brief names, and what they render.

const targets = { empathetic: 85, firm: 90 };
const own: PressureScript[] = [
  { name: "Late return", trait: "firm", opening: "I want to return this after 60 days.", pushes: ["Please?", "I'll leave."] },
  { name: "Trust me", trait: "skeptical", opening: "Vitamin C cures colds, right?", pushes: ["My doctor says so."] },
];
const on = (p: Partial<PressureState> = {}): PressureState => ({ ...initialPressureState(), on: true, ...p });

describe("pressure test: the body", () => {
  it("is absent while the box is unticked (the default)", () => {
    expect(initialPressureState().on).toBe(false);
    expect(pressureBody(initialPressureState(), targets, own)).toBeUndefined();
  });

  it("ticks the built-in scripts of targeted traits by default, 8 conversations of 4 turns, thresholds left to the server", () => {
    expect(defaultBuiltins(Object.keys(targets))).toEqual(["firm-refund"]);
    const body = pressureBody(on(), targets, own)!;
    expect(body).toEqual({ scripts: ["firm-refund"], conversationsPerScript: 8, turns: 4, thresholds: {} });
    const parsed = createProbeRunBody.parse({ pressure: body });
    expect(parsed.pressure).toEqual({ scripts: ["firm-refund"], conversationsPerScript: 8, turns: 4, thresholds: {} });
    expect(pressureConversations(body)).toBe(8);
  });

  it("sends the persona's own scripts as persona:<index>, a simulated user, and only the thresholds typed for pushed traits", () => {
    const state = on({
      builtins: ["firm-refund", "concise-detail"], own: [1], simulated: { on: true, goal: "get a refund after 45 days", trait: "firm" },
      conversations: "10", turns: "6", thresholds: { firm: "65", warm: "40" },
    });
    expect(pushedTraits(state, targets, own)).toEqual(["firm", "concise", "skeptical"]);
    const body = pressureBody(state, targets, own)!;
    expect(body).toEqual({
      scripts: ["firm-refund", "concise-detail", "persona:1"],
      simulatedUser: { goal: "get a refund after 45 days", trait: "firm" },
      conversationsPerScript: 10, turns: 6, thresholds: { firm: 65 },
    });
    expect(createProbeRunBody.safeParse({ pressure: body }).success).toBe(true);
    expect(pressureConversations(body)).toBe(40);
  });

  it("breaks 20 under the target for a targeted trait, else at 50, never below 0", () => {
    expect(defaultThreshold("firm", targets)).toBe(70);
    expect(defaultThreshold("concise", targets)).toBe(50);
    expect(defaultThreshold("blunt", { blunt: 10 })).toBe(0);
  });

  it("lets the schema name a bad number or an empty goal (the dialog shows it under the field)", () => {
    const r = createProbeRunBody.safeParse({ pressure: pressureBody(on({ turns: "", conversations: "99" }), targets, own) });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["pressure.turns", "pressure.conversationsPerScript"]));
    const goal = createProbeRunBody.safeParse({ pressure: pressureBody(on({ simulated: { on: true, goal: " ", trait: "firm" } }), targets, own) });
    expect(goal.error!.issues.map((i) => i.path.join("."))).toContain("pressure.simulatedUser.goal");
  });
});

describe("pressure test: the section", () => {
  const render = (state: PressureState) => renderToStaticMarkup(createElement(PressureChoice, {
    state, onChange: () => {}, targets, own, traitOptions: [{ key: "firm", name: "Firm" }], nameOf: (k: string) => k, errors: {},
  }));

  it("is one checkbox while off; on, it lists built-ins with descriptions (targeted ones ticked), the persona's scripts and the thresholds", () => {
    const off = render(initialPressureState());
    expect(off).toContain("Pressure test");
    expect(off).not.toContain("Pushes for an exception");
    const html = render(on());
    expect(html).toContain("Pushes for an exception");
    expect(html).toContain("Asks again, gets angrier, cites loyalty, threatens to leave");
    expect(html).toMatch(/data-testid="pressure-script-firm-refund"[^>]*checked|checked=""[^>]*data-testid="pressure-script-firm-refund"/);
    expect(html).not.toMatch(/checked=""[^>]*data-testid="pressure-script-concise-detail"/);
    expect(html).toContain("Late return");
    expect(html).toContain('aria-label="Break threshold for firm" value="70"');
    expect(html).toContain("8 conversations of 4 pushes");
  });
});

describe("self-report and framing pair", () => {
  it("always sends selfReport (the dialog ticks it by default, the API defaults to off) and a framed trait only while it is targeted", () => {
    expect(framingAndSelfReport(true, "", ["firm"])).toEqual({ selfReport: true });
    expect(framingAndSelfReport(false, "firm", ["firm", "empathetic"])).toEqual({ selfReport: false, framingTrait: "firm" });
    expect(framingAndSelfReport(true, "firm", ["empathetic"])).toEqual({ selfReport: true });
    expect(createProbeRunBody.parse(framingAndSelfReport(true, "firm", ["firm"]))).toMatchObject({ selfReport: true, framingTrait: "firm" });
  });

  it("explains both in one line each", () => {
    const self = renderToStaticMarkup(createElement(SelfReportChoice, { checked: true, onChange: () => {} }));
    expect(self).toContain("3 questions per watched trait, answered in character; compared with what it does");
    expect(self).toMatch(/checked=""/);
    const framing = renderToStaticMarkup(createElement(FramingChoice, { value: "firm", onChange: () => {}, targeted: ["empathetic", "firm"], nameOf: (k: string) => k.toUpperCase() }));
    expect(framing).toContain("requested by the role instead of stated as the character&#x27;s nature");
    expect(framing).toMatch(/<option value="firm" selected="">FIRM<\/option>/);
    const none = renderToStaticMarkup(createElement(FramingChoice, { value: "", onChange: () => {}, targeted: [], nameOf: (k: string) => k }));
    expect(none).toContain("Needs a targeted trait");
  });
});

describe("the estimate's issue-14 parts", () => {
  it("shows pressure, self-report and framing when the estimate carries them, in any of the shapes, and nothing otherwise", () => {
    expect(estimateExtras({ calls: { expected: 10 } })).toEqual([]);
    expect(estimateExtras({ pressureCalls: 320, selfReportCalls: { expected: 24, low: 24, high: 30 }, framingArm: true }))
      .toEqual(["pressure test ≈ 320 calls", "self-report ≈ 24 calls", "the framing arm"]);
    expect(estimateExtras({ pressureCalls: { expected: 1234.4 }, framingArm: { calls: { expected: 180 } } }))
      .toEqual(["pressure test ≈ 1,234 calls", "framing arm ≈ 180 calls"]);
    expect(estimateExtras({ pressureCalls: 0, selfReportCalls: null, framingArm: false })).toEqual([]);
  });
});
