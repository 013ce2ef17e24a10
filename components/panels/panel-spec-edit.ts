import type { SeatCandidate, SpreadSeatsResult } from "@/lib/query/panel-hooks";
import type { PanelMember, PanelSpec, PolarityPair, Seat, SeatPlan } from "@/lib/schemas/panel";
import { DELETED_PROVIDER_LABEL, SIMULATOR_LABEL, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";

// Pure edits of a panel spec for the panel editor (issue 13 §1–2). Every edit
// returns a new spec and keeps the references consistent: removing a member also
// drops its pairs, its place in groups and its seats, so an edit never produces a
// spec the server would refuse for naming a non-member.

export type { SeatCandidate, SpreadSeatsResult };
export type PlanName = "single" | "routed";

const KEY_MAX = 40;

/** A member key from a name ("Sun Tzu" → "sun-tzu"), made unique against `taken` with -2, -3… */
export function memberKeyFor(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^[^a-z0-9]+/, "")
      .replace(/[-_.]+$/, "")
      .slice(0, KEY_MAX) || "member";
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const key = `${base.slice(0, KEY_MAX - suffix.length)}${suffix}`;
    if (!used.has(key)) return key;
  }
}

export function addMember(spec: PanelSpec, m: { personaId: string; name: string; version?: PanelMember["version"]; label?: string }): PanelSpec {
  const key = memberKeyFor(m.label?.trim() || m.name, spec.members.map((x) => x.key));
  const member: PanelMember = { key, personaId: m.personaId, version: m.version ?? "latest", ...(m.label?.trim() ? { label: m.label.trim() } : {}) };
  return { ...spec, members: [...spec.members, member] };
}

export function updateMember(spec: PanelSpec, key: string, patch: { version?: PanelMember["version"]; label?: string }): PanelSpec {
  return {
    ...spec,
    members: spec.members.map((m) => {
      if (m.key !== key) return m;
      const next: PanelMember = { ...m, ...(patch.version !== undefined ? { version: patch.version } : {}) };
      if (patch.label !== undefined) {
        if (patch.label.trim()) next.label = patch.label;
        else delete next.label;
      }
      return next;
    }),
  };
}

function withoutKey<T>(record: Record<string, T> | undefined, key: string): Record<string, T> | undefined {
  if (!record || !(key in record)) return record;
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

function planWithout(plan: SeatPlan | undefined, key: string): SeatPlan | undefined {
  if (!plan) return plan;
  const explanations = withoutKey(plan.explanations, key);
  return { ...plan, seats: withoutKey(plan.seats, key) ?? {}, ...(explanations ? { explanations } : {}) };
}

export function removeMember(spec: PanelSpec, key: string): PanelSpec {
  return {
    ...spec,
    members: spec.members.filter((m) => m.key !== key),
    polarityPairs: spec.polarityPairs.filter((p) => p.a !== key && p.b !== key),
    groups: spec.groups
      .map((g) => ({ ...g, members: g.members.filter((k) => k !== key) }))
      .filter((g) => g.members.length >= 2),
    plans: { single: planWithout(spec.plans.single, key), routed: planWithout(spec.plans.routed, key) },
  };
}

// ── Seats ────────────────────────────────────────────────────────────────

export const seatId = (seat: Seat) => `${seat.providerId}::${seat.model}`;

export function parseSeatId(id: string): Seat | null {
  const at = id.indexOf("::");
  if (at <= 0 || at === id.length - 2) return null;
  return { providerId: id.slice(0, at), model: id.slice(at + 2) };
}

export const sameSeat = (a: Seat | null | undefined, b: Seat | null | undefined) =>
  !!a && !!b && a.providerId === b.providerId && a.model === b.model;

/** The seat a member answers on under the active plan (null: the workspace default). */
export const activeSeat = (spec: PanelSpec, key: string): Seat | null => spec.plans[spec.activePlan]?.seats[key] ?? null;

/**
 * "OpenRouter · gpt-4o-mini" from the candidates when known; else the provider's name from a candidate on the same
 * provider, and never its id: a provider no candidate names was deleted (issue 16 §8).
 */
export function seatLabel(seat: Seat | null | undefined, candidates: readonly SeatCandidate[] = []): string {
  if (!seat) return "Workspace default";
  const known = candidates.find((c) => sameSeat(c, seat));
  if (known) return known.label;
  const sibling = candidates.find((c) => c.providerId === seat.providerId && c.label.includes(" · "));
  const provider = sibling ? sibling.label.slice(0, sibling.label.lastIndexOf(" · "))
    : seat.providerId === SIMULATOR_PROVIDER_ID ? SIMULATOR_LABEL : DELETED_PROVIDER_LABEL;
  return `${provider} · ${seat.model}`;
}

/** Seat a member by hand under the active plan (null: back to the workspace default). */
export function setSeat(spec: PanelSpec, key: string, seat: Seat | null): PanelSpec {
  const name = spec.activePlan;
  const plan = spec.plans[name] ?? { seats: {} };
  const seats = seat ? { ...plan.seats, [key]: seat } : (withoutKey(plan.seats, key) ?? {});
  // A hand-picked seat is no longer the planner's: its explanation would mislead.
  const explanations = withoutKey(plan.explanations, key);
  return { ...spec, plans: { ...spec.plans, [name]: { ...plan, seats, ...(explanations ? { explanations } : {}) } } };
}

/** Keep both proposed plans side by side and seat the members from `use`. */
export function applySpread(spec: PanelSpec, result: Pick<SpreadSeatsResult, "single" | "routed">, use: PlanName): PanelSpec {
  return { ...spec, plans: { single: result.single, routed: result.routed }, activePlan: use };
}

export const setActivePlan = (spec: PanelSpec, use: PlanName): PanelSpec => ({ ...spec, activePlan: use });

/** Polarity pairs seated on the same provider and model under a plan (what routing avoids). */
export function collocatedPairs(plan: SeatPlan | undefined, pairs: readonly PolarityPair[]): PolarityPair[] {
  if (!plan) return [];
  return pairs.filter((p) => sameSeat(plan.seats[p.a], plan.seats[p.b]));
}

export type PlanRow = { key: string; name: string; single: string; routed: string; explanation: string | null; moved: boolean };

/** The single and routed plans as rows, member by member, for the side-by-side table. */
export function planRows(
  members: readonly { key: string; name: string }[],
  plans: { single?: SeatPlan; routed?: SeatPlan },
  candidates: readonly SeatCandidate[] = [],
): PlanRow[] {
  return members.map((m) => {
    const s = plans.single?.seats[m.key];
    const r = plans.routed?.seats[m.key];
    return {
      key: m.key,
      name: m.name,
      single: seatLabel(s, candidates),
      routed: seatLabel(r, candidates),
      explanation: plans.routed?.explanations?.[m.key] ?? null,
      moved: !!plans.single && !!plans.routed && !sameSeat(s, r) && !!(s || r),
    };
  });
}

// ── Polarity pairs ───────────────────────────────────────────────────────

/** A new pair from the first two members not already paired with each other. */
export function addPair(spec: PanelSpec): PanelSpec {
  const keys = spec.members.map((m) => m.key);
  const paired = new Set(spec.polarityPairs.map((p) => [p.a, p.b].sort().join("|")));
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      if (!paired.has([keys[i], keys[j]].sort().join("|"))) {
        return { ...spec, polarityPairs: [...spec.polarityPairs, { a: keys[i], b: keys[j] }] };
      }
    }
  }
  return spec;
}

export function updatePair(spec: PanelSpec, index: number, pair: PolarityPair): PanelSpec {
  const next: PolarityPair = { a: pair.a, b: pair.b };
  if (pair.axis) next.axis = pair.axis;
  if (pair.axis && pair.direction) next.direction = pair.direction;
  return { ...spec, polarityPairs: spec.polarityPairs.map((p, i) => (i === index ? next : p)) };
}

export const removePair = (spec: PanelSpec, index: number): PanelSpec => ({ ...spec, polarityPairs: spec.polarityPairs.filter((_, i) => i !== index) });

/** What is wrong with each pair, by index (empty: nothing). The server refuses the first two kinds. */
export function pairProblems(spec: PanelSpec): Map<number, string> {
  const keys = new Set(spec.members.map((m) => m.key));
  const seen = new Map<string, number>();
  const problems = new Map<number, string>();
  spec.polarityPairs.forEach((p, i) => {
    if (!keys.has(p.a) || !keys.has(p.b)) problems.set(i, `"${keys.has(p.a) ? p.b : p.a}" is not a member of this panel`);
    else if (p.a === p.b) problems.set(i, "A member cannot be its own opposite — pick two different members");
    else {
      const id = [p.a, p.b].sort().join("|");
      const first = seen.get(id);
      if (first !== undefined) problems.set(i, `Same two members as pair ${first + 1}`);
      else seen.set(id, i);
    }
  });
  return problems;
}

/** "socrates ↔ feynman, on skeptical (socrates higher)" */
export function describePair(pair: PolarityPair, nameOf: (key: string) => string = (k) => k, traitName: (key: string) => string = (k) => k): string {
  const base = `${nameOf(pair.a)} ↔ ${nameOf(pair.b)}`;
  if (!pair.axis) return `${base}, overall`;
  const axis = "trait" in pair.axis
    ? traitName(pair.axis.trait)
    : Object.entries(pair.axis.weights).map(([k, w]) => `${w > 0 ? "+" : "−"}${traitName(k)}`).join(" ");
  const dir = pair.direction === "a_higher" ? ` (${nameOf(pair.a)} higher)` : pair.direction === "b_higher" ? ` (${nameOf(pair.b)} higher)` : "";
  return `${base}, on ${axis}${dir}`;
}

// ── Groups ───────────────────────────────────────────────────────────────

export function addGroup(spec: PanelSpec, name: string, members: string[]): PanelSpec {
  return { ...spec, groups: [...spec.groups, { name: name.trim(), members }] };
}

export function toggleGroupMember(spec: PanelSpec, index: number, key: string): PanelSpec {
  return {
    ...spec,
    groups: spec.groups.map((g, i) =>
      i !== index ? g : { ...g, members: g.members.includes(key) ? g.members.filter((k) => k !== key) : [...g.members, key] }),
  };
}

export const renameGroup = (spec: PanelSpec, index: number, name: string): PanelSpec =>
  ({ ...spec, groups: spec.groups.map((g, i) => (i === index ? { ...g, name } : g)) });

export const removeGroup = (spec: PanelSpec, index: number): PanelSpec => ({ ...spec, groups: spec.groups.filter((_, i) => i !== index) });

export function groupProblems(spec: PanelSpec): Map<number, string> {
  const problems = new Map<number, string>();
  spec.groups.forEach((g, i) => {
    if (!g.name.trim()) problems.set(i, "Give the group a name");
    else if (g.members.length < 2) problems.set(i, "A group needs at least two members");
  });
  return problems;
}
