import { describe, expect, it } from "vitest";
import { readFramings } from "@/lib/llm/simulator";
import { compilePersona } from "@/lib/persona/compile";
import { AXES, draftAxesMembers, sanitizeTopic, topicPrefix } from "@/lib/persona/axes-template";
import { personaSpecSchema } from "@/lib/schemas/persona";

// The axes template (issue 13 §6): positions along five axes, each in two
// styles that differ only by the named framework.

describe("draftAxesMembers", () => {
  const draft = draftAxesMembers("  affordable\n housing ");

  it("trims the topic to one line, and refuses an empty or over-long one", () => {
    expect(draft.topic).toBe("affordable housing");
    expect(() => sanitizeTopic(" \n\t ")).toThrow(RangeError);
    expect(() => sanitizeTopic("x".repeat(201))).toThrow(/200/);
    expect(sanitizeTopic("x".repeat(200))).toHaveLength(200);
    expect(topicPrefix("word ".repeat(30).trim()).length).toBeLessThanOrEqual(60);
  });

  it("gives every axis three positions with unique keys, each a valid persona spec in both styles", () => {
    expect(AXES.map((a) => draft.members.filter((m) => m.axis === a).length)).toEqual([3, 3, 3, 3, 3]);
    expect(new Set(draft.members.map((m) => m.key)).size).toBe(15);
    for (const m of draft.members) {
      for (const spec of [m.specs.topic, m.specs.framework]) {
        expect(personaSpecSchema.parse(spec)).toEqual(spec);
        expect(spec.name.startsWith("affordable housing · ")).toBe(true);
      }
      expect(m.specs.topic.archetype).toMatch(/ who cares about affordable housing$/);
      expect(m.specs.framework.archetype).toContain(`reasons about affordable housing with ${m.framework}`);
    }
    expect(new Set(draft.members.flatMap((m) => [m.specs.topic.name, m.specs.framework.name])).size).toBe(30);
  });

  it("changes nothing between the styles but the framework: same voice, values, targets, same position words", () => {
    for (const m of draft.members) {
      const { topic: t, framework: f } = m.specs;
      expect([f.voice, f.values, f.traitTargets, f.boundaries]).toEqual([t.voice, t.values, t.traitTargets, t.boundaries]);
      expect(f.archetype.split(" who ")[0]).toBe(t.archetype.split(" who ")[0]);
    }
  });

  it("names a framework the simulator's newer models read in every grounded member (a different one per axis member) and none in the topic-labelled ones", () => {
    for (const axis of AXES) {
      const ms = draft.members.filter((m) => m.axis === axis);
      const grounded = ms.map((m) => readFramings(compilePersona(m.specs.framework).prompt).frameworks.map((x) => x.id));
      expect(grounded.every((ids) => ids.length === 1), axis).toBe(true);
      expect(new Set(grounded.map((ids) => ids[0])).size, axis).toBe(ms.length);
      for (const m of ms) expect(readFramings(compilePersona(m.specs.topic).prompt).frameworks).toEqual([]);
    }
  });

  it("is deterministic", () => {
    expect(draftAxesMembers("affordable housing")).toEqual(draft);
  });
});
