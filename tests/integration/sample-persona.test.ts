import { describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, signUpWithWorkspace, wsPath } from "@/tests/factories/personas";

// Issue 16 §10: the first-run sample — a persona, its version 1 and a probe run of that
// version on the simulator, which the worker completes into a report like any run.

describe("the first-run sample persona", () => {
  it("creates a versioned persona whose probe run on the simulator completes into a report", async () => {
    const owner = await signUpWithWorkspace({ name: "Nova" });
    const made = expectOk(ops.createSamplePersona, await owner.api.post(`${wsPath(owner.workspaceId)}/sample-persona`));
    const persona = expectOk(ops.getPersona, await owner.api.get(`${wsPath(owner.workspaceId)}/personas/${made.personaId}`));
    expect(persona.name).toBe("Refund desk (sample)");
    expect(persona.latestVersion).toBe(1);
    expect(Object.keys(persona.spec.traitTargets).sort()).toEqual(["empathetic", "firm"]);

    const row = await db.probeRun.findUniqueOrThrow({ where: { id: made.runId } });
    expect(row).toMatchObject({ personaId: made.personaId, versionNumber: 1, targetProviderId: "simulator", status: "queued" });

    const sim = new SimulatorProvider();
    expect(await claimRun(made.runId, "sample-worker")).toBe(true);
    expect(await processRun(made.runId, {
      workerId: "sample-worker", sleep: async () => {}, rng: mulberry32(16),
      resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
    })).toBe("completed");
    const run = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${made.runId}`));
    expect(run.status).toBe("completed");
    expect(run.report).not.toBeNull();
  }, 90_000); // a whole run at the default budget: seconds on a quiet machine, more under a loaded CI

  it("is for editors: a viewer gets 403 and nothing is written; a body is refused by name", async () => {
    const owner = await signUpWithWorkspace({ name: "Orla" });
    const viewer = await addTeammate(owner, "viewer");
    const before = await db.persona.count({ where: { workspaceId: owner.workspaceId } });
    expectError(await viewer.api.post(`${wsPath(owner.workspaceId)}/sample-persona`), 403);
    const bad = expectError(await owner.api.post(`${wsPath(owner.workspaceId)}/sample-persona`, { name: "x" }), 422);
    expect(bad.field).toBe("name");
    expect(await db.persona.count({ where: { workspaceId: owner.workspaceId } })).toBe(before);
  });
});
