"use client";
import { useState } from "react";
import { PanelDecisionDialog, PanelRequestReviewDialog } from "@/components/panels/panel-review-dialogs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useMe, useWorkspace } from "@/lib/query/hooks";
import { usePanelVersions } from "@/lib/query/panel-hooks";
import { usePanelReviews, useWithdrawPanelReview } from "@/lib/query/panel-review-hooks";
import type { PanelReviewStatus } from "@/lib/schemas/panel-review";
import { can } from "@/lib/schemas/workspace";

// Panel review (issue 13 §1) on the panel page: ask members to review a saved
// version, see each version's requests and decisions with their notes, and —
// for reviewers — approve or request changes. Approval reads the version's
// latest final panel probe (the decision dialog lists its flags in words).

const STATUS: Record<PanelReviewStatus, { label: string; tone: "slate" | "sky" | "green" | "amber" }> = {
  not_reviewed: { label: "not reviewed", tone: "slate" },
  in_review: { label: "in review", tone: "sky" },
  approved: { label: "approved", tone: "green" },
  changes_requested: { label: "changes requested", tone: "amber" },
};
const REQUEST_TONE = { open: "sky", approved: "green", changes_requested: "amber", withdrawn: "slate" } as const;

export function PanelReview({ workspaceId, panelId }: { workspaceId: string; panelId: string }) {
  const workspace = useWorkspace(workspaceId);
  const me = useMe();
  const versions = usePanelVersions(workspaceId, panelId);
  const reviews = usePanelReviews(workspaceId, panelId);
  const withdraw = useWithdrawPanelReview(workspaceId, panelId);
  const toast = useToast();
  const [requestOpen, setRequestOpen] = useState(false);
  const [deciding, setDeciding] = useState<{ version: number; decision: "approve" | "request_changes" } | null>(null);
  const role = workspace?.role ?? "viewer";
  const saved = (versions.data ?? []).map((v) => v.number);
  const reviewed = reviews.data?.versions ?? [];
  // Every version with a request or decision, and the newest saved one even before anyone looked at it.
  const rows = saved.length && !reviewed.some((v) => v.version === saved[0])
    ? [{ version: saved[0], status: "not_reviewed" as const, requests: [], decisions: [] }, ...reviewed]
    : reviewed;

  return (
    <Section
      id="review"
      title="Review"
      description="Ask members to review a saved version; reviewers approve it or request changes. Approval reads the version's latest final panel probe."
      actions={can.editPersona(role) && saved.length ? <Button size="sm" onClick={() => setRequestOpen(true)}>Request review</Button> : null}
    >
      {reviews.isPending || versions.isPending ? (
        <div className="h-16 animate-pulse rounded-md bg-slate-100" />
      ) : reviews.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load reviews: {reviews.error.message}</p>
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-500">Save a version to ask for a review.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Panel reviews">
          {rows.map((v) => (
            <li key={v.version} className="space-y-2 py-3" data-testid="panel-review-version">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium tabular-nums">v{v.version}</span>
                <Badge tone={STATUS[v.status].tone}>{STATUS[v.status].label}</Badge>
                {can.review(role) ? (
                  <span className="ml-auto flex gap-2">
                    <Button size="sm" onClick={() => setDeciding({ version: v.version, decision: "approve" })}>Approve</Button>
                    <Button size="sm" variant="ghost" onClick={() => setDeciding({ version: v.version, decision: "request_changes" })}>Request changes</Button>
                  </span>
                ) : null}
              </div>
              {v.requests.length ? (
                <ul className="space-y-1" aria-label={`Review requests on v${v.version}`}>
                  {v.requests.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-slate-700">
                      <span>{r.requestedBy.name} asked <strong>{r.reviewer.name}</strong></span>
                      <Badge tone={REQUEST_TONE[r.status]}>{r.status.replace("_", " ")}</Badge>
                      <span className="text-xs text-slate-500"><TimeAgo iso={r.createdAt} /></span>
                      {r.message ? <span className="w-full text-slate-600">“{r.message}”</span> : null}
                      {r.status === "open" && (r.requestedBy.id === me.data?.user.id || can.editPersona(role)) ? (
                        <Button size="sm" variant="ghost" disabled={withdraw.isPending}
                          onClick={() => withdraw.mutate(r.id, { onSuccess: () => toast(`Withdrew the request to ${r.reviewer.name}`), onError: (e) => toast(e.message) })}>
                          Withdraw
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {v.decisions.length ? (
                <ul className="space-y-1" aria-label={`Decisions on v${v.version}`}>
                  {v.decisions.map((d) => (
                    <li key={d.id} className="rounded-md bg-slate-50 px-3 py-2 text-slate-700">
                      <span className="font-medium">{d.reviewer.name}</span> {d.decision === "approved" ? "approved" : "requested changes"}
                      {d.openFlags === null ? " without a final panel probe" : d.openFlags > 0 ? ` with ${d.openFlags} open panel flag${d.openFlags === 1 ? "" : "s"}` : ""}
                      {" · "}<span className="text-xs text-slate-500"><TimeAgo iso={d.createdAt} /></span>
                      {d.note ? <p className="mt-0.5 whitespace-pre-wrap text-slate-600">{d.note}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <PanelRequestReviewDialog open={requestOpen} onClose={() => setRequestOpen(false)} workspaceId={workspaceId} panelId={panelId} versions={saved} />
      {deciding ? (
        <PanelDecisionDialog decision={deciding.decision} version={deciding.version} onClose={() => setDeciding(null)} workspaceId={workspaceId} panelId={panelId} />
      ) : null}
    </Section>
  );
}
