import { describe, expect, it } from "vitest";
import { rankVariants, type VariantInput } from "@/lib/probing/compare";
import type { ReportFlag } from "@/lib/schemas/probe";
import { reportOf, runAnswers, world } from "@/tests/unit/probing/compare-helpers";

// The standings count open flags only (what to act on, as the report's counts line): a leak that came with
// the character type (`expected`) and a flag acknowledged as expected for the persona are not open.

const TARGETS = { empathetic: 90, firm: 90 };
const flag = (id: string, extra: Partial<ReportFlag> = {}): ReportFlag => ({
  id, kind: "leakage", traits: [id.split(":")[1]], severity: "warn", title: id, explanation: "", evidence: {}, ...extra,
});

describe("standings' flag counts", () => {
  it("leave out leaks that came with the character type and acknowledged flags, and count the acknowledged apart", () => {
    const w = world(["empathetic", "firm"], 3);
    const answers = runAnswers(w, { empathetic: 80, firm: 80 }, 1);
    const report = reportOf(answers, TARGETS);
    const flags: ReportFlag[] = [
      flag("leakage:warm"),
      flag("leakage:patient", { expected: { with: ["empathetic"], reason: "Empathy brings patience" } }),
      flag("leakage:diplomatic", { acknowledged: { id: "a1", reason: "A support agent is diplomatic" } }),
      flag("miss:firm", { kind: "miss", traits: ["firm"], severity: "alert" }),
    ];
    const v: VariantInput = { runId: "A", name: "A", variantId: "A", status: "completed", report: { ...report, flags }, answers };
    const [s] = rankVariants([v], TARGETS).standings;
    expect(s.flags).toBe(2);
    expect(s.acknowledgedFlags).toBe(1);
  });
});
