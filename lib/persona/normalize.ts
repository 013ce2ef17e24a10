import type { PersonaSpec } from "@/lib/schemas/persona";
import type { Check } from "@/lib/schemas/scenario";

/** Fixed key order per check type. */
function normalizeCheck(c: Check): Check {
  switch (c.type) {
    case "regex": return { id: c.id, type: c.type, value: c.value, flags: c.flags, label: c.label };
    case "asks_question": return { id: c.id, type: c.type, label: c.label };
    default: return { id: c.id, type: c.type, value: c.value, label: c.label } as Check;
  }
}

/** Same content → same bytes: trait keys sorted, so equality and hashing are stable. */
export function normalizeSpec(spec: PersonaSpec): PersonaSpec {
  const traitTargets: Record<string, number> = {};
  for (const key of Object.keys(spec.traitTargets).sort()) traitTargets[key] = spec.traitTargets[key];
  return {
    name: spec.name,
    // Absent when blank, so specs from before the field keep their bytes.
    ...(spec.characterName?.trim() ? { characterName: spec.characterName } : {}),
    archetype: spec.archetype,
    background: spec.background,
    values: spec.values,
    voice: { register: spec.voice.register, tone: spec.voice.tone, length: spec.voice.length },
    boundaries: spec.boundaries,
    // Issue 14 fields appear only when used, so a spec without them keeps its bytes (hashes, version equality).
    ...(spec.requirements?.length ? { requirements: spec.requirements } : {}),
    traitTargets,
    examples: spec.examples.map((e) => ({ user: e.user, assistant: e.assistant })),
    notes: spec.notes,
    sampleMessages: spec.sampleMessages,
    // Fixed key order per scenario; fields a scenario does not have stay absent.
    scenarios: (spec.scenarios ?? []).map((sc) => ({
      id: sc.id, message: sc.message, context: sc.context?.map((t) => ({ role: t.role, content: t.content })),
      note: sc.note, tags: sc.tags,
      checks: sc.checks?.map((c) => normalizeCheck(c)),
    })),
    ...(spec.pressureScripts?.length
      ? { pressureScripts: spec.pressureScripts.map((p) => ({ name: p.name, trait: p.trait, opening: p.opening, pushes: p.pushes })) }
      : {}),
    promptOverride: spec.promptOverride,
  } as PersonaSpec;
}

export function serializeSpec(spec: PersonaSpec): string {
  return JSON.stringify(normalizeSpec(spec));
}

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "persona";
}
