import { describe, expect, it } from "vitest";
import { planSeats, type CandidateSeat, type SeatRoutingInput } from "@/lib/probing/panel/seat-routing";
import type { SeatPlan } from "@/lib/schemas/panel";

// "Spread seats" (issue 13 §2): the routed plan spreads members evenly over
// providers first, never seats a polarity pair together when it can avoid it,
// explains every seat, and is the same plan every time for the same input.

const sim = (model: string): CandidateSeat => ({ providerId: "simulator", model, label: `Simulator — not a language model · ${model}`, providerLabel: "Simulator — not a language model" });
const openrouter: CandidateSeat = { providerId: "p-or", model: "gpt-4o-mini", label: "OpenRouter · gpt-4o-mini" };
const ollama: CandidateSeat = { providerId: "p-ol", model: "llama3.1", label: "Ollama · llama3.1" };
const SIMS = [sim("persona-sim-1"), sim("persona-sim-2"), sim("persona-sim-3")];

const MEMBERS = ["socrates", "feynman", "ada", "sun-tzu", "aurelius", "lao-tzu", "machiavelli"];
const NAMES = { socrates: "Socrates", feynman: "Feynman", ada: "Ada Lovelace", "sun-tzu": "Sun Tzu", aurelius: "Marcus Aurelius", "lao-tzu": "Lao Tzu", machiavelli: "Machiavelli" };
const PAIRS = [{ a: "socrates", b: "feynman" }, { a: "sun-tzu", b: "lao-tzu" }, { a: "aurelius", b: "machiavelli" }];

const input = (over: Partial<SeatRoutingInput> = {}): SeatRoutingInput => ({
  members: MEMBERS, names: NAMES, pairs: PAIRS, candidates: [...SIMS, openrouter, ollama], defaultSeat: SIMS[0], ...over,
});

const providerCounts = (plan: SeatPlan) => {
  const counts = new Map<string, number>();
  for (const seat of Object.values(plan.seats)) counts.set(seat.providerId, (counts.get(seat.providerId) ?? 0) + 1);
  return counts;
};
const seatCounts = (plan: SeatPlan) => {
  const counts = new Map<string, number>();
  for (const seat of Object.values(plan.seats)) counts.set(`${seat.providerId}/${seat.model}`, (counts.get(`${seat.providerId}/${seat.model}`) ?? 0) + 1);
  return counts;
};
const spread = (counts: Map<string, number>, of: number) => {
  const values = [...counts.values()];
  while (values.length < of) values.push(0);
  return Math.max(...values) - Math.min(...values);
};
const sameProvider = (plan: SeatPlan, a: string, b: string) => plan.seats[a].providerId === plan.seats[b].providerId;
const sameSeat = (plan: SeatPlan, a: string, b: string) => sameProvider(plan, a, b) && plan.seats[a].model === plan.seats[b].model;

describe("the single-model plan", () => {
  it("seats every member on the workspace default, side by side with the routed plan", () => {
    const { single, routed } = planSeats(input());
    for (const k of MEMBERS) expect(single.seats[k]).toEqual({ providerId: "simulator", model: "persona-sim-1" });
    expect(Object.keys(routed.seats).sort()).toEqual([...MEMBERS].sort());
    expect(single.explanations!.socrates).toContain("workspace default");
  });
});

describe("even spread", () => {
  it("spreads members over providers first: counts differ by at most one", () => {
    const { routed } = planSeats(input());
    expect(providerCounts(routed).size).toBe(3);
    expect(spread(providerCounts(routed), 3)).toBeLessThanOrEqual(1);
  });

  it.each([1, 2, 3, 5, 6, 7])("with %i members and no pairs, providers differ by ≤ 1 and so do the seats of each provider", (n) => {
    const { routed } = planSeats(input({ members: MEMBERS.slice(0, n), pairs: [] }));
    expect(spread(providerCounts(routed), Math.min(n, 3))).toBeLessThanOrEqual(1);
    const simSeats = new Map([...seatCounts(routed)].filter(([k]) => k.startsWith("simulator/")));
    expect(spread(simSeats, 3)).toBeLessThanOrEqual(1);
  });

  it("spreads across models when the workspace has one provider", () => {
    const { routed } = planSeats(input({ candidates: SIMS, members: MEMBERS.slice(0, 6), pairs: [] }));
    expect([...seatCounts(routed).values()]).toEqual([2, 2, 2]);
    expect(routed.explanations!.socrates).toContain("2 members per model");
  });

  it("with providerSpreadFirst off, spreads over seats (models) instead of providers", () => {
    const members = MEMBERS.slice(0, 5);
    const first = planSeats(input({ members, pairs: [], strategy: { providerSpreadFirst: true } })).routed;
    const seatsFirst = planSeats(input({ members, pairs: [], strategy: { providerSpreadFirst: false } })).routed;
    expect(spread(providerCounts(first), 3)).toBeLessThanOrEqual(1);
    // Five seats, five members: one each, so the simulator (three models) holds three.
    expect([...seatCounts(seatsFirst).values()]).toEqual([1, 1, 1, 1, 1]);
    expect(providerCounts(seatsFirst).get("simulator")).toBe(3);
    expect(seatsFirst.strategy).toEqual({ providerSpreadFirst: false, avoidPairCollocation: true });
  });

  it("spreads a group over providers when spread allows it", () => {
    // Greedy in member order alternates providers, so a and c would share one without the group.
    const members = ["a", "b", "c", "d"];
    const { routed } = planSeats({ members, candidates: [openrouter, ollama], defaultSeat: openrouter, groups: [{ name: "ethics", members: ["a", "c"] }] });
    expect(sameProvider(routed, "a", "c")).toBe(false);
    expect(routed.explanations!.a).toContain('group "ethics" spans 2 providers (1 of 2 here)');
  });
});

describe("polarity pairs", () => {
  it("never seats a pair on the same provider when another provider is free", () => {
    const { routed } = planSeats(input());
    for (const p of PAIRS) expect(sameProvider(routed, p.a, p.b)).toBe(false);
  });

  it("keeps pairs apart even when the member order would put them together", () => {
    // Greedy in order on two providers: a→P1, b→P2, c→P1, d→P2 — pairs (a,c) and (b,d) would collide.
    const { routed } = planSeats({ members: ["a", "b", "c", "d"], pairs: [{ a: "a", b: "c" }, { a: "b", b: "d" }], candidates: [openrouter, ollama], defaultSeat: openrouter });
    expect(sameProvider(routed, "a", "c")).toBe(false);
    expect(sameProvider(routed, "b", "d")).toBe(false);
    expect(spread(providerCounts(routed), 2)).toBe(0);
  });

  it("puts a pair on one provider only when there is no alternative, on different models, and says so", () => {
    const { routed } = planSeats({ members: ["socrates", "feynman"], names: NAMES, pairs: [PAIRS[0]], candidates: SIMS.slice(0, 2), defaultSeat: SIMS[0] });
    expect(sameProvider(routed, "socrates", "feynman")).toBe(true);
    expect(sameSeat(routed, "socrates", "feynman")).toBe(false);
    expect(routed.explanations!.feynman).toMatch(/shares Simulator — not a language model with its polarity partner Socrates \(on persona-sim-[12]\): no other provider was free of its partners/);
  });

  it("with more pairs than seats, collocates as few pairs as it must and explains why", () => {
    // A triangle of pairs on two seats: one pair must share a seat, never more.
    const members = ["a", "b", "c"];
    const pairs = [{ a: "a", b: "b" }, { a: "b", b: "c" }, { a: "a", b: "c" }];
    const { routed } = planSeats({ members, pairs, candidates: [openrouter, ollama], defaultSeat: openrouter });
    const together = pairs.filter((p) => sameSeat(routed, p.a, p.b));
    expect(together).toHaveLength(1);
    const [p] = together;
    expect(routed.explanations![p.a]).toContain("more polarity pairs than the seats can keep apart");
  });

  it("puts pair separation before even spread", () => {
    // One member paired with all of the other three, two providers: the hub sits alone (1–3), not 2–2.
    const members = ["hub", "x", "y", "z"];
    const pairs = ["x", "y", "z"].map((b) => ({ a: "hub", b }));
    const { routed } = planSeats({ members, pairs, candidates: [openrouter, ollama], defaultSeat: openrouter });
    for (const k of ["x", "y", "z"]) expect(sameProvider(routed, "hub", k)).toBe(false);
    expect(routed.explanations!.x).toContain("3 of 4 members on");
  });

  it("without avoidPairCollocation, pairs are only spread like anyone else", () => {
    const members = ["a", "b", "c", "d"];
    const pairs = [{ a: "a", b: "c" }, { a: "b", b: "d" }];
    const { routed } = planSeats({ members, pairs, candidates: [openrouter, ollama], defaultSeat: openrouter, strategy: { avoidPairCollocation: false } });
    // Greedy in order alternates providers, so both pairs share one.
    expect(sameProvider(routed, "a", "c")).toBe(true);
    expect(routed.explanations!.a).not.toContain("no other provider was free");
  });
});

describe("explanations", () => {
  it("names the seat, the partner's seat and the spread", () => {
    const { routed } = planSeats(input({ members: ["socrates", "feynman", "ada", "sun-tzu"], pairs: [PAIRS[0]], candidates: [sim("persona-sim-2"), openrouter] , defaultSeat: sim("persona-sim-2") }));
    const socrates = routed.seats.socrates;
    const text = routed.explanations!.feynman;
    expect(socrates.providerId).not.toBe(routed.seats.feynman.providerId);
    const feynmanLabel = routed.seats.feynman.providerId === "p-or" ? "OpenRouter · gpt-4o-mini" : "Simulator — not a language model · persona-sim-2";
    const socratesLabel = socrates.providerId === "p-or" ? "OpenRouter · gpt-4o-mini" : "Simulator — not a language model · persona-sim-2";
    expect(text).toBe(`Feynman on ${feynmanLabel}: its polarity partner Socrates sits on ${socratesLabel}; 2 members per provider`);
  });

  it("stays within the schema's 400 characters", () => {
    const many = Array.from({ length: 24 }, (_, i) => `member-with-a-long-key-${String(i).padStart(2, "0")}`);
    const pairs = many.slice(1).map((b) => ({ a: many[0], b }));
    const { routed } = planSeats({ members: many, pairs, candidates: [openrouter, ollama, ...SIMS], defaultSeat: openrouter });
    for (const text of Object.values(routed.explanations!)) expect(text.length).toBeLessThanOrEqual(400);
  });
});

describe("determinism and stability", () => {
  it("gives the same plan for the same input", () => {
    const a = planSeats(input());
    const b = planSeats(input());
    expect(b).toEqual(a);
  });

  it("keeps the current plan when it is as good as any", () => {
    const first = planSeats(input()).routed;
    // Rotate the providers of the current plan: an equally good plan must be kept, not replaced.
    const swapped: SeatPlan = { seats: Object.fromEntries(Object.entries(first.seats).map(([k, s]) => [k, s.providerId === "p-or" ? { ...ollama } : s.providerId === "p-ol" ? { ...openrouter } : s])) };
    const again = planSeats(input({ current: { seats: Object.fromEntries(Object.entries(swapped.seats).map(([k, s]) => [k, { providerId: s.providerId, model: s.model }])) } })).routed;
    expect(again.seats).toEqual(Object.fromEntries(Object.entries(swapped.seats).map(([k, s]) => [k, { providerId: s.providerId, model: s.model }])));
  });
});

describe("one seat", () => {
  it("routes everyone to the single seat and says routing needs a second provider or model", () => {
    const { single, routed } = planSeats(input({ candidates: [SIMS[0]] }));
    expect(routed.seats).toEqual(single.seats);
    expect(routed.explanations!.socrates).toBe("Socrates on Simulator — not a language model · persona-sim-1: routing needs a second provider or model — the workspace offers one seat");
  });

  it("counts the default as a seat when it is not among the candidates", () => {
    const { routed } = planSeats(input({ candidates: [openrouter], members: ["socrates", "feynman"], pairs: [PAIRS[0]] }));
    expect(sameProvider(routed, "socrates", "feynman")).toBe(false);
  });
});
