import { describe, expect, it } from "vitest";
import { InteropError } from "@/lib/interop";
import { memberKey, parseMemberFile, writeMemberFile } from "@/lib/interop/council";
import { COUNCIL_LIMITS } from "@/lib/schemas/council";
import { councilText, member, memberErrors, MEMBER_FILES } from "./fixtures";

const reparse = (text: string, name = "x.md") => {
  const p = parseMemberFile(text, name);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.member;
};

describe("parseMemberFile", () => {
  it("reads the known fields, the body, and keeps unknown keys in their order", () => {
    const m = member("council-socrates.md");
    expect(m.frontMatter.name).toBe("council-socrates");
    expect(memberKey(m)).toBe("socrates");
    expect(m.frontMatter.council).toMatchObject({
      figure: "Socrates", domain: "Assumption testing", polarity: "Questions every premise",
      polarity_pairs: ["feynman"], triads: ["ethics"], profiles: ["classic", "exploration-orthogonal"],
    });
    // Unknown keys (model, color, duo_keywords, mcp_affinity) are kept, in file order.
    expect(Object.keys(m.frontMatter)).toEqual(["name", "description", "model", "color", "council"]);
    expect(Object.keys(m.frontMatter.council)).toEqual(["figure", "domain", "polarity", "polarity_pairs", "triads", "duo_keywords", "profiles", "mcp_affinity"]);
    expect(m.frontMatter.council.mcp_affinity).toEqual(["anthropic"]);
    const text = councilText("council-socrates.md");
    expect(m.body).toBe(text.slice(text.indexOf("\n---\n") + 5));
    expect(m.body.startsWith("\n## Identity\n")).toBe(true);
  });

  it.each(MEMBER_FILES)("%s: an unedited member writes back byte for byte", (name) => {
    const text = councilText(name);
    expect(writeMemberFile(member(name))).toBe(text);
  });

  it("round-trips edited front matter: unknown keys, nested unknowns and their order survive, the body is untouched", () => {
    const m = member("council-aurelius.md");
    const edited = structuredClone(m);
    edited.frontMatter.council.polarity = "Governs itself first";
    edited.frontMatter.council.polarity_pairs = ["sun-tzu", "socrates"];
    const text = writeMemberFile(edited);
    expect(text).not.toBe(councilText("council-aurelius.md"));
    expect(text).toContain("  polarity_pairs: [sun-tzu, socrates]\n");
    const again = reparse(text);
    expect(again.frontMatter).toEqual(edited.frontMatter);
    expect(Object.keys(again.frontMatter)).toEqual(["name", "description", "council", "x-notes"]);
    expect(again.frontMatter["x-notes"]).toEqual({ reviewed: "2026-11-30", by: "Ana Ruiz" });
    expect(again.body).toBe(m.body);
    // parse → write → parse is stable from here on.
    expect(writeMemberFile(again)).toBe(text);
  });

  it("keeps CRLF line endings and a body whose own lines are `---`", () => {
    const text = "---\r\nname: council-x\r\ncouncil: {figure: X, domain: d, polarity: p}\r\n---\r\nYou are X.\r\n---\r\nStill the prompt.\r\n";
    const m = reparse(text);
    expect(m.body).toBe("You are X.\r\n---\r\nStill the prompt.\r\n");
    expect(writeMemberFile(m)).toBe(text);
    const edited = { ...m, frontMatter: { ...m.frontMatter, description: "new" } };
    const out = writeMemberFile(edited);
    expect(out.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(reparse(out).frontMatter.description).toBe("new");
  });

  it("writes a member without source text in the project's style", () => {
    const m = member("council-feynman.md");
    const fresh = { frontMatter: m.frontMatter, body: m.body };
    const text = writeMemberFile(fresh);
    expect(text).toMatch(/^---\nname: council-feynman\n/);
    expect(text).toContain("  polarity_pairs: [socrates]\n");
    expect(reparse(text).frontMatter).toEqual(m.frontMatter);
  });

  it("warns when the file name and the member name disagree", () => {
    const p = parseMemberFile(councilText("council-socrates.md"), "council-plato.md");
    expect(p.ok && p.warnings.map((w) => w.field)).toEqual(["name"]);
  });
});

describe("parseMemberFile: malformed files", () => {
  it("no front matter", () => {
    const [e] = memberErrors("## Identity\nYou are Socrates.\n");
    expect(e).toMatchObject({ file: "council-x.md", line: 1, field: "front_matter" });
    expect(e.message).toMatch(/no front matter/);
  });

  it("front matter never closed", () => {
    const [e] = memberErrors("---\nname: council-x\n\nYou are X.\n");
    expect(e.message).toMatch(/never closed/);
  });

  it("bad YAML names its line in the file", () => {
    const text = "---\nname: council-x\ncouncil:\n  figure: X\n  polarity_pairs: [a, b\n  domain: d\n---\nbody\n";
    const [e] = memberErrors(text);
    expect(e.field).toBe("front_matter");
    expect(e.message).toMatch(/^Not valid YAML/);
    // The unclosed list opens on line 5; the parser notices on line 6, where the next key starts.
    expect(e.line).toBe(6);
  });

  it("a duplicate key is an error with the line of the second one", () => {
    const [e] = memberErrors("---\nname: council-x\nname: council-y\ncouncil: {figure: X, domain: d, polarity: p}\n---\nbody\n");
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/unique|duplicate/i);
  });

  it("missing name names the field", () => {
    const errors = memberErrors("---\ndescription: hi\ncouncil:\n  figure: X\n  domain: d\n  polarity: p\n---\nbody\n");
    // No node to point at: the line is where the front matter starts.
    expect(errors).toEqual([{ file: "council-x.md", line: 2, field: "name", message: "name is missing" }]);
  });

  it("a missing or wrongly typed council field names it with its line", () => {
    const errors = memberErrors("---\nname: council-x\ncouncil:\n  figure: X\n  domain: d\n  polarity_pairs: feynman\n---\nbody\n");
    const fields = errors.map((e) => e.field);
    expect(fields).toContain("council.polarity");
    expect(fields).toContain("council.polarity_pairs");
    expect(errors.find((e) => e.field === "council.polarity")).toMatchObject({ line: 3, message: "council.polarity is missing" });
    expect(errors.find((e) => e.field === "council.polarity_pairs")).toMatchObject({ line: 6, message: 'council.polarity_pairs must be a list, not text ("feynman")' });
  });

  it("front matter that is not a mapping, or empty", () => {
    expect(memberErrors("---\n- a\n- b\n---\nbody\n")[0].message).toMatch(/mapping.*not a list/);
    expect(memberErrors("---\n---\nbody\n")[0].message).toMatch(/mapping.*not empty/);
  });

  it("an empty body", () => {
    const [e] = memberErrors("---\nname: council-x\ncouncil: {figure: X, domain: d, polarity: p}\n---\n\n  \n");
    expect(e).toMatchObject({ field: "body", line: 5 });
  });

  it("an oversize file is refused before parsing", () => {
    const text = `---\nname: council-x\ncouncil: {figure: X, domain: d, polarity: p}\n---\n${"x".repeat(COUNCIL_LIMITS.memberFileChars)}`;
    const [e] = memberErrors(text);
    expect(e).toMatchObject({ field: "file" });
    expect(e.message).toMatch(/at most 64000/);
  });

  it("a body over the prompt limit names the body", () => {
    const text = `---\nname: council-x\ncouncil: {figure: X, domain: d, polarity: p}\n---\n${"x".repeat(COUNCIL_LIMITS.bodyChars + 1)}`;
    expect(memberErrors(text)[0]).toMatchObject({ field: "body", line: 5 });
  });

  it("an alias bomb is an error, not a hang", () => {
    const letter = (i: number) => String.fromCharCode(97 + i);
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) lines.push(`${letter(i + 1)}: &${letter(i + 1)} [${Array(10).fill(`*${letter(i)}`).join(", ")}]`);
    const [e] = memberErrors(`---\n${lines.join("\n")}\n---\nbody\n`);
    expect(e).toMatchObject({ field: "front_matter", message: expect.stringMatching(/^Not valid YAML: .*alias/) });
  });

  it("writeMemberFile refuses a member a council could not read back", () => {
    const m = member("council-feynman.md");
    const bad = { ...m, frontMatter: { ...m.frontMatter, council: { ...m.frontMatter.council, figure: "" } } };
    expect(() => writeMemberFile(bad)).toThrow(InteropError);
    expect(() => writeMemberFile({ ...m, body: " \n" })).toThrow(/system prompt/);
  });
});
