import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { instructedRange, RANGE_LEVELS } from "@/lib/persona/target-scale";
import { probeTrait, type FrozenCustomTrait } from "@/lib/probing/traits";
import type { ProbeRun, RunArm, startRangeCheckBody } from "@/lib/schemas/probe";
import { createProbeRunBody } from "@/lib/schemas/probe";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { queueRuns } from "@/lib/services/probes/probe-runs";
import type { RunConfig } from "@/lib/services/probes/run-config";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

// Range check (issue 11 §5): one trait asked at 0, 25, 50, 75 and 100 on the
// model, judge and persona of an existing run. Each level is an arm whose
// prompt is the persona compiled with that trait's target set to the level
// (so each arm carries exactly the instruction that target compiles to:
// "Always <low pole>" … "Always <high pole>"), answering that trait's probe
// items only, beside the baseline (and the persona itself). Its report draws
// the dose–response curve and the achievable range; landing runs of the same
// persona version, model and judge then judge a miss against it
// (lib/services/probes/achievable-range.ts).
//
// No scenarios (issue 12 §2): the range is the trait's dose–response on its
// library items, the items the general landing it bounds is measured on; the
// persona's scenarios are another item set (their landing is reported apart),
// and asking them at five levels would cost 5 × 2 calls per scenario for a
// curve no landing is judged against.

/** The level arms of a range check for `trait` of `spec`. */
export function rangeArms(spec: Parameters<typeof compilePersona>[0], trait: string, name: string): RunArm[] {
  return RANGE_LEVELS.map((level) => ({
    kind: `level:${level}`,
    label: `${name} at ${level}: ${instructedRange(level).label}`,
    role: "level" as const,
    systemPrompt: compilePersona({ ...spec, traitTargets: { ...spec.traitTargets, [trait]: level } }).prompt,
    traits: [trait],
    level,
  }));
}

export async function startRangeCheck(ctx: WorkspaceContext, runId: string, body: z.output<typeof startRangeCheckBody>): Promise<ProbeRun> {
  const run = await db.probeRun.findFirst({ where: { id: runId, workspaceId: ctx.workspaceId } });
  if (!run) throw notFound("Probe run");
  const { trait } = body;
  const custom = (JSON.parse(run.customTraits) as FrozenCustomTrait[]).find((t) => t.key === trait);
  if (!probeTrait(trait) && !custom) {
    throw new AppError("validation", `No probe items for ${trait}: neither a built-in trait nor one this run measured`, { field: "trait" });
  }
  const persona = await findPersonaRow(ctx, run.personaId);
  let spec;
  if (run.versionNumber === null) {
    spec = parseStoredSpec(persona.spec);
    if (compilePersona(spec).prompt !== run.systemPrompt) {
      throw new AppError("conflict", "The draft has changed since this run: probe the draft again (or a saved version), then check the range from that run");
    }
  } else {
    const v = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: run.versionNumber } } });
    if (!v) throw new AppError("validation", `Version ${run.versionNumber} does not exist`, { field: "version" });
    spec = parseStoredSpec(v.spec);
  }
  if (spec.promptOverride?.trim()) {
    throw new AppError("validation", "This persona's prompt is written by hand (prompt override): there is no compiled instruction to vary", { field: "trait" });
  }
  const name = custom?.name ?? findTrait(trait)?.name ?? humanizeTraitKey(trait);
  const config = JSON.parse(run.config) as RunConfig;
  const input = createProbeRunBody.parse({
    version: run.versionNumber ?? "draft",
    targetProviderId: run.targetProviderId, targetModel: run.targetModel,
    judgeProviderId: run.judgeProviderId, judgeModel: run.judgeModel,
    traits: [trait],
    temperature: config.temperature, seed: config.seed, targetHalfWidth: config.targetHalfWidth,
    budgetPerTrait: config.budgetPerTrait, concurrency: config.concurrency,
    retestShare: 0, tensionControls: false,
  });
  const target = spec.traitTargets[trait];
  const [created] = await queueRuns(ctx, persona.id, [{
    name: run.personaName, prompt: run.systemPrompt,
    traitTargets: target === undefined ? {} : { [trait]: target },
    versionNumber: run.versionNumber,
    arms: rangeArms(spec, trait, name),
    mode: "range",
    judges: { panel: [], retestShare: 0 },
  }], input);
  return created;
}
