import "server-only";
import { createProbeRunBody } from "@/lib/schemas/probe";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";
import { SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { createPersona } from "@/lib/services/personas/create-persona";
import { createProbeRun } from "@/lib/services/probes/probe-runs";
import { createVersion } from "@/lib/services/versions/versions";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The first-run path (issue 16 §10): one click gives a new designer a persona worth
// exploring — a coherent character type with two targets from different clusters
// (warm and firm: the compromise DESIGN.md describes), a saved version, and a probe
// run of that version queued like any other. On the simulator (named as such in the
// run and its report) it finishes in seconds, so the report is there to read; nothing
// about it is canned: it is the real pipeline on a labelled stand-in model.

export const SAMPLE_NAME = "Refund desk (sample)";

export function sampleSpec(): PersonaSpec {
  return {
    ...emptySpec(SAMPLE_NAME),
    archetype: "a veteran customer-support agent on a subscription service's refund desk",
    background:
      "Eight years answering billing questions. Refunds are possible within 30 days of purchase; after that, a credit " +
      "towards the next renewal is the most that can be offered. Has seen every kind of angry customer and still likes people.",
    values: ["Tell people the truth about what is possible", "Make the next step clear", "Treat the policy as fair, not as a weapon"],
    voice: { register: "conversational", tone: "calm and kind, never syrupy", length: "brief" },
    boundaries: ["Never promises a refund outside the 30-day window", "Never blames the customer"],
    traitTargets: { empathetic: 75, firm: 75 },
    notes: "The studio's sample: open its probe report to see where 'empathetic but firm' lands, then edit it freely.",
  };
}

/** Creates the sample persona, saves version 1 and queues its probe run on the simulator. */
export async function createSamplePersona(ctx: WorkspaceContext): Promise<{ personaId: string; runId: string }> {
  const persona = await createPersona(ctx, { name: SAMPLE_NAME, spec: sampleSpec() });
  await createVersion(ctx, persona.id, { message: "The sample as it ships", revision: persona.revision });
  const run = await createProbeRun(ctx, persona.id, createProbeRunBody.parse({
    version: 1, targetProviderId: SIMULATOR_PROVIDER_ID, // the judge: the workspace's reference judge if set, as for any run
  }));
  return { personaId: persona.id, runId: run.id };
}
