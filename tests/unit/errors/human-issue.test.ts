import { z } from "zod";
import { describe, expect, it } from "vitest";
import { humanIssue, humanizeKey, issueLabel } from "@/lib/errors/human-issue";
import { fromZodError } from "@/lib/http/errors";
import { emptySpec, personaSpecSchema } from "@/lib/schemas/persona";

// Zod's issues, as people read them: the field's label and what is wrong, in words.

const first = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a failure");
  return r.error.issues[0];
};
const say = (schema: z.ZodType, value: unknown) => humanIssue(first(schema, value), { input: value });

describe("humanIssue", () => {
  const body = z.object({
    title: z.string().max(10),
    email: z.email(),
    website: z.url(),
    count: z.number().int().min(1).max(5),
    ratio: z.number().gt(0).lt(1),
    tags: z.array(z.string()).min(1).max(2),
    pair: z.array(z.string()).min(2),
    mode: z.enum(["csv", "json"]),
    kind: z.literal("spec"),
    code: z.string().min(3),
    required: z.string().min(1),
  }).strict();
  const ok = { title: "t", email: "a@b.co", website: "https://x.test", count: 2, ratio: 0.5, tags: ["a"], pair: ["a", "b"], mode: "csv", kind: "spec", code: "abc", required: "x" };

  it.each([
    ["a too-long string, with its length", { title: "x".repeat(4213) }, "Title is too long: 4,213 characters, the limit is 10 characters"],
    ["a malformed email", { email: "nope" }, "Email is not a valid email address"],
    ["a malformed URL", { website: "not a url" }, "Website is not a valid URL"],
    ["a number over its maximum", { count: 6 }, "Count must be at most 5"],
    ["a number under its minimum", { count: 0 }, "Count must be at least 1"],
    ["a fraction where a whole number goes", { count: 1.5 }, "Count must be a whole number"],
    ["an exclusive bound", { ratio: 1 }, "Ratio must be less than 1"],
    ["an exclusive lower bound", { ratio: 0 }, "Ratio must be more than 0"],
    ["a list over its maximum", { tags: ["a", "b", "c"] }, "Tags has too many items: 3 items, the limit is 2"],
    ["an empty list that needs one item", { tags: [] }, "Tags needs at least one item"],
    ["a list under its minimum", { pair: ["a"] }, "Pair needs at least 2 items"],
    ["a value outside an enum", { mode: "xml" }, "Mode must be one of “csv”, “json”"],
    ["a wrong literal", { kind: "url" }, "Kind must be “spec”"],
    ["a too-short string", { code: "ab" }, "Code must be at least 3 characters"],
    ["an empty required string", { required: "" }, "Required is required"],
    ["a missing field", { title: undefined }, "Title is required"],
    ["a wrong type", { title: 42 }, "Title must be text"],
    ["an unknown field", { zzUnknown: 1 }, "Unknown field “zzUnknown”"],
  ])("says %s in words", (_label, patch, expected) => {
    expect(say(body, { ...ok, ...patch })).toBe(expected);
  });

  it("keeps a schema author's own message, after the label", () => {
    expect(say(personaSpecSchema, { ...emptySpec(), name: "  " })).toBe("Name: Give the persona a name");
  });

  it("names spec fields by their composer labels, wherever the spec sits in the body", () => {
    const issue = first(z.object({ source: z.object({ spec: personaSpecSchema }) }), { source: { spec: { ...emptySpec(), background: "x".repeat(4100) } } });
    expect(humanIssue(issue, { input: { source: { spec: { background: "x".repeat(4100) } } } }))
      .toBe("Background is too long: 4,100 characters, the limit is 4,000 characters");
    expect(issueLabel(["spec", "archetype"])).toBe("Character type");
    expect(issueLabel(["spec", "traitTargets", "empathetic"])).toBe("Target: Empathetic");
    expect(issueLabel(["values", 3], { inSpec: true })).toBe("Values, item 4");
    expect(issueLabel(["examples", 0, "assistant"], { inSpec: true })).toBe("Example exchanges, item 1, assistant");
  });

  it("names other fields by their key in words, never by a dotted path", () => {
    expect(issueLabel(["members", 1, "personaId"])).toBe("Persona ID");
    expect(issueLabel(["strategy", "providerSpreadFirst"])).toBe("Provider spread first");
    expect(issueLabel(["values", 2])).toBe("Values, item 3");
    expect(issueLabel(["rubric", "anchors", "100"])).toBe("Anchors, 100");
    expect(humanizeKey("baseUrl")).toBe("base URL");
    expect(humanizeKey("answers_per_pair")).toBe("answers per pair");
  });

  it("without the input, still gives the limit", () => {
    expect(humanIssue(first(body, { ...ok, title: "x".repeat(11) }))).toBe("Title is too long: the limit is 10 characters");
  });
});

describe("fromZodError", () => {
  it("keeps the machine path in `field` and puts words in `message`", () => {
    const input = { spec: { ...emptySpec(), background: "x".repeat(4213) } };
    const error = z.object({ spec: personaSpecSchema }).safeParse(input).error!;
    const json = fromZodError(error, "body", input).toJSON().error;
    expect(json).toMatchObject({ code: "validation", field: "spec.background" });
    expect(json.message).toBe("Background is too long: 4,213 characters, the limit is 4,000 characters");
    expect(json.message).not.toMatch(/Too big|spec\.|<=/);
  });

  it("speaks of the body as a whole when the body itself is wrong", () => {
    const error = z.object({ a: z.string() }).safeParse([]).error!;
    expect(fromZodError(error, "body").toJSON().error).toEqual({ code: "validation", field: "body", message: "The request body must be an object" });
  });
});
