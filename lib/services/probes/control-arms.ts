import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { aloneArms, controlKind, controlPairs, type ControlPair } from "@/lib/probing/control-pairs";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { RunArm } from "@/lib/schemas/probe";

// Single-trait control arms for a new probe (issue 11 §3). For every pair of
// targets the library calls tension (both targeted high; on unless the request
// turns `tensionControls` off) and every pair the request names in `controls`,
// the run also answers, on the same items as the persona:
//   "A alone" — the persona compiled with A's target kept and its partners'
//   targets dropped (everything else — character type, voice, other targets —
//   unchanged), on A's probe items;  "B alone" likewise.
// The report compares each trait together vs alone, paired by item, and says
// "compromise" only when both land lower together (lib/probing/control-pairs.ts).

export type ControlRequest = { tensionControls?: boolean; controls?: readonly (readonly [string, string])[] };

const nameOf = (key: string, names: Readonly<Record<string, string>>) => names[key] ?? findTrait(key)?.name ?? humanizeTraitKey(key);

/** The control arms of a run: validated (both traits of a chosen pair are targets), one arm per controlled trait. */
export function controlArmsFor(
  spec: PersonaSpec, targets: Readonly<Record<string, number>>, req: ControlRequest, names: Readonly<Record<string, string>> = {},
): RunArm[] {
  const chosen: ControlPair[] = [];
  for (const [i, pair] of (req.controls ?? []).entries()) {
    const [a, b] = pair;
    if (a === b) throw new AppError("validation", `A control pair needs two different traits (controls.${i})`, { field: "controls" });
    const missing = [a, b].filter((k) => targets[k] === undefined);
    if (missing.length) {
      throw new AppError("validation", `Control arms need both traits targeted by the persona: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not a target (controls.${i})`, { field: "controls" });
    }
    chosen.push([a, b]);
  }
  const pairs = controlPairs(targets, { tension: req.tensionControls ?? true, chosen });
  if (pairs.length === 0) return [];
  if (spec.promptOverride?.trim()) {
    // A hand-written prompt cannot be recompiled without one target: no honest "A alone" exists.
    if (chosen.length) throw new AppError("validation", "This persona's prompt is written by hand (prompt override), so it cannot be compiled with one target alone", { field: "controls" });
    return [];
  }
  return aloneArms(pairs).map(({ trait, without }) => {
    const traitTargets = Object.fromEntries(Object.entries(spec.traitTargets).filter(([k]) => !without.includes(k)));
    return {
      kind: controlKind(trait),
      label: `${nameOf(trait, names)} alone`,
      role: "control" as const,
      systemPrompt: compilePersona({ ...spec, traitTargets }).prompt,
      traits: [trait],
      without,
    };
  });
}
