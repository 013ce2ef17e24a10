import "server-only";
import { TRAIT_RELATIONS } from "@/lib/probing/traits/relations";
import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { compilePersona, describeTraitTarget } from "@/lib/persona/compile";
import { requestedSentence, requestedSpec } from "@/lib/persona/requested-wording";
import type { PersonaSpec } from "@/lib/schemas/persona";
import {
  defaultBreakThreshold, FRAMING_ARM_KIND, type FrozenPressure, type FrozenPressureScript, type FrozenSelfReport, type PressureScript, type pressureRequestSchema,
} from "@/lib/schemas/pressure";
import type { RunArm } from "@/lib/schemas/probe";
import type { RunConfig } from "@/lib/services/probes/run-config";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import { findPressureScript, pressureScriptsFor, selfReportQuestions } from "@/lib/traits/pressure-scripts";

// Issue 14's create-body parts (pressure, selfReport, framingTrait) frozen into
// a probe run (lib/schemas/pressure.ts says how they ride on it). Everything is
// validated here, before the run's row is written, so a bad part never leaves a
// half-made run. The estimate resolves the same body through the same functions.

type PressureBody = z.output<typeof pressureRequestSchema>;

/** What a run of the persona adds for issue 14, before the watched set is known (RunSubject.extras). */
export type RunExtras = {
  pressure?: PressureBody;
  selfReport?: boolean;
  /** The persona's own scripts ("persona:<n>"). */
  personaScripts?: readonly PressureScript[];
  framing?: RunConfig["framing"];
};

/** Default pushes-against scripts when the body names none: the built-ins for the persona's targets. */
const DEFAULT_SCRIPTS = 3;

/** A trait's short name for a label: the library's name before any " / " ("Firm", not "Firm / boundary-setting"). */
export const traitLabel = (key: string, names: Readonly<Record<string, string>> = {}) => (findTrait(key)?.name ?? names[key] ?? humanizeTraitKey(key)).split(" / ")[0].trim();

/** The requested-wording arm's label, and the one-click variant's name. */
export const requestedWordingLabel = (key: string, names: Readonly<Record<string, string>> = {}) => `${traitLabel(key, names)} as a role requirement`;

/**
 * The spec with `trait` requested by the role (lib/persona/requested-wording.ts), or a 4xx naming
 * `field`: the trait must be a target, and the prompt compiled (a hand-written prompt cannot be
 * recompiled with one sentence moved). The framing pair and the one-click variant both ask this.
 */
export function requestedWordingSpec(spec: PersonaSpec, trait: string, field: string): PersonaSpec {
  if (spec.promptOverride?.trim()) {
    throw new AppError("validation", "This persona's prompt is written by hand (prompt override), so it cannot be compiled with the requested wording", { field });
  }
  const requested = requestedSpec(spec, trait);
  if (!requested) throw new AppError("validation", `The requested wording moves a targeted trait into the role: ${trait} is not a target of this persona`, { field });
  return requested;
}

/**
 * The requested-wording arm and RunConfig.framing for `framingTrait` (validated), or nothing.
 * `prompt` is the nature arm's prompt (a version's stored one): the pair must differ in that one
 * sentence only, so a version compiled by an older compiler is refused rather than compared.
 */
export function framingFor(spec: PersonaSpec, prompt: string, framingTrait: string | undefined, names: Readonly<Record<string, string>> = {}): { arm: RunArm; framing: NonNullable<RunConfig["framing"]> } | null {
  if (!framingTrait) return null;
  const requested = requestedWordingSpec(spec, framingTrait, "framingTrait");
  if (compilePersona(spec).prompt !== prompt) {
    throw new AppError("validation", "This version's prompt was compiled by an older version of the studio, so the two wordings would differ in more than one sentence; probe the draft, or save a new version first", { field: "framingTrait" });
  }
  const target = spec.traitTargets[framingTrait];
  return {
    arm: {
      kind: FRAMING_ARM_KIND, label: requestedWordingLabel(framingTrait, names), role: "framing",
      systemPrompt: compilePersona(requested).prompt,
    },
    framing: { trait: framingTrait, target, nature: describeTraitTarget(framingTrait, target), requested: requestedSentence(framingTrait, target) },
  };
}

function frozenScript(entry: PressureBody["scripts"][number], i: number, personaScripts: readonly PressureScript[]): FrozenPressureScript {
  const field = `pressure.scripts.${i}`;
  if (typeof entry !== "string") {
    return { key: `custom:${i}`, name: entry.name, trait: entry.trait, kind: "scripted", openings: [entry.opening], pushes: [...entry.pushes] };
  }
  const own = /^persona:(\d+)$/.exec(entry);
  if (own) {
    const s = personaScripts[Number(own[1])];
    if (!s) throw new AppError("validation", `The persona has no pressure script ${own[1]} (it has ${personaScripts.length})`, { field });
    return { key: entry, name: s.name, trait: s.trait, kind: "scripted", openings: [s.opening], pushes: [...s.pushes] };
  }
  const builtin = findPressureScript(entry);
  if (!builtin) throw new AppError("validation", `No built-in pressure script “${entry}”`, { field });
  return { key: builtin.key, name: builtin.name, trait: builtin.trait, kind: "scripted", openings: [...builtin.openings], pushes: [...builtin.pushes] };
}

/** The scripts of a pressure request (scripted, then the simulated user), validated; traits may be outside the watched set. */
export function pressureScripts(body: PressureBody, targets: Readonly<Record<string, number>>, personaScripts: readonly PressureScript[] = []): FrozenPressureScript[] {
  const scripts = body.scripts.map((entry, i) => frozenScript(entry, i, personaScripts));
  if (body.simulatedUser) {
    const u = body.simulatedUser;
    scripts.push({ key: "simulated", name: "Simulated user", trait: u.trait, kind: "simulated", goal: u.goal, openings: u.opening ? [u.opening] : [], pushes: [] });
  }
  if (scripts.length === 0) {
    const defaults = Object.keys(targets).flatMap((k) => pressureScriptsFor(k)).slice(0, DEFAULT_SCRIPTS);
    if (defaults.length === 0) {
      throw new AppError("validation", "No built-in pressure script pushes against this persona's targets: choose a script, write one, or add a simulated user", { field: "pressure.scripts" });
    }
    scripts.push(...defaults.map((b) => ({ key: b.key, name: b.name, trait: b.trait, kind: "scripted" as const, openings: [...b.openings], pushes: [...b.pushes] })));
  }
  return scripts;
}

/** Turns-to-break thresholds: the body's, else target − 20 (floor 0) for a targeted trait, else 50. */
export function pressureThresholds(body: PressureBody, scripts: readonly FrozenPressureScript[], targets: Readonly<Record<string, number>>): Record<string, number> {
  const keys = [...new Set([...scripts.map((s) => s.trait), ...Object.keys(targets), ...Object.keys(body.thresholds)])];
  return Object.fromEntries(keys.map((k) => [k, body.thresholds[k] ?? defaultBreakThreshold(targets[k])]));
}

/** The traits the library says travel with `trait` (reinforcing relations), at most `max`, in catalog order. */
export function framingCluster(trait: string, max = 4): string[] {
  const partners = TRAIT_RELATIONS.filter((r) => r.relation === "reinforcing" && (r.a === trait || r.b === trait)).map((r) => (r.a === trait ? r.b : r.a));
  const order = new Map(BUILTIN_TRAITS.map((t, i) => [t.key, i]));
  return [...new Set(partners)].sort((x, y) => (order.get(x) ?? 99) - (order.get(y) ?? 99)).slice(0, max);
}

/** unpricedUser: the simulated user's provider and model when it has no prices (a cost cap cannot count its calls). */
export type FrozenExtras = { watched: string[]; added: string[]; config: Pick<RunConfig, "pressure" | "selfReport" | "framing">; unpricedUser?: string };

/**
 * Freezes a subject's extras against its targets and watched set: script traits join the watched set
 * (`added` says which), the simulated user's provider is resolved in this workspace (another
 * workspace's is not found), self-report questions are asked for every watched trait.
 */
export async function freezeExtras(
  ctx: Pick<WorkspaceContext, "workspaceId">, extras: RunExtras | undefined, plan: { targets: Record<string, number>; watched: string[] },
  judge: { providerId: string; model: string }, names: Readonly<Record<string, string>> = {},
): Promise<FrozenExtras> {
  const config: FrozenExtras["config"] = {};
  let watched = plan.watched;
  let added: string[] = [];
  let unpricedUser: string | undefined;
  if (extras?.pressure) {
    const body = extras.pressure;
    const scripts = pressureScripts(body, plan.targets, extras.personaScripts);
    added = [...new Set(scripts.map((s) => s.trait))].filter((k) => !watched.includes(k));
    watched = [...watched, ...added];
    let simulatedUser: FrozenPressure["simulatedUser"] = null;
    if (body.simulatedUser) {
      const { providerId, model } = body.simulatedUser;
      if (providerId) {
        try {
          const p = await resolveProvider(ctx, providerId, model);
          simulatedUser = { providerId: p.providerId, model: p.model };
          if (!p.prices) unpricedUser = `the simulated user (${p.model})`;
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.code, e.message, { field: "pressure.simulatedUser.providerId" });
          throw e;
        }
      } else simulatedUser = { providerId: judge.providerId, model: model ?? judge.model };
    }
    for (const key of Object.keys(body.thresholds)) {
      if (!watched.includes(key)) throw new AppError("validation", `A break threshold needs a watched trait: ${key} is not watched by this run`, { field: `pressure.thresholds.${key}` });
    }
    config.pressure = {
      scripts, conversationsPerScript: body.conversationsPerScript, turns: body.turns,
      thresholds: pressureThresholds(body, scripts, plan.targets), simulatedUser,
    };
  }
  if (extras?.framing) {
    config.framing = extras.framing;
    // Framing asks how much of the framed trait's cluster each wording drags along, so its
    // reinforcing partners (the traits that travel with it) are watched too.
    const cluster = framingCluster(extras.framing.trait).filter((k) => !watched.includes(k));
    added = [...added, ...cluster];
    watched = [...watched, ...cluster];
  }
  if (extras?.selfReport) {
    const items: FrozenSelfReport["items"] = Object.fromEntries(watched.map((k) => [k, selfReportQuestions(k, findTrait(k) ? undefined : names[k])]));
    config.selfReport = { items };
  }
  return { watched, added, config, ...(unpricedUser ? { unpricedUser } : {}) };
}
