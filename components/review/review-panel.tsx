"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { StatusBadge } from "@/components/personas/status-badge";
import { DecisionDialog, RequestReviewDialog } from "@/components/review/review-dialogs";
import { latestChangeRequest } from "@/components/review/changes-requested-reason";
import { Markdown } from "@/components/review/markdown";
import { flagTraitName, reviewGroups, type SummaryFlag } from "@/components/probes/flag-acknowledgement";
import { useVersionReview } from "@/lib/query/review-hooks";
import type { FlagAcknowledged } from "@/lib/schemas/acknowledgement";
import type { PersonaStatus } from "@/lib/schemas/persona";
import { can, type Role } from "@/lib/schemas/workspace";

// The review state of one version: the persona's status, what the version's
// newest probe report says (the approval policy's input), who was asked, who
// decided what — and the actions the caller's role allows. Flags acknowledged
// as expected for the persona (issue 12 §7) are listed apart, with their
// reasons, never as open problems.

/** A flag as the review box lists it (the review state's short form). */
export type ReviewFlag = SummaryFlag & { id: string; acknowledged?: FlagAcknowledged | null };

export function ReviewPanel({ workspaceId, personaId, version, role, archived }: { workspaceId: string; personaId: string; version: number; role: Role; archived: boolean }) {
  const review = useVersionReview(workspaceId, personaId, version);
  const [requesting, setRequesting] = useState(false);
  const [decision, setDecision] = useState<"approve" | "request_changes" | null>(null);
  const base = `/w/${workspaceId}/personas/${personaId}`;
  if (review.isPending) return <div className="h-40 animate-pulse rounded-xl bg-slate-100" />;
  if (review.isError) return <Card className="px-5 py-4 text-sm text-rose-700">Could not load the review: {review.error.message}</Card>;
  const r = review.data;
  const approvedHere = r.approvedVersion === version;
  // The review state's flags carry `expected` (came with the character type) and `acknowledged` (with the reason).
  const flags: ReviewFlag[] | null = r.report ? r.report.flags : null;
  const { open, came, acknowledged } = reviewGroups(flags ?? []);
  const changeRequest = latestChangeRequest(r.decisions);
  const approveRefused = [...r.blockers, ...(r.selfApproval ? [r.selfApproval] : [])];

  return (
    <Card className="px-5 py-4" aria-label="Review">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">Review</h2>
        <StatusBadge status={r.status as PersonaStatus} />
        {approvedHere ? <Badge tone="green">v{version} approved</Badge> : r.approvedVersion ? <span className="text-xs text-slate-500">v{r.approvedVersion} is the approved version</span> : null}
        {version < r.latestVersion ? <span className="text-xs text-slate-500">· v{r.latestVersion} is newer</span> : null}
      </div>
      {r.status === "changes_requested" && changeRequest ? (
        <div className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-200" data-testid="review-change-reason">
          <p className="text-xs font-medium">{changeRequest.reviewer.name} requested changes on v{changeRequest.version}:</p>
          <Markdown source={changeRequest.note} className="mt-1 text-amber-950" />
        </div>
      ) : null}

      <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50/60 px-3 py-2.5 text-sm">
        {r.report ? (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">Probe report</span>
              <span className="text-xs text-slate-500">on {r.report.simulated ? "the simulator" : r.report.model}{r.report.finishedAt ? <>, <TimeAgo iso={r.report.finishedAt} /></> : null}</span>
              <Link className="ml-auto text-xs font-medium text-brand-700 hover:underline" href={`${base}/probes/${r.report.runId}`}>Open report →</Link>
            </div>
            {open.length ? (
              <ul className="mt-1.5 space-y-1" aria-label="Open flags">
                {open.map((f) => (
                  <li key={f.id} className="flex items-start gap-2 text-xs"><Badge tone={f.severity === "alert" ? "rose" : "amber"}>{f.kind}</Badge><span className="pt-0.5">{f.title}</span></li>
                ))}
              </ul>
            ) : <p className="mt-1 text-xs text-emerald-700">No open flags.</p>}
            {came.length ? (
              <p className="mt-1.5 text-xs text-slate-600" data-testid="review-came">
                <span className="font-medium">Came with the character type ({came.length}):</span> {came.map(flagTraitName).join(", ")} — not counted as open; acknowledge them on the report if they are expected.
              </p>
            ) : null}
            {acknowledged.length ? (
              <details className="mt-1.5 text-xs" data-testid="review-acknowledged">
                <summary className="cursor-pointer text-slate-600">Acknowledged as expected for this persona ({acknowledged.length})</summary>
                <ul className="mt-1 space-y-1" aria-label="Acknowledged flags">
                  {acknowledged.map((f) => (
                    <li key={f.id} className="flex items-start gap-2">
                      <Badge tone="green">expected</Badge>
                      <span className="min-w-0 pt-0.5"><span className="text-slate-800">{f.title}</span> <span className="text-slate-500">— {f.acknowledged!.reason}</span></span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        ) : (
          <p className="text-slate-600">No probe report for v{version} yet. <Link className="font-medium text-brand-700 hover:underline" href={`${base}/probes`}>Probe it</Link> to see where it lands before approving.</p>
        )}
        <p className="mt-2 text-[11px] text-slate-500">
          Workspace policy: {r.policy === "block" ? "approval needs a probe report without open flags" : "approval without a clean probe report shows a warning"}.
        </p>
      </div>

      {!archived ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {can.review(role) ? (
            <>
              <Button variant="primary" size="sm" onClick={() => setDecision("approve")} disabled={approveRefused.length > 0} title={approveRefused.join(" ")} aria-describedby={approveRefused.length ? "approve-refused" : undefined}>Approve v{version}</Button>
              <Button size="sm" onClick={() => setDecision("request_changes")}>Request changes</Button>
            </>
          ) : null}
          {can.editPersona(role) ? <Button size="sm" variant="ghost" onClick={() => setRequesting(true)}>Request review…</Button> : null}
        </div>
      ) : null}
      {approveRefused.length && can.review(role) && !archived ? <p id="approve-refused" className="mt-2 text-xs text-rose-700" data-testid="approve-refused">{approveRefused.join(" ")}</p> : null}

      {r.requests.length || r.decisions.length ? (
        <ul className="mt-4 space-y-2 border-t border-slate-100 pt-3 text-sm" aria-label="Requests and decisions">
          {r.requests.map((q) => (
            <li key={q.id} className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
              <span><b className="text-slate-800">{q.requestedBy.name}</b> asked <b className="text-slate-800">{q.reviewer.name}</b></span>
              <TimeAgo iso={q.createdAt} />
              <Badge tone={q.status === "open" ? "sky" : q.status === "approved" ? "green" : q.status === "changes_requested" ? "amber" : "slate"}>{q.status.replace("_", " ")}</Badge>
              {q.message ? <Markdown source={q.message} className="w-full text-xs leading-5 text-slate-600" /> : null}
            </li>
          ))}
          {r.decisions.map((d) => (
            <li key={d.id} className="text-xs text-slate-600">
              <Badge tone={d.decision === "approved" ? "green" : "amber"}>{d.decision === "approved" ? "approved" : "changes requested"}</Badge>{" "}
              by <b className="text-slate-800">{d.reviewer.name}</b>, <TimeAgo iso={d.createdAt} />
              {d.openFlags === null ? " · no probe report" : d.openFlags ? ` · ${d.openFlags} open flag${d.openFlags === 1 ? "" : "s"}` : " · clean report"}
              {d.note ? <span className="block text-slate-500">“{d.note}”</span> : null}
            </li>
          ))}
        </ul>
      ) : null}

      <RequestReviewDialog open={requesting} onClose={() => setRequesting(false)} workspaceId={workspaceId} personaId={personaId} version={version} />
      <DecisionDialog decision={decision} onClose={() => setDecision(null)} workspaceId={workspaceId} personaId={personaId} review={r} flags={flags} />
    </Card>
  );
}
