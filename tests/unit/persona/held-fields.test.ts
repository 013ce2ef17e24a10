import { describe, expect, it } from "vitest";
import { draftToSave, heldFields, heldSummary, recoverableSpec } from "@/lib/persona/held-fields";
import { emptySpec, personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";
import { SPEC_LIMITS } from "@/lib/schemas/persona-limits";

// What an autosave sends when one field is invalid: every valid edit, and the invalid
// field's last saved value, so one over-long text does not stop the rest from saving.

const saved: PersonaSpec = { ...emptySpec("Rosa"), archetype: "a triage nurse", background: "Night shifts.", values: ["Safety first"] };

describe("draftToSave", () => {
  it("sends a valid draft as it is", () => {
    const local = { ...saved, archetype: "a veteran triage nurse" };
    expect(draftToSave(local, saved)).toEqual({ ok: true, send: local, held: [] });
  });

  it("holds an over-long background at its saved value and still sends the other edits", () => {
    const local = { ...saved, archetype: "a veteran triage nurse", background: "x".repeat(4100) };
    const draft = draftToSave(local, saved);
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.send).toEqual({ ...saved, archetype: "a veteran triage nurse" });
    expect(personaSpecSchema.safeParse(draft.send).success).toBe(true);
    expect(draft.held).toEqual([{
      key: "background",
      message: "Background is too long: 4,100 characters, the limit is 4,000 characters",
      summary: "Background is too long",
    }]);
    // The designer's text is not touched.
    expect(local.background).toHaveLength(4100);
  });

  it("holds several fields at once, each by itself", () => {
    const local = { ...saved, name: " ", voice: { ...saved.voice, tone: "t".repeat(301), register: "formal" as const }, notes: "kept" };
    const draft = draftToSave(local, saved);
    expect(draft.ok && draft.send).toEqual({ ...saved, voice: { ...saved.voice, register: "formal" }, notes: "kept" });
    expect(draft.held.map((h) => h.key)).toEqual(["name", "voice.tone"]);
    expect(draft.held[0].message).toBe("Name: Give the persona a name");
    expect(heldSummary(draft.held)).toBe("2 fields not saved: Name: Give the persona a name; Tone is too long");
  });

  it("holds a list as a whole when one of its items is too long", () => {
    const local = { ...saved, values: ["Safety first", "v".repeat(SPEC_LIMITS.value + 1)], boundaries: ["No diagnoses"] };
    const draft = draftToSave(local, saved);
    expect(draft.ok && draft.send).toEqual({ ...saved, boundaries: ["No diagnoses"] });
    expect(draft.held[0]).toMatchObject({ key: "values", summary: "Values, item 2 is too long" });
  });

  it("puts back a trait target that was never saved by removing it", () => {
    const local = { ...saved, traitTargets: { empathetic: 80, firm: 101 } };
    const draft = draftToSave(local, { ...saved, traitTargets: { empathetic: 50 } });
    expect(draft.ok && draft.send.traitTargets).toEqual({ empathetic: 80 });
    expect(draft.held[0]).toMatchObject({ key: "traitTargets.firm", message: "Target: Firm / boundary-setting must be at most 100" });
  });

  it("refuses to send when the saved value is no better", () => {
    const broken = { ...saved, background: "y".repeat(4001) };
    const draft = draftToSave({ ...broken, background: "x".repeat(4100) }, broken);
    expect(draft).toMatchObject({ ok: false, problem: "Background is too long: 4,001 characters, the limit is 4,000 characters" });
  });
});

describe("heldFields / heldSummary", () => {
  it("is empty for a valid spec", () => {
    expect(heldFields(saved)).toEqual([]);
    expect(heldSummary([])).toBeNull();
  });

  it("summarises one held field for the save indicator", () => {
    expect(heldSummary(heldFields({ ...saved, background: "x".repeat(4001) }))).toBe("1 field not saved: Background is too long");
  });
});

describe("SPEC_LIMITS", () => {
  it("are the schema's own limits", () => {
    const shape = personaSpecSchema.shape;
    expect(SPEC_LIMITS.background).toBe(shape.background.maxLength);
    expect(personaSpecSchema.safeParse({ ...saved, background: "x".repeat(SPEC_LIMITS.background) }).success).toBe(true);
    expect(personaSpecSchema.safeParse({ ...saved, background: "x".repeat(SPEC_LIMITS.background + 1) }).success).toBe(false);
    expect(personaSpecSchema.safeParse({ ...saved, requirements: Array(SPEC_LIMITS.requirements + 1).fill("r") }).success).toBe(false);
    expect(personaSpecSchema.safeParse({ ...saved, requirements: Array(SPEC_LIMITS.requirements).fill("r".repeat(SPEC_LIMITS.requirement)) }).success).toBe(true);
  });
});

describe("recoverableSpec (a backup offered back after a reload)", () => {
  it("keeps the over-long text that was held, so nothing typed is lost", () => {
    const backup = { ...saved, archetype: "edited", background: "x".repeat(4100) };
    expect(recoverableSpec(backup, saved)).toEqual(backup);
  });

  it("fills what an old backup lacks with the schema's defaults, and drops held values of the wrong shape", () => {
    const { requirements: _r, ...old } = saved;
    const spec = recoverableSpec({ ...old, voice: 5 }, saved);
    expect(spec).toEqual({ ...saved, requirements: [] });
  });

  it("offers nothing for a backup that is not a persona", () => {
    expect(recoverableSpec("garbage", saved)).toBeNull();
    expect(recoverableSpec([1], saved)).toBeNull();
  });
});
