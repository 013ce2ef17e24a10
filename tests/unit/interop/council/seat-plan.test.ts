import { describe, expect, it } from "vitest";
import { InteropError } from "@/lib/interop";
import { parseSeatPlan, writeSeatPlan } from "@/lib/interop/council";
import { COUNCIL_LIMITS } from "@/lib/schemas/council";
import { councilText, seatPlan } from "./fixtures";

const errorsOf = (text: string) => {
  const p = parseSeatPlan(text, "plan.yaml");
  expect(p.ok).toBe(false);
  return p.ok ? [] : p.errors;
};

describe("parseSeatPlan / writeSeatPlan", () => {
  it("reads seats, strategy and fallback, keeping unknown keys in order", () => {
    const { data } = seatPlan();
    expect(Object.keys(data)).toEqual(["profile", "strategy", "seats", "fallback"]);
    expect(data.strategy).toEqual({ provider_spread_first: true, avoid_pair_collocation: true, force_counterfactual_if_consensus_gt: 0.7, require_dissenting_members: 1 });
    expect(Object.keys(data.seats)).toEqual(["socrates", "feynman", "sun-tzu", "aurelius"]);
    expect(data.seats.aurelius).toEqual({
      provider: "anthropic", model: "claude-sonnet-4", exec_method: "openai_compatible_api", api_key_env: "ANTHROPIC_API_KEY", reasoning_mode: "normative",
    });
    expect(data.fallback).toEqual({ provider: "openai", model: "gpt-4.1-mini" });
  });

  it("writes an unedited plan back verbatim, comments included", () => {
    expect(writeSeatPlan(seatPlan())).toBe(councilText("seat-plan.yaml"));
  });

  it("round-trips an edited plan: parse → write → parse gives the same data", () => {
    const plan = seatPlan();
    const edited = structuredClone(plan);
    edited.data.seats.aurelius = { ...edited.data.seats.aurelius, provider: "google", model: "gemini-2.5-flash" };
    const text = writeSeatPlan(edited);
    expect(text).not.toContain("# Four seats");
    const again = parseSeatPlan(text);
    expect(again.ok && again.plan.data).toEqual(edited.data);
    expect(again.ok && Object.keys(again.plan.data.seats.aurelius)).toEqual(["provider", "model", "exec_method", "api_key_env", "reasoning_mode"]);
    expect(writeSeatPlan({ data: edited.data })).toBe(text);
  });

  it("malformed plans name the field and line", () => {
    expect(errorsOf("strategy: {}\n")).toEqual([{ file: "plan.yaml", line: 1, field: "seats", message: "seats is missing" }]);
    const noModel = errorsOf("seats:\n  socrates:\n    provider: anthropic\n  feynman:\n    provider: openai\n    model: 7\n");
    expect(noModel.map((e) => [e.field, e.line])).toEqual([["seats.socrates.model", 2], ["seats.feynman.model", 6]]);
    expect(noModel[1].message).toBe("seats.feynman.model must be text, not a number (7)");
    const badStrategy = errorsOf("strategy:\n  avoid_pair_collocation: sometimes\nseats: {a: {provider: p, model: m}}\n");
    expect(badStrategy[0]).toEqual({
      file: "plan.yaml", line: 2, field: "strategy.avoid_pair_collocation", message: 'strategy.avoid_pair_collocation must be true or false, not text ("sometimes")',
    });
    expect(errorsOf("seats: [socrates, feynman]\n")[0]).toMatchObject({ field: "seats", line: 1 });
    expect(errorsOf("seats:\n  a: {provider: p, model: m\n")[0]).toMatchObject({ field: "file", message: expect.stringMatching(/^Not valid YAML/) });
    expect(errorsOf("just text\n")[0].message).toMatch(/mapping/);
  });

  it("limits: file size and seats per plan", () => {
    expect(errorsOf(`# ${"x".repeat(COUNCIL_LIMITS.seatPlanChars)}\nseats: {}\n`)[0]).toMatchObject({ field: "file" });
    const many = Array.from({ length: COUNCIL_LIMITS.members + 1 }, (_, i) => `  m${i}: {provider: p, model: m}`).join("\n");
    expect(errorsOf(`seats:\n${many}\n`)[0].message).toMatch(/at most 40/);
  });

  it("writeSeatPlan refuses invalid data with an InteropError naming the field", () => {
    const plan = seatPlan();
    const bad = { data: { ...plan.data, seats: { socrates: { provider: "", model: "m" } } } };
    let thrown: unknown;
    try {
      writeSeatPlan(bad);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InteropError);
    expect((thrown as InteropError).field).toBe("seats.socrates.provider");
  });
});
