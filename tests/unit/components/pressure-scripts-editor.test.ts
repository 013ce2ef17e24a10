import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { committedScripts, draftOfScript, newScriptDraft, PressureScriptsEditor, scriptFromDraft, type ScriptDraft } from "@/components/personas/editor/pressure-scripts-editor";
import { SpecForm } from "@/components/personas/editor/spec-form";
import { emptySpec, personaSpecSchema } from "@/lib/schemas/persona";
import { PRESSURE_LIMITS, type PressureScript } from "@/lib/schemas/pressure";

// The composer's pressure scripts (spec.pressureScripts) and role requirements
// (spec.requirements): only valid scripts reach the spec, an incomplete one
// stays local and says why; both sections render with their limits.

const good: PressureScript = { name: "Late return", trait: "firm", opening: "I want to return this after 60 days.", pushes: ["Please?", "I'll leave."] };

describe("pressure script drafts", () => {
  it("a complete draft is a script the persona schema accepts", () => {
    const r = scriptFromDraft(draftOfScript(good, 1));
    expect(r.script).toEqual(good);
    expect(personaSpecSchema.safeParse({ ...emptySpec(), pressureScripts: [r.script] }).success).toBe(true);
  });

  it("an incomplete one names its first problem and stays out of the spec", () => {
    const fresh = newScriptDraft([3, 5], "firm");
    expect(fresh).toEqual({ id: 6, name: "", trait: "firm", opening: "", pushes: [""] });
    expect(scriptFromDraft(fresh).error).toEqual({ field: "name", message: "Name the script" });
    const noTrait: ScriptDraft = { ...draftOfScript(good, 1), trait: "" };
    expect(scriptFromDraft(noTrait).error?.message).toBe("Pick the trait the pushes work against");
    const emptyPush: ScriptDraft = { ...draftOfScript(good, 2), pushes: ["Please?", "  "] };
    expect(scriptFromDraft(emptyPush).error).toEqual({ field: "pushes.1", message: "A push cannot be empty" });
    const tooLong: ScriptDraft = { ...draftOfScript(good, 3), opening: "x".repeat(PRESSURE_LIMITS.pushChars + 1) };
    expect(scriptFromDraft(tooLong).error?.field).toBe("opening");
    expect(committedScripts([draftOfScript(good, 1), fresh, emptyPush])).toEqual([good]);
  });

  it("renders each script with its counters and the script count", () => {
    const html = renderToStaticMarkup(createElement(PressureScriptsEditor, { scripts: [good], onChange: () => {}, targets: { firm: 90 } }));
    expect(html).toContain("Late return");
    expect(html).toContain(`${good.opening.length}/${PRESSURE_LIMITS.pushChars}`);
    expect(html).toContain(`2/${PRESSURE_LIMITS.turns.max}`);
    expect(html).toContain(`1/${PRESSURE_LIMITS.scripts}`);
    expect(html).toContain(`maxLength="${PRESSURE_LIMITS.pushChars}"`);
  });
});

describe("the composer", () => {
  it("has role requirements (with the helper text) and pressure scripts, collapsed when empty and open when filled", () => {
    const empty = renderToStaticMarkup(createElement(SpecForm, { spec: emptySpec(), onChange: () => {} }));
    expect(empty).toContain("Role requirements");
    expect(empty).toContain("What the job asks of the character, not who they are");
    expect(empty).toMatch(/<details data-testid="requirements">/);
    expect(empty).toContain("Pressure scripts");
    const filled = renderToStaticMarkup(createElement(SpecForm, {
      spec: { ...emptySpec(), requirements: ["The company asks you to apply the refund policy without exceptions."], pressureScripts: [good] }, onChange: () => {},
    }));
    expect(filled).toMatch(/<details open="" data-testid="requirements">/);
    expect(filled).toContain('maxLength="400"');
    expect(filled).toMatch(/<details open="" data-testid="pressure-scripts">/);
    expect(filled).toContain("Your scripts (1/6)");
  });
});
