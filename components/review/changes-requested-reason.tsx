"use client";
import Link from "next/link";
import { useVersionReview } from "@/lib/query/review-hooks";
import type { ReviewDecision } from "@/lib/schemas/review";

// "Changes requested" always comes with its reason (issue 16 §7): next to the
// status in the editor header, the newest request-changes note of the version.

export function latestChangeRequest(decisions: readonly ReviewDecision[]): ReviewDecision | null {
  return [...decisions].reverse().find((d) => d.decision === "changes_requested") ?? null;
}

export function ChangesRequestedReason({ workspaceId, personaId, version }: { workspaceId: string; personaId: string; version: number }) {
  const review = useVersionReview(workspaceId, personaId, version);
  const d = review.data ? latestChangeRequest(review.data.decisions) : null;
  if (!d) return null;
  return (
    <Link
      href={`/w/${workspaceId}/personas/${personaId}/versions/${version}`}
      className="max-w-full truncate text-xs text-amber-900 hover:underline sm:max-w-xs"
      title={`${d.reviewer.name}: ${d.note}`}
      data-testid="changes-requested-reason"
    >
      {d.reviewer.name}: “{d.note}”
    </Link>
  );
}
