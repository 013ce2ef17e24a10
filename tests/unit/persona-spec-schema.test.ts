import { describe, expect, it } from "vitest";
import { fromZodError } from "@/lib/http/errors";
import { emptySpec, personaSpecSchema } from "@/lib/schemas/persona";

const valid = { ...emptySpec("Nurse Ada"), traitTargets: { empathetic: 80 } };

function firstIssue(input: unknown) {
  const result = personaSpecSchema.safeParse(input);
  expect(result.success).toBe(false);
  return { path: result.error!.issues[0].path.map(String).join("."), error: result.error! };
}

describe("personaSpecSchema", () => {
  it("accepts a complete spec, including the extremes 0 and 100", () => {
    expect(personaSpecSchema.safeParse(valid).success).toBe(true);
    expect(personaSpecSchema.safeParse({ ...valid, traitTargets: { empathetic: 0, firm: 100 } }).success).toBe(true);
  });

  it.each([
    ["above 100", 101],
    ["below 0", -1],
    ["not an integer", 50.5],
    ["a string", "80"],
  ])("rejects a trait target %s and names the trait", (_label, target) => {
    expect(firstIssue({ ...valid, traitTargets: { empathetic: target } }).path).toBe("traitTargets.empathetic");
  });

  it("rejects a trait key that is not lower_snake_case", () => {
    const { path, error } = firstIssue({ ...valid, traitTargets: { "Bad Key": 50 } });
    expect(path).toBe("traitTargets.Bad Key");
    expect(error.issues[0].code).toBe("invalid_key");
  });

  it("requires a name, and a blank one is not a name", () => {
    const { name: _name, ...withoutName } = valid;
    expect(firstIssue(withoutName).path).toBe("name");
    const blank = firstIssue({ ...valid, name: "   " });
    expect(blank.path).toBe("name");
    expect(blank.error.issues[0].message).toBe("Give the persona a name");
  });

  it("names nested fields, e.g. the voice register", () => {
    expect(firstIssue({ ...valid, voice: { ...valid.voice, register: "shouty" } }).path).toBe("voice.register");
  });

  it("caps the number of trait targets at 40", () => {
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`trait_${i}`, 50]));
    expect(firstIssue({ ...valid, traitTargets: many }).path).toBe("traitTargets");
  });
});

describe("fromZodError (what the API reports)", () => {
  it("turns a body issue into 422 with the dotted field path", () => {
    const error = personaSpecSchema.safeParse({ ...valid, traitTargets: { empathetic: 101 } }).error!;
    const appError = fromZodError(error, "body");
    expect(appError.status).toBe(422);
    expect(appError.toJSON().error.field).toBe("traitTargets.empathetic");
  });

  it("turns a params issue into a plain 404 that reveals nothing", () => {
    const error = personaSpecSchema.safeParse({}).error!;
    const appError = fromZodError(error, "params");
    expect(appError.status).toBe(404);
    expect(appError.toJSON().error).toEqual({ code: "not_found", message: "Not found" });
  });
});

describe("personaSpecSchema · scenarios", () => {
  const scenario = { id: "s1", message: "I bought this 45 days ago. Refund me." };

  it("parses a spec saved before scenarios existed to an empty list", () => {
    const { scenarios: _s, ...old } = valid;
    expect(personaSpecSchema.parse(old).scenarios).toEqual([]);
  });

  it("accepts context turns, a note and tags", () => {
    const full = { ...scenario, context: [{ role: "user", content: "hi" }, { role: "assistant", content: "Hello" }], note: "Names the policy", tags: ["refund"] };
    expect(personaSpecSchema.parse({ ...valid, scenarios: [full] }).scenarios).toEqual([full]);
  });

  it.each([
    ["an empty message", [{ ...scenario }, { id: "s2", message: " " }], "scenarios.1.message"],
    ["a message over 2000 characters", [{ id: "s1", message: "x".repeat(2001) }], "scenarios.0.message"],
    ["a note over 500 characters", [{ ...scenario, note: "x".repeat(501) }], "scenarios.0.note"],
    ["seven context turns", [{ ...scenario, context: Array.from({ length: 7 }, () => ({ role: "user", content: "a" })) }], "scenarios.0.context"],
    ["a system turn", [{ ...scenario, context: [{ role: "system", content: "a" }] }], "scenarios.0.context.0.role"],
    ["a bad id", [{ ...scenario, id: "has space" }], "scenarios.0.id"],
    ["101 scenarios", Array.from({ length: 101 }, (_, i) => ({ id: `s${i}`, message: "m" })), "scenarios"],
    ["duplicate ids", [scenario, scenario], "scenarios"],
  ])("rejects %s and names the path", (_label, scenarios, path) => {
    const issue = firstIssue({ ...valid, scenarios });
    expect(issue.path).toBe(path);
    expect(fromZodError(issue.error, "body").options.field).toBe(path);
  });
});
