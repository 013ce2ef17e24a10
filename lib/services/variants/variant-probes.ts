import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { rankVariants } from "@/lib/probing/compare";
import { scoredPersonaAnswers } from "@/lib/services/probes/landing-for-diff";
import type { ProbeRun } from "@/lib/schemas/probe";
import type { probeVariantsBody, VariantBatch } from "@/lib/schemas/variant";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { providerLabels, queueRuns, type RunSubject } from "@/lib/services/probes/probe-runs";
import { runDetail } from "@/lib/services/probes/stored-report";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Probe variants in one action: one run per variant (and the draft, if asked),
// all with the same model, judge, items, settings and seed, all judged against
// the same targets. The standings pair the runs by item (rankVariants), so a
// winner is named only when it is clearly closer; otherwise "no clear winner".
//
// Scenarios (issue 12 §2) are items too: every run of the batch asks the same
// ones — those of the spec the targets come from (the draft, or the version in
// `targetsFrom`), never a variant's own copy. A variant is another way to
// prompt the persona, not another test set; asking each its own scenarios
// would make the runs' scenario landings incomparable.

export async function probeVariants(ctx: WorkspaceContext, personaId: string, input: z.output<typeof probeVariantsBody>): Promise<{ batchId: string; runs: ProbeRun[] }> {
  const persona = await findPersonaRow(ctx, personaId);
  if (persona.status === "archived") throw new AppError("conflict", "This persona is archived; unarchive it to probe its variants");
  const ids = [...new Set(input.variantIds)];
  const variants = await db.personaVariant.findMany({ where: { id: { in: ids }, personaId: persona.id } });
  if (variants.length !== ids.length) throw new AppError("validation", "Some variants do not belong to this persona", { field: "variantIds" });
  let targetSpec = parseStoredSpec(persona.spec);
  if (input.targetsFrom !== "draft") {
    const v = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: input.targetsFrom } } });
    if (!v) throw new AppError("validation", `Version ${input.targetsFrom} does not exist`, { field: "targetsFrom" });
    targetSpec = parseStoredSpec(v.spec);
  }
  if (Object.keys(targetSpec.traitTargets).length === 0) {
    throw new AppError("validation", "Variants are compared by how close they land to the persona's trait targets: set targets in the draft first", { field: "targetsFrom" });
  }
  const batchId = randomUUID();
  const scenarios = input.scenarios === false ? [] : targetSpec.scenarios ?? [];
  const draft = parseStoredSpec(persona.spec);
  const subjects: RunSubject[] = [
    ...(input.includeDraft ? [{ name: draft.name, prompt: compilePersona(draft).prompt, traitTargets: targetSpec.traitTargets, versionNumber: null, batchId, scenarios }] : []),
    ...ids.map((id) => {
      const v = variants.find((x) => x.id === id)!;
      const spec = parseStoredSpec(v.spec);
      return { name: spec.name, prompt: compilePersona(spec).prompt, traitTargets: targetSpec.traitTargets, versionNumber: null, variant: { id: v.id, name: v.name }, batchId, scenarios };
    }),
  ];
  const runs = await queueRuns(ctx, persona.id, subjects, { ...input, version: "draft" });
  return { batchId, runs };
}

export async function getVariantBatch(ctx: WorkspaceContext, personaId: string, batchId: string): Promise<VariantBatch> {
  const persona = await findPersonaRow(ctx, personaId);
  const runs = await db.probeRun.findMany({ where: { batchId, personaId: persona.id, workspaceId: ctx.workspaceId }, orderBy: { createdAt: "asc" } });
  if (runs.length === 0) throw notFound("Variant comparison");
  const labels = await providerLabels(ctx.workspaceId);
  const loaded = await Promise.all(runs.map(async (run) => {
    const answers = await db.probeAnswer.findMany({ where: { runId: run.id }, orderBy: { createdAt: "asc" } });
    return { detail: await runDetail(run, labels), answers: scoredPersonaAnswers(answers) };
  }));
  const details = loaded.map((l) => l.detail);
  const targets = details[0].targets;
  const ranked = rankVariants(loaded.map(({ detail: d, answers }) => ({
    runId: d.id, name: d.variant?.name ?? "Current draft", variantId: d.variant?.id ?? null, status: d.status, report: d.report, answers,
  })), targets);
  return {
    batchId, targets, final: ranked.final, winner: ranked.winner, verdict: ranked.verdict, comparisons: ranked.comparisons, standings: ranked.standings,
    runs: details.map(({ systemPrompt: _prompt, ...rest }) => rest),
  };
}
