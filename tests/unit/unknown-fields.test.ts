import { describe, expect, it } from "vitest";
import { z } from "zod";
import { unknownFields } from "@/lib/http/request-guards";
import { createPersonaBody, updateDraftBody } from "@/lib/schemas/persona-api";
import { emptySpec } from "@/lib/schemas/persona";
import { previewBody } from "@/lib/schemas/preview";
import { createProbeRunBody } from "@/lib/schemas/probe";
import { updateProviderBody } from "@/lib/schemas/provider";
import { createCommentBody, decideBody } from "@/lib/schemas/review";
import { createShareBody } from "@/lib/schemas/share";
import { probeVariantsBody } from "@/lib/schemas/variant";
import { inviteMemberBody } from "@/lib/schemas/invitation";
import { updateWorkspaceBody } from "@/lib/schemas/workspace";

// Unknown fields are found by walking the raw JSON beside zod's output: a key
// the schema stripped is one it does not know. Defaults, transforms, records
// and unions must not be mistaken for unknown fields.

function unknownIn(schema: z.ZodType, input: unknown): string[] {
  return unknownFields(input, schema.parse(input));
}

const spec = emptySpec("Ada");

describe("unknownFields", () => {
  it("names a top-level field the schema does not know", () => {
    expect(unknownIn(createProbeRunBody, { budget: 6 })).toEqual(["budget"]);
    expect(unknownIn(createProbeRunBody, { budgetPerTrait: 6, budget: 6, extra: null })).toEqual(["budget", "extra"]);
  });

  it("names nested fields with dotted paths, through objects and arrays", () => {
    expect(unknownIn(updateDraftBody, { revision: 1, spec: { ...spec, voice: { ...spec.voice, pitch: "low" } } })).toEqual(["spec.voice.pitch"]);
    const examples = [{ user: "a", assistant: "b" }, { user: "c", assistant: "d", mood: "x" }];
    expect(unknownIn(updateDraftBody, { revision: 1, spec: { ...spec, examples } })).toEqual(["spec.examples.1.mood"]);
    const items = z.object({ items: z.array(z.object({ a: z.number() })) });
    expect(unknownIn(items, { items: [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4, extra: true }] })).toEqual(["items.3.extra"]);
  });

  it("reports nothing for a valid body whose schema fills defaults or transforms values", () => {
    expect(unknownIn(createProbeRunBody, {})).toEqual([]);
    expect(unknownIn(createProbeRunBody, { version: 2, traits: ["empathetic"] })).toEqual([]);
    expect(unknownIn(inviteMemberBody, { email: "Ada@Example.TEST", role: "editor" })).toEqual([]);
    expect(unknownIn(createShareBody, { label: " x " })).toEqual([]);
    expect(unknownIn(decideBody, { decision: "approve" })).toEqual([]);
    expect(unknownIn(updateWorkspaceBody, { approvalPolicy: "block" })).toEqual([]);
    // An optional key left out stays out; null (remove the key) stays null.
    expect(unknownIn(updateProviderBody, { apiKey: null })).toEqual([]);
    expect(unknownIn(createPersonaBody, { name: "Ada" })).toEqual([]);
  });

  it("keeps record keys (trait targets are data, not fields)", () => {
    expect(unknownIn(updateDraftBody, { revision: 1, spec: { ...spec, traitTargets: { empathetic: 80, my_custom: 30 } } })).toEqual([]);
  });

  it("follows the branch a discriminated union chose", () => {
    expect(unknownIn(previewBody, { source: { kind: "spec", spec }, message: "Hi" })).toEqual([]);
    expect(unknownIn(previewBody, { source: { kind: "version", personaId: "p1", number: 2 }, message: "Hi" })).toEqual([]);
    // personaId belongs to the other branch: unknown in this one.
    expect(unknownIn(previewBody, { source: { kind: "spec", spec, personaId: "p1" }, message: "Hi" })).toEqual(["source.personaId"]);
  });

  it("sees through refinements, omit and extend", () => {
    expect(unknownIn(probeVariantsBody, { variantIds: ["a"], includeDraft: true })).toEqual([]);
    expect(unknownIn(probeVariantsBody, { variantIds: ["a"], includeDraft: true, version: 2 })).toEqual(["version"]);
    expect(unknownIn(createCommentBody, { body: "Hi", anchor: { kind: "persona" } })).toEqual([]);
    expect(unknownIn(createCommentBody, { body: "Hi", anchor: { kind: "persona", line: 3 } })).toEqual(["anchor.line"]);
  });

  it("treats __proto__ as an ordinary unknown key", () => {
    const input = JSON.parse('{"name":"Ada","__proto__":{"admin":true}}');
    expect(unknownIn(z.object({ name: z.string() }), input)).toEqual(["__proto__"]);
  });

  it("reports nothing when the shapes do not line up (scalars, nulls)", () => {
    expect(unknownFields("x", "x")).toEqual([]);
    expect(unknownFields(null, null)).toEqual([]);
    expect(unknownFields({ a: 1 }, null)).toEqual([]);
  });
});
