import { PANEL_LIMITS, type Seat, type SeatPlan } from "@/lib/schemas/panel";

// "Spread seats" (issue 13 §2): where each member of a panel answers. Two plans
// side by side:
//   • single — every member on one seat, the workspace default: personas from
//     one model share its well;
//   • routed — members spread over the workspace's providers and models, the
//     way the Council of High Intelligence routes its members.
// The routed plan minimises, in this order of priority (each weight dwarfs the
// next, so a lower rule never buys a higher one):
//   1. a polarity pair on the same seat (provider + model)         — 10⁶ each
//   2. a polarity pair on the same provider (another model)        — 10⁴ each
//      (1–2 only with avoidPairCollocation)
//   3. uneven spread: Σ members² per provider (×100) and per seat (×1);
//      with providerSpreadFirst off the two weights swap (seats first)
//   4. a group crowded on one provider: Σ groupmates² per provider  — ×10
//      (below provider spread, above model spread)
//   5. moving a member off its seat in the current plan             — 0.01
//      (a tie-break: the same input keeps the same plan)
// Greedy placement in member order, then best-improvement moves and swaps until
// none helps. Deterministic: no randomness, ties go to the earlier candidate.
// Pure arithmetic (lib/probing rules): no I/O.

export type CandidateSeat = Seat & {
  /** "OpenRouter · gpt-4o-mini" */
  label: string;
  /** "OpenRouter"; default: the label before " · ". */
  providerLabel?: string;
};

export type SeatStrategy = { providerSpreadFirst: boolean; avoidPairCollocation: boolean };
export const DEFAULT_SEAT_STRATEGY: SeatStrategy = { providerSpreadFirst: true, avoidPairCollocation: true };

export type SeatRoutingInput = {
  /** Member keys, in panel order. */
  members: readonly string[];
  /** Display names by key (default: the key). */
  names?: Readonly<Record<string, string>>;
  pairs?: readonly { a: string; b: string }[];
  groups?: readonly { name: string; members: readonly string[] }[];
  /** Every seat the workspace offers (each provider's models), in the order to prefer on ties. */
  candidates: readonly CandidateSeat[];
  /** The workspace default: the single plan's seat. Need not be among the candidates. */
  defaultSeat: CandidateSeat;
  /** The panel's routed plan now, if any: kept where nothing is gained by moving. */
  current?: SeatPlan;
  strategy?: Partial<SeatStrategy>;
};

export type SeatRouting = { single: SeatPlan; routed: SeatPlan };

const W = { seatPair: 1e6, providerPair: 1e4, first: 100, group: 10, second: 1, moved: 0.01 };
const MAX_ROUNDS = 500;

const seatId = (s: Seat) => `${s.providerId}\u0000${s.model}`;
const providerLabelOf = (c: CandidateSeat) => c.providerLabel ?? (c.label.includes(" · ") ? c.label.slice(0, c.label.lastIndexOf(" · ")) : c.providerId);
const clip = (text: string) => (text.length <= PANEL_LIMITS.explanation ? text : `${text.slice(0, PANEL_LIMITS.explanation - 1)}…`);

function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function planSeats(input: SeatRoutingInput): SeatRouting {
  const strategy: SeatStrategy = { ...DEFAULT_SEAT_STRATEGY, ...input.strategy };
  const members = [...new Set(input.members)];
  const name = (k: string) => input.names?.[k] || k;

  // Candidates without duplicates, the default first among equals only by its given position.
  const seen = new Set<string>();
  const seats: CandidateSeat[] = [];
  for (const c of input.candidates) {
    if (seen.has(seatId(c))) continue;
    seen.add(seatId(c));
    seats.push(c);
  }
  if (!seen.has(seatId(input.defaultSeat))) seats.unshift(input.defaultSeat);
  const providers = [...new Set(seats.map((s) => s.providerId))];
  const providerOf = seats.map((s) => providers.indexOf(s.providerId));

  const single: SeatPlan = {
    seats: Object.fromEntries(members.map((k) => [k, { providerId: input.defaultSeat.providerId, model: input.defaultSeat.model }])),
    explanations: Object.fromEntries(members.map((k) => [k, clip(`${name(k)} on ${input.defaultSeat.label}: the workspace default, where every member sits in the single-model plan`)])),
  };

  if (seats.length < 2) {
    return {
      single,
      routed: {
        seats: { ...single.seats },
        explanations: Object.fromEntries(members.map((k) => [k, clip(`${name(k)} on ${input.defaultSeat.label}: routing needs a second provider or model — the workspace offers one seat`)])),
        strategy,
      },
    };
  }

  const index = new Map(members.map((k, i) => [k, i]));
  const partners: number[][] = members.map(() => []);
  const pairList: [number, number][] = [];
  const pairSeen = new Set<string>();
  for (const p of input.pairs ?? []) {
    const a = index.get(p.a);
    const b = index.get(p.b);
    if (a === undefined || b === undefined || a === b) continue;
    const id = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (pairSeen.has(id)) continue;
    pairSeen.add(id);
    pairList.push([a, b]);
    partners[a].push(b);
    partners[b].push(a);
  }
  const groups = (input.groups ?? [])
    .map((g) => ({ name: g.name, list: [...new Set(g.members)].map((k) => index.get(k)).filter((i): i is number => i !== undefined) }))
    .filter((g) => g.list.length > 1);

  const currentSeat = members.map((k) => {
    const seat = input.current?.seats[k];
    return seat ? seats.findIndex((s) => seatId(s) === seatId(seat)) : -1;
  });

  const wProvider = strategy.providerSpreadFirst ? W.first : W.second;
  const wSeat = strategy.providerSpreadFirst ? W.second : W.first;

  /** Total cost of an assignment (−1 = not placed yet). */
  const cost = (plan: readonly number[]): number => {
    let total = 0;
    if (strategy.avoidPairCollocation) {
      for (const [a, b] of pairList) {
        if (plan[a] < 0 || plan[b] < 0) continue;
        if (plan[a] === plan[b]) total += W.seatPair;
        else if (providerOf[plan[a]] === providerOf[plan[b]]) total += W.providerPair;
      }
    }
    const perSeat = new Array<number>(seats.length).fill(0);
    const perProvider = new Array<number>(providers.length).fill(0);
    plan.forEach((s, i) => {
      if (s < 0) return;
      perSeat[s]++;
      perProvider[providerOf[s]]++;
      if (s !== currentSeat[i] && currentSeat[i] >= 0) total += W.moved;
    });
    for (const n of perProvider) total += wProvider * n * n;
    for (const n of perSeat) total += wSeat * n * n;
    for (const { list } of groups) {
      const counts = new Array<number>(providers.length).fill(0);
      for (const i of list) if (plan[i] >= 0) counts[providerOf[plan[i]]]++;
      for (const n of counts) total += W.group * n * n;
    }
    return total;
  };

  // Greedy: each member, in order, where it costs least (ties: the earlier seat).
  const plan = members.map(() => -1);
  members.forEach((_, i) => {
    let best = -1;
    let bestCost = Infinity;
    for (let s = 0; s < seats.length; s++) {
      plan[i] = s;
      const c = cost(plan);
      if (c < bestCost - 1e-9) { best = s; bestCost = c; }
    }
    plan[i] = best;
  });

  // Improve: the best single move or swap, until none lowers the cost.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const base = cost(plan);
    let bestGain = 1e-9;
    let apply: (() => void) | null = null;
    for (let i = 0; i < plan.length; i++) {
      const from = plan[i];
      for (let s = 0; s < seats.length; s++) {
        if (s === from) continue;
        plan[i] = s;
        const gain = base - cost(plan);
        if (gain > bestGain) { bestGain = gain; apply = () => { plan[i] = s; }; }
      }
      plan[i] = from;
      for (let j = i + 1; j < plan.length; j++) {
        if (plan[j] === from) continue;
        const to = plan[j];
        plan[i] = to; plan[j] = from;
        const gain = base - cost(plan);
        if (gain > bestGain) { bestGain = gain; apply = () => { plan[i] = to; plan[j] = from; }; }
        plan[i] = from; plan[j] = to;
      }
    }
    if (!apply) break;
    apply();
  }

  const perProvider = providers.map((_, p) => plan.filter((s) => providerOf[s] === p).length);
  const perSeat = seats.map((_, s) => plan.filter((x) => x === s).length);
  const spreadText = (s: number): string => {
    if (providers.length > 1) {
      const counts = perProvider;
      const lo = Math.min(...counts);
      const hi = Math.max(...counts);
      const here = counts[providerOf[s]];
      if (lo === hi) return `${here} member${here === 1 ? "" : "s"} per provider`;
      return `${here} of ${members.length} members on ${providerLabelOf(seats[s])} (${lo}–${hi} per provider)`;
    }
    const lo = Math.min(...perSeat);
    const hi = Math.max(...perSeat);
    const here = perSeat[s];
    return lo === hi ? `${here} member${here === 1 ? "" : "s"} per model` : `${here} of ${members.length} members on this model (${lo}–${hi} per model)`;
  };

  const explain = (i: number): string => {
    const s = plan[i];
    const parts: string[] = [];
    const apart: string[] = [];
    const sameProvider: string[] = [];
    const sameSeat: string[] = [];
    for (const j of partners[i]) {
      const t = plan[j];
      if (t === s) sameSeat.push(name(members[j]));
      else if (providerOf[t] === providerOf[s]) sameProvider.push(`${name(members[j])} (on ${seats[t].model})`);
      else apart.push(`${name(members[j])} sits on ${seats[t].label}`);
    }
    if (apart.length) parts.push(`its polarity partner${apart.length > 1 ? "s" : ""} ${listJoin(apart)}`);
    if (sameProvider.length) {
      const why = strategy.avoidPairCollocation ? ": no other provider was free of its partners" : "";
      parts.push(`shares ${providerLabelOf(seats[s])} with its polarity partner${sameProvider.length > 1 ? "s" : ""} ${listJoin(sameProvider)}${why}`);
    }
    if (sameSeat.length) {
      const why = strategy.avoidPairCollocation ? ": there are more polarity pairs than the seats can keep apart" : ": pairs may share a seat under this strategy";
      parts.push(`sits on the same seat as its polarity partner${sameSeat.length > 1 ? "s" : ""} ${listJoin(sameSeat)}${why}`);
    }
    for (const { name: groupName, list } of groups) {
      if (!list.includes(i)) continue;
      const together = list.filter((j) => providerOf[plan[j]] === providerOf[s]).length;
      const spread = new Set(list.map((j) => providerOf[plan[j]])).size;
      parts.push(`group "${groupName}" spans ${spread} provider${spread === 1 ? "" : "s"} (${together} of ${list.length} here)`);
    }
    parts.push(spreadText(s));
    if (providers.length === 1) parts.push("one provider: members spread across its models");
    return clip(`${name(members[i])} on ${seats[s].label}: ${parts.join("; ")}`);
  };

  return {
    single,
    routed: {
      seats: Object.fromEntries(members.map((k, i) => [k, { providerId: seats[plan[i]].providerId, model: seats[plan[i]].model }])),
      explanations: Object.fromEntries(members.map((k, i) => [k, explain(i)])),
      strategy,
    },
  };
}
