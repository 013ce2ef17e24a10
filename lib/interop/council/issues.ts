import { InteropError } from "@/lib/interop/errors";
import type { CouncilIssue } from "@/lib/schemas/council";

/** "council-socrates.md line 7: council.figure is missing" */
export function formatIssue(issue: CouncilIssue): string {
  const where = [issue.file, issue.line ? `line ${issue.line}` : null].filter(Boolean).join(" ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * The first issue as an InteropError (field + a message naming file and line),
 * for a route that answers 422 with the field, like every other import.
 */
export function councilIssuesError(issues: readonly CouncilIssue[]): InteropError {
  const first = issues[0] ?? { field: "file", message: "The council file is not valid" };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return new InteropError(first.field, `${formatIssue(first)}${more}`);
}
