// Council files in the browser (issue 13 §7): sort picked files into member
// files (.md) and the optional seat plan (.yaml), read the import's 4xx into
// one line per problem, and list an export's files for download.

import type { CouncilText, ImportCouncilBody } from "@/lib/query/panel-hooks";

const MEMBER = /\.(md|markdown)$/i;
const PLAN = /\.ya?ml$/i;

/** The import body from picked files, or what is wrong with the selection. */
export function splitCouncilUpload(picked: readonly CouncilText[], name?: string): { body: ImportCouncilBody | null; problems: string[] } {
  const problems: string[] = [];
  const files = picked.filter((f) => MEMBER.test(f.fileName));
  const plans = picked.filter((f) => PLAN.test(f.fileName));
  for (const f of picked) {
    if (!MEMBER.test(f.fileName) && !PLAN.test(f.fileName)) problems.push(`${f.fileName}: not a member file (.md) or a seat plan (.yaml)`);
  }
  if (plans.length > 1) problems.push(`Pick one seat plan, not ${plans.length} (${plans.map((p) => p.fileName).join(", ")})`);
  if (files.length === 0) problems.push("Pick at least one council member file (.md)");
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.fileName)) problems.push(`${f.fileName} is picked twice`);
    names.add(f.fileName);
  }
  if (problems.length) return { body: null, problems };
  const body: ImportCouncilBody = { files: files.map((f) => ({ fileName: f.fileName, text: f.text })) };
  if (name?.trim()) body.name = name.trim();
  if (plans[0]) body.seatPlan = { fileName: plans[0].fileName, text: plans[0].text };
  return { body, problems };
}

type IssueLike = { file?: unknown; line?: unknown; field?: unknown; message?: unknown };

function issueLine(i: IssueLike): string | null {
  if (typeof i.message !== "string") return null;
  const where = [typeof i.file === "string" ? i.file : null, typeof i.line === "number" ? `line ${i.line}` : null].filter(Boolean).join(" ");
  return where ? `${where}: ${i.message}` : i.message;
}

/**
 * One line per problem from an import's 422: the `details.errors` list
 * ({ file, line, field, message }, every problem found) when the server sends
 * it, else its message (which already names the first file and line).
 */
export function importProblems(error: { message: string; details?: unknown }): string[] {
  const details = error.details as { errors?: unknown } | undefined;
  const issues = Array.isArray(details?.errors) ? (details.errors as IssueLike[]).map(issueLine).filter((s): s is string => !!s) : [];
  return issues.length ? issues : [error.message];
}

/** Every file an export returned, member files first, then the seat plan when there is one. */
export function exportFiles(res: { files: CouncilText[]; seatPlan?: CouncilText | null }): CouncilText[] {
  return res.seatPlan ? [...res.files, res.seatPlan] : [...res.files];
}

export const mimeFor = (fileName: string) => (PLAN.test(fileName) ? "application/yaml" : "text/markdown");
