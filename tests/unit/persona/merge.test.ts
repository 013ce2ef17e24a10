import { describe, expect, it } from "vitest";
import { inConflict, mergeSpecs, withTheirs } from "@/lib/persona/merge";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";

const base: PersonaSpec = {
  ...emptySpec("Refund desk"),
  archetype: "a veteran support agent",
  background: "Ten years on the refund desk.",
  voice: { register: "neutral", tone: "warm", length: "brief" },
  traitTargets: { warm: 70, firm: 60 },
  values: ["honesty"],
};
const edit = (patch: Partial<PersonaSpec>): PersonaSpec => ({ ...base, ...patch });

describe("mergeSpecs: two drafts from one saved draft, field by field", () => {
  it("keeps both sides' edits to different fields, with no conflict", () => {
    const mine = edit({ background: "Twelve years on the refund desk." });
    const theirs = edit({ archetype: "a patient support agent" });
    const m = mergeSpecs(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    expect(m.fromTheirs).toEqual(["archetype"]);
    expect(m.merged.background).toBe("Twelve years on the refund desk.");
    expect(m.merged.archetype).toBe("a patient support agent");
  });

  it("merges inside voice and trait targets: different keys are different fields", () => {
    const mine = edit({ voice: { ...base.voice, tone: "brisk" }, traitTargets: { warm: 40, firm: 60 } });
    const theirs = edit({ voice: { ...base.voice, register: "formal" }, traitTargets: { warm: 70, firm: 80, curious: 30 } });
    const m = mergeSpecs(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    expect(m.merged.voice).toEqual({ register: "formal", tone: "brisk", length: "brief" });
    expect(m.merged.traitTargets).toEqual({ warm: 40, firm: 80, curious: 30 });
  });

  it("a target removed on one side and untouched on the other stays removed", () => {
    const mine = edit({ traitTargets: { warm: 70 } });
    const m = mergeSpecs(base, mine, edit({ background: "x" }));
    expect(m.conflicts).toEqual([]);
    expect(m.merged.traitTargets).toEqual({ warm: 70 });
    expect("firm" in m.merged.traitTargets).toBe(false);
  });

  it("the same change on both sides is no conflict", () => {
    const both = edit({ background: "Same words." });
    expect(mergeSpecs(base, both, both).conflicts).toEqual([]);
  });

  it("reports a field both changed differently, keeping mine in `merged` and theirs in withTheirs", () => {
    const mine = edit({ background: "Mine.", notes: "only mine" });
    const theirs = edit({ background: "Theirs.", voice: { ...base.voice, tone: "dry" } });
    const m = mergeSpecs(base, mine, theirs);
    expect(m.conflicts).toEqual(["background"]);
    expect(m.merged.background).toBe("Mine.");
    expect(m.merged.notes).toBe("only mine");
    expect(m.merged.voice.tone).toBe("dry");
    const t = withTheirs(m, theirs);
    expect(t.background).toBe("Theirs.");
    expect(t.notes).toBe("only mine"); // my edit elsewhere survives taking theirs on the conflict
  });

  it("a conflict inside trait targets is that one target, and taking theirs can remove it", () => {
    const mine = edit({ traitTargets: { warm: 10, firm: 60 } });
    const theirs = edit({ traitTargets: { firm: 60 } });
    const m = mergeSpecs(base, mine, theirs);
    expect(m.conflicts).toEqual(["traitTargets.warm"]);
    expect(withTheirs(m, theirs).traitTargets).toEqual({ firm: 60 });
  });

  it("lists merge as a whole: two different edits to one list are a conflict, not a guess", () => {
    const m = mergeSpecs(base, edit({ values: ["honesty", "speed"] }), edit({ values: ["candour"] }));
    expect(m.conflicts).toEqual(["values"]);
  });

  it("inConflict matches a diff's paths to the conflicting fields", () => {
    expect(inConflict("voice.tone", ["voice.tone"])).toBe(true);
    expect(inConflict("scenarios.s1", ["scenarios"])).toBe(true);
    expect(inConflict("traitTargets", ["traitTargets.warm"])).toBe(true);
    expect(inConflict("background", ["voice.tone"])).toBe(false);
  });
});
