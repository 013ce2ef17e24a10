// Randomness for lib/probing is always injected, never Math.random: a bootstrap
// interval or a sampling plan must be reproducible from its inputs, so a stored
// probe report can be recomputed bit for bit and tests never flake.

import { fnv1a32, mulberry32 } from "@/lib/math/random";

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

export { mulberry32 };

/** A seed from text (FNV-1a), so a run can derive its generator from its id. */
export const seedFrom = (text: string): number => fnv1a32(text);

/** The generator used when a caller does not pass one: fixed, so results stay deterministic. */
export const defaultRng = (): Rng => mulberry32(0x5eed);

/** A fresh generator seeded from its name: the same name always gives the same stream. */
export const rngFor = (...parts: (string | number)[]): Rng => mulberry32(seedFrom(parts.join("\u241f")));

/** Which summary of a trait a generator is for (see landingTable). */
export type SummaryPart = "landing" | "baseline" | "shift";

/**
 * One stream per trait and summary, so a trait's interval is a function of its
 * scores alone. The adaptive planner uses this by default; a report built with
 * the same factory shows exactly the half-width the planner stopped on.
 */
export const perTraitRng = (salt = "") => (key: string, part: SummaryPart): Rng => rngFor(salt, part, key);
