import { describe, expect, it } from "vitest";
import { buildPanelPatch, changedParts, draftProblem, isConflict, type PanelDraft } from "@/components/panels/panel-draft";
import { addMember } from "@/components/panels/panel-spec-edit";
import { ApiError } from "@/lib/query/api";
import { emptyPanelSpec } from "@/lib/schemas/panel";

const base: PanelDraft = { name: "Council", description: "", spec: emptyPanelSpec() };

describe("the PATCH built from a draft", () => {
  it("is null when nothing changed", () => {
    expect(buildPanelPatch(base, { ...base, spec: emptyPanelSpec() }, 4)).toBeNull();
  });

  it("sends only what changed, always with the revision it was based on", () => {
    expect(buildPanelPatch(base, { ...base, name: " Board " }, 4)).toEqual({ revision: 4, name: "Board" });
    const spec = addMember(base.spec, { personaId: "p1", name: "Ada" });
    expect(buildPanelPatch(base, { ...base, spec, description: "x" }, 7)).toEqual({ revision: 7, description: "x", spec });
  });
});

describe("draft problems (what the server would refuse)", () => {
  it("names the field", () => {
    expect(draftProblem(base)).toBeNull();
    expect(draftProblem({ ...base, name: "  " })).toBe("name: Give the panel a name");
    const spec = addMember(addMember(base.spec, { personaId: "p1", name: "Ada" }), { personaId: "p2", name: "Bo" });
    expect(draftProblem({ ...base, spec: { ...spec, groups: [{ name: "g", members: ["ada"] }] } })).toMatch(/^groups\.0\.members: /);
    expect(draftProblem({ ...base, spec: { ...spec, polarityPairs: [{ a: "ada", b: "zed" }] } })).toBe('polarityPairs.0.b: "zed" is not a member of this panel');
  });
});

describe("conflicts", () => {
  it("a 409 is a conflict; other errors are not", () => {
    expect(isConflict(new ApiError(409, "conflict", "stale"))).toBe(true);
    expect(isConflict(new ApiError(422, "validation", "bad"))).toBe(false);
    expect(isConflict(new Error("x"))).toBe(false);
  });

  it("lists which parts of the panel differ", () => {
    const spec = addMember(base.spec, { personaId: "p1", name: "Ada" });
    expect(changedParts(base, { ...base, name: "Other", spec: { ...spec, activePlan: "routed" } })).toEqual(["name", "members", "active plan"]);
    expect(changedParts(base, base)).toEqual([]);
  });
});
