import { InteropError, isRecord, parseWith, type InteropWarning } from "@/lib/interop/errors";
import { readYamlMapping, sameData, writeYaml, zodIssues } from "@/lib/interop/council/yaml-text";
import { COUNCIL_LIMITS, memberFrontMatterSchema, type CouncilIssue, type MemberFrontMatter } from "@/lib/schemas/council";

// A council member file: YAML front matter between `---` lines, then a Markdown
// body that is the member's system prompt. Format as in
// github.com/0xNyk/council-of-high-intelligence agents/council-*.md (see
// lib/schemas/council.ts for an example and the fields).
//
// What a round trip keeps:
// - the body, byte for byte (everything after the closing `---` line);
// - every front-matter key, known or not, in its order (the parsed YAML is kept
//   as it is and only validated);
// - the front-matter text itself while the data is unchanged (comments, quoting
//   and flow style included); once edited, the front matter is written afresh
//   (block mappings, flow lists) and comments are lost;
// - the file's line ending for the delimiter lines. A byte-order mark is dropped.

export type CouncilMember = {
  /** The front matter as parsed: known fields validated, unknown ones kept, key order as in the file. */
  frontMatter: MemberFrontMatter;
  /** The system prompt, exactly as it follows the closing `---` line. */
  body: string;
  /** The file name it came from, for messages ("council-socrates.md"). */
  fileName?: string;
  /** The front-matter text as read; written back as is while `frontMatter` still says the same. */
  frontMatterText?: string;
  /** Line ending of the delimiter lines. */
  eol?: "\n" | "\r\n";
};

export type MemberParse =
  | { ok: true; member: CouncilMember; warnings: InteropWarning[] }
  | { ok: false; errors: CouncilIssue[] };

/** The prefix the project's member names carry ("council-socrates"); pairs and seats use the name without it. */
export const MEMBER_NAME_PREFIX = "council-";

/** A member's key: its name without the "council-" prefix ("council-sun-tzu" → "sun-tzu"), as pairs and seats name it. */
export function memberKey(nameOrMember: string | CouncilMember): string {
  const name = typeof nameOrMember === "string" ? nameOrMember : nameOrMember.frontMatter.name;
  return name.startsWith(MEMBER_NAME_PREFIX) ? name.slice(MEMBER_NAME_PREFIX.length) : name;
}

const OPENING = /^---[ \t]*(\r?\n)/;
const CLOSING = /^---[ \t]*$/m;

/** Splits a member file into front-matter text and body; null when there is no front matter. */
function split(text: string): { frontMatter: string; body: string; bodyLine: number; eol: "\n" | "\r\n" } | { error: string; line?: number } {
  const opening = OPENING.exec(text);
  if (!opening) {
    return { error: "The file has no front matter: a council member file starts with a line `---`, then YAML (name, description, council), then `---`, then the system prompt", line: 1 };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { error: "The front matter is never closed: add a line `---` after the YAML, before the system prompt", line: 1 };
  const frontMatter = rest.slice(0, closing.index).replace(/\r?\n$/, "");
  let bodyStart = closing.index + closing[0].length;
  if (rest.startsWith("\r\n", bodyStart)) bodyStart += 2;
  else if (rest[bodyStart] === "\n") bodyStart += 1;
  const bodyLine = 2 + (rest.slice(0, bodyStart).match(/\n/g)?.length ?? 0);
  return { frontMatter, body: rest.slice(bodyStart), bodyLine, eol: opening[1] === "\r\n" ? "\r\n" : "\n" };
}

/** Reads a council member file. Errors name the file, the line and the field; nothing throws. */
export function parseMemberFile(input: string, fileName?: string): MemberParse {
  const file = fileName ? { file: fileName } : {};
  const fail = (field: string, message: string, line?: number): MemberParse => ({ ok: false, errors: [{ ...file, ...(line ? { line } : {}), field, message }] });
  if (typeof input !== "string") return fail("file", "A council member file must be text");
  if (input.length > COUNCIL_LIMITS.memberFileChars) {
    return fail("file", `The file has ${input.length} characters; a council member file has at most ${COUNCIL_LIMITS.memberFileChars}`);
  }
  const text = input.replace(/^\uFEFF/, "");
  const parts = split(text);
  if ("error" in parts) return fail("front_matter", parts.error, parts.line);

  const yaml = readYamlMapping(parts.frontMatter, { ...file, firstLine: 2, field: "front_matter" });
  if (!yaml.ok) return yaml;
  const checked = memberFrontMatterSchema.safeParse(yaml.value);
  if (!checked.success) return { ok: false, errors: zodIssues(checked.error, { ...file, prefix: "", value: yaml.value, locate: yaml.locate }) };

  if (parts.body.length > COUNCIL_LIMITS.bodyChars) {
    return fail("body", `The system prompt (body) has ${parts.body.length} characters; a persona's prompt has at most ${COUNCIL_LIMITS.bodyChars}`, parts.bodyLine);
  }
  if (!parts.body.trim()) return fail("body", "The system prompt (the text after the front matter) is empty", parts.bodyLine);

  const frontMatter = yaml.value as MemberFrontMatter;
  const warnings: InteropWarning[] = [];
  const stem = fileName?.replace(/^.*[\\/]/, "").replace(/\.md$/i, "");
  if (stem && stem !== frontMatter.name && memberKey(stem) !== memberKey(frontMatter.name)) {
    warnings.push({ field: "name", message: `${fileName} says its name is "${frontMatter.name}"; the council refers to it by "${memberKey(frontMatter.name)}"` });
  }
  return {
    ok: true,
    member: { frontMatter, body: parts.body, ...(fileName ? { fileName } : {}), frontMatterText: parts.frontMatter, eol: parts.eol },
    warnings,
  };
}

/**
 * The member as a file. Throws InteropError naming the field when the member
 * is not one a council could read back (a missing name, a figure too long).
 */
export function writeMemberFile(member: CouncilMember): string {
  if (!isRecord(member) || !isRecord(member.frontMatter)) throw new InteropError("front_matter", "A council member needs front matter");
  parseWith(memberFrontMatterSchema, member.frontMatter, "");
  if (typeof member.body !== "string" || !member.body.trim()) throw new InteropError("body", "A council member needs a system prompt (the body)");
  if (member.body.length > COUNCIL_LIMITS.bodyChars) throw new InteropError("body", `The system prompt has more than ${COUNCIL_LIMITS.bodyChars} characters`);
  const eol = member.eol ?? "\n";
  let frontMatter: string | null = null;
  if (member.frontMatterText !== undefined) {
    const before = readYamlMapping(member.frontMatterText, { firstLine: 2, field: "front_matter" });
    if (before.ok && sameData(before.value, member.frontMatter)) frontMatter = member.frontMatterText;
  }
  if (frontMatter === null) {
    frontMatter = writeYaml(member.frontMatter).replace(/\n$/, "");
    if (eol === "\r\n") frontMatter = frontMatter.replace(/\r?\n/g, "\r\n");
  }
  return `---${eol}${frontMatter}${eol}---${eol}${member.body}`;
}

/** A new member (no file yet) from its parts; the body is the system prompt. */
export function newMember(frontMatter: MemberFrontMatter, body: string): CouncilMember {
  return { frontMatter, body };
}
