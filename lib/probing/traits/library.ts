import { BUILTIN_TRAITS, type TraitDefinition } from "@/lib/traits/catalog";
import { EXPRESSION_TRAITS } from "@/lib/probing/traits/data/expression";
import { INDEPENDENCE_TRAITS } from "@/lib/probing/traits/data/independence";
import { STANCE_TRAITS } from "@/lib/probing/traits/data/stance";
import { WARMTH_TRAITS } from "@/lib/probing/traits/data/warmth";
import { canonicalJson, fnv1a32 } from "@/lib/probing/traits/hash";
import { PROBE_TOPICS, type ProbeTrait, type TraitContent } from "@/lib/probing/traits/types";

// The probe trait library: the catalog's definition of each built-in trait
// (name, description, poles — not repeated here) joined with its probe items and
// judge rubric from ./data. Pure data, safe on client and server.

const CONTENT: readonly TraitContent[] = [...WARMTH_TRAITS, ...STANCE_TRAITS, ...INDEPENDENCE_TRAITS, ...EXPRESSION_TRAITS];
const contentByKey = new Map(CONTENT.map((c) => [c.key, c]));

/**
 * Items in rounds over the topics (work, health, money, …, then each topic's
 * second item, …), so the first k items of a trait spread over every topic:
 * the sampler asks the least-asked, lowest-index item first, and a run whose
 * budget is below the item count must not probe work and health only.
 */
function buildTrait(def: TraitDefinition, content: TraitContent): ProbeTrait {
  const rounds = Math.max(...PROBE_TOPICS.map((topic) => content.probes[topic].length));
  const probes = Array.from({ length: rounds }, (_, r) => PROBE_TOPICS.flatMap((topic) => {
    const text = content.probes[topic][r];
    return text === undefined ? [] : [{ id: `${def.key}/${fnv1a32(text)}`, traitKey: def.key, topic, text }];
  })).flat();
  return { ...def, probes, rubric: content.rubric };
}

/** All built-in traits in catalog order, each with its probe items and judge rubric. */
export const PROBE_TRAITS: readonly ProbeTrait[] = BUILTIN_TRAITS.map((def) => {
  const content = contentByKey.get(def.key);
  // A catalog trait without probes would silently drop out of every run.
  if (!content) throw new Error(`probe library: no probes or rubric for built-in trait "${def.key}"`);
  return buildTrait(def, content);
});

const byKey = new Map(PROBE_TRAITS.map((t) => [t.key, t]));

export function probeTrait(key: string): ProbeTrait | undefined {
  return byKey.get(key);
}

/**
 * A hash of everything that can change a score: definitions, poles, items and
 * rubrics (not the pair relations, which only choose what to watch). Baseline
 * and result caches key on it, so editing any item or anchor invalidates them.
 */
export function libraryVersion(traits: readonly ProbeTrait[]): string {
  return `traits-${fnv1a32(canonicalJson(traits))}`;
}

export const TRAIT_LIBRARY_VERSION: string = libraryVersion(PROBE_TRAITS);
