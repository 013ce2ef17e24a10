import { describe, expect, it } from "vitest";
import { parseMemberFile, validateCouncil, type CouncilMember } from "@/lib/interop/council";
import { COUNCIL_LIMITS } from "@/lib/schemas/council";
import { allMembers, councilText, member, seatPlan } from "./fixtures";

const withPairs = (m: CouncilMember, pairs: string[]): CouncilMember => ({
  ...m,
  frontMatter: { ...m.frontMatter, council: { ...m.frontMatter.council, polarity_pairs: pairs } },
});

describe("validateCouncil", () => {
  it("the fixture council: two pairs, triads by domain, every member seated, no errors", () => {
    const v = validateCouncil(allMembers(), seatPlan());
    expect(v.errors).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.members).toEqual(["socrates", "feynman", "sun-tzu", "aurelius"]);
    expect(v.pairs).toEqual([["aurelius", "sun-tzu"], ["feynman", "socrates"]]);
    expect(v.triads).toEqual({ ethics: ["socrates", "aurelius"], risk: ["feynman", "sun-tzu", "aurelius"] });
    expect(v.seats.feynman).toMatchObject({ provider: "openai", model: "gpt-4.1" });
    // Only the half-present triad is worth a warning; the pairs sit on different providers.
    expect(v.warnings.map((w) => w.field)).toEqual(["triads.ethics"]);
  });

  it("a polarity pair naming a member outside the set is an error naming both (a warning when asked)", () => {
    const members = allMembers();
    members[0] = withPairs(members[0], ["feynman", "watts"]);
    const v = validateCouncil(members);
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([
      { file: "council-socrates.md", field: "council.polarity_pairs.1", message: 'socrates\'s polarity pair "watts" is not a member of this council' },
    ]);
    const lenient = validateCouncil(members, null, { externalPairs: "warning" });
    expect(lenient.ok).toBe(true);
    expect(lenient.warnings.map((w) => w.message)).toContain('socrates\'s polarity pair "watts" is not a member of this council');
    expect(lenient.pairs).toEqual([["aurelius", "sun-tzu"], ["feynman", "socrates"]]);
  });

  it("pairs are undirected and may name members with their council- prefix; a self-pair is an error", () => {
    const members = allMembers();
    members[1] = withPairs(members[1], []); // only Socrates names Feynman
    members[2] = withPairs(members[2], ["council-aurelius"]);
    expect(validateCouncil(members).pairs).toEqual([["aurelius", "sun-tzu"], ["feynman", "socrates"]]);
    members[3] = withPairs(members[3], ["aurelius"]);
    expect(validateCouncil(members).errors.map((e) => e.message)).toEqual(["aurelius is listed as its own polarity pair"]);
  });

  it("two files with one member key is an error", () => {
    const copy = { ...member("council-socrates.md"), fileName: "socrates-copy.md" };
    const v = validateCouncil([...allMembers(), copy]);
    expect(v.errors).toEqual([{ file: "socrates-copy.md", field: "name", message: 'Two members are called "socrates" (also council-socrates.md)' }]);
  });

  it("a seat for an unknown member is an error naming it; a member without a seat falls back with a warning", () => {
    const plan = seatPlan();
    plan.data.seats = { ...plan.data.seats, watts: { provider: "google", model: "g" } };
    delete (plan.data.seats as Record<string, unknown>).feynman;
    const v = validateCouncil(allMembers(), plan);
    expect(v.errors).toEqual([{ file: "seat-plan.yaml", field: "seats.watts", message: 'The seat plan seats "watts", who is not a member of this council' }]);
    expect(v.seats.feynman).toEqual({ provider: "openai", model: "gpt-4.1-mini", fallback: true });
    expect(v.warnings.map((w) => w.field)).toContain("seats.feynman");
  });

  it("a polarity pair on one provider is a warning under avoid_pair_collocation, nothing without it", () => {
    const plan = seatPlan();
    plan.data.seats.feynman = { provider: "anthropic", model: "claude-sonnet-4" };
    const v = validateCouncil(allMembers(), plan);
    expect(v.ok).toBe(true);
    expect(v.warnings).toContainEqual({
      file: "seat-plan.yaml", field: "seats.socrates",
      message: "Polarity pair feynman and socrates both sit on anthropic / claude-sonnet-4, although the strategy avoids pair collocation",
    });
    plan.data.strategy = { ...plan.data.strategy, avoid_pair_collocation: false };
    expect(validateCouncil(allMembers(), plan).warnings.some((w) => /Polarity pair/.test(w.message))).toBe(false);
  });

  it("provider_spread_first: an uneven spread is a warning", () => {
    const plan = seatPlan();
    plan.data.seats.feynman = { provider: "anthropic", model: "claude-haiku" };
    // anthropic 3, google 1 → uneven (and the socrates/feynman pair now shares a provider, different models).
    const messages = validateCouncil(allMembers(), plan).warnings.map((w) => w.message);
    expect(messages).toContain("Seats are not spread evenly across providers (anthropic 3, google 1)");
    expect(messages).toContain("Polarity pair feynman and socrates both sit on anthropic (claude-haiku and claude-sonnet-4), although the strategy avoids pair collocation");
  });

  it("more members than the limit is an error", () => {
    const base = councilText("council-feynman.md");
    const many = Array.from({ length: COUNCIL_LIMITS.members + 1 }, (_, i) => {
      const p = parseMemberFile(base.replace("name: council-feynman", `name: council-m${i}`).replace('polarity_pairs: ["socrates"]', "polarity_pairs: []"));
      if (!p.ok) throw new Error("fixture");
      return p.member;
    });
    expect(validateCouncil(many).errors.map((e) => e.field)).toEqual(["members"]);
  });
});
