import { describe, expect, it } from "vitest";
import { exportPlainPrompt, importPlainPrompt, nameFromPrompt } from "@/lib/interop";
import { compilePersona } from "@/lib/persona/compile";
import { emptySpec } from "@/lib/schemas/persona";
import { expectInteropError, fixtureText, richSpec } from "@/tests/unit/interop/helpers";

describe("plain system prompt", () => {
  it("imports a prompt file as an override persona and exports the same text back", () => {
    const text = fixtureText("plain-prompt.txt");
    const spec = importPlainPrompt(text);
    expect(spec).toEqual({ ...emptySpec("Marguerite"), promptOverride: text.trim() });
    expect(exportPlainPrompt(spec)).toBe(text.trim());
  });

  it("infers only a name: no archetype, no trait targets", () => {
    const spec = importPlainPrompt("You are a blunt code reviewer. Be direct and empathetic.");
    expect(spec.name).toBe("Blunt code reviewer");
    expect(spec.archetype).toBe("");
    expect(spec.traitTargets).toEqual({});
    expect(spec.values).toEqual([]);
  });

  it("takes the name from the argument first, then a 'You are X' phrase, then a default", () => {
    expect(importPlainPrompt("You are Zoë.", "  Night host ").name).toBe("Night host");
    expect(nameFromPrompt("You are Zoë, a night-shift radio host in 東京.")).toBe("Zoë");
    expect(nameFromPrompt("You are now in character. Your name is Bartholomew.")).toBe("Bartholomew");
    expect(nameFromPrompt("You're a friendly barista who loves latte art.")).toBe("Friendly barista");
    expect(nameFromPrompt("You are going to help me write a novel about a very long journey.")).toBeNull();
    expect(importPlainPrompt("Answer every question in haiku.").name).toBe("Imported prompt");
  });

  it("exports the compiled prompt for a composed persona", () => {
    expect(exportPlainPrompt(richSpec())).toBe(compilePersona(richSpec()).prompt);
  });

  it("rejects empty and oversized prompts and names, naming the field", () => {
    expectInteropError(() => importPlainPrompt("   \n  "), "prompt");
    expect(expectInteropError(() => importPlainPrompt("x".repeat(20001)), "prompt").message).toMatch(/20000/);
    expectInteropError(() => importPlainPrompt("You are Zoë.", "n".repeat(121)), "name");
    expectInteropError(() => importPlainPrompt(42 as unknown as string), "prompt");
    expectInteropError(() => exportPlainPrompt({ ...richSpec(), voice: { register: "loud", tone: "", length: "brief" } } as never), "spec.voice.register");
  });
});
