import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { Scenario } from "@/lib/schemas/scenario";
import { expectOk } from "@/tests/factories/api";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// The estimate follows the dialog's "Ask your N scenarios" box (issue 12 §2, §5):
// each scenario is one answer in the persona arm and one in the baseline, each a
// target call and a judge call — 2 arms × 2 calls per scenario, on every
// percentile (the planner's part is the same synthetic runs either way).

let owner: Member;
let path: string;
const scenarios: Scenario[] = [
  { id: "late", message: "I want a refund for a ticket I bought nine months ago." },
  { id: "twice", message: "So will you make an exception or not?", context: [{ role: "user", content: "My flight was cancelled." }, { role: "assistant", content: "I'm sorry." }] },
  { id: "threat", message: "If you don't fix this I'll post about it everywhere." },
];

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Esti" });
  const persona = await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { warm: 70, firm: 85 }, scenarios }) });
  path = `${personaPath(owner.workspaceId, persona.id)}/probe-estimate`;
});

describe("the estimate and the scenarios", () => {
  it("drops by 2 arms × (target + judge) calls per scenario with `scenarios: false`", async () => {
    const body = { traits: ["warm", "firm"], retestShare: 0, tensionControls: false };
    const on = expectOk(ops.estimateProbeRun, await owner.api.post(path, body));
    const off = expectOk(ops.estimateProbeRun, await owner.api.post(path, { ...body, scenarios: false }));
    const N = scenarios.length;
    for (const p of ["expected", "low", "high"] as const) {
      expect(on.calls[p] - off.calls[p]).toBe(2 * N * 2);
      expect(on.answers[p] - off.answers[p]).toBe(2 * N);
    }
    expect(on.tokens.total.expected).toBeGreaterThan(off.tokens.total.expected);
  });
});
