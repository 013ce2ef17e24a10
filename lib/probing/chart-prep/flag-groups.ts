// The flags panel's layout (components/probes/flags-panel.tsx): the designer's
// problems first (tension, compromise, miss, overshoot, beyond reach — what
// was asked for), then leakage in two groups: "Moved without being asked for"
// and "Came with the character type" (a reinforcing relation with a targeted
// trait implies the shift: flags/expected.ts). The leakage groups start
// collapsed when a targeted-trait problem sits above them.

type GroupableFlag = { id: string; kind: string; expected?: unknown };

export type FlagGroups<F extends GroupableFlag> = {
  /** Findings about what the designer asked for, in the report's order. */
  asked: F[];
  /** Leaks the character type does not explain. */
  moved: F[];
  /** Leaks the character type implies. */
  came: F[];
  /** Start the leakage groups collapsed: something targeted needs attention first. */
  collapseLeaks: boolean;
};

export function groupFlags<F extends GroupableFlag>(flags: readonly F[]): FlagGroups<F> {
  const asked = flags.filter((f) => f.kind !== "leakage");
  return {
    asked,
    moved: flags.filter((f) => f.kind === "leakage" && !f.expected),
    came: flags.filter((f) => f.kind === "leakage" && Boolean(f.expected)),
    collapseLeaks: asked.length > 0,
  };
}

export const LEAK_GROUP_TITLES = {
  moved: "Moved without being asked for",
  came: "Came with the character type",
} as const;
