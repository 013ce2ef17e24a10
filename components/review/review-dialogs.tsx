"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { reviewFlagsLine, type SummaryFlag } from "@/components/probes/flag-acknowledgement";
import { useMe, useMembers } from "@/lib/query/hooks";
import { useDecide, useRequestReview } from "@/lib/query/review-hooks";
import type { VersionReview } from "@/lib/schemas/review";
import { roleAtLeast } from "@/lib/schemas/workspace";

// "Request review" (pick members who may review) and the decision dialog
// (approve with the probe report's warnings in view, or say what to change).
// The decision dialog sums the latest report's flags up in one line: the open
// ones, and the ones acknowledged as expected for the persona with their reasons.

/** The members who may review (others than me, reviewer or above), each with a checkbox; used for personas and panels. */
export function ReviewerPicker({
  workspaceId, picked, onChange, error,
}: { workspaceId: string; picked: string[]; onChange: (update: (picked: string[]) => string[]) => void; error?: string }) {
  const members = useMembers(workspaceId);
  const me = useMe();
  const candidates = (members.data ?? []).filter((m) => m.userId !== me.data?.user.id && roleAtLeast(m.role, "reviewer"));
  return (
    <Field label="Reviewers" error={error}>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-500">Nobody else here can review yet. Add a member with the reviewer, editor or owner role in Members &amp; settings.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {candidates.map((m) => (
            <li key={m.userId}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                <input type="checkbox" checked={picked.includes(m.userId)} onChange={(e) => onChange((p) => (e.target.checked ? [...p, m.userId] : p.filter((x) => x !== m.userId)))} />
                <span className="font-medium">{m.name}</span>
                <span className="text-xs text-slate-500">{m.email} · {m.role}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}

export function RequestReviewDialog({
  open, onClose, workspaceId, personaId, version,
}: { open: boolean; onClose: () => void; workspaceId: string; personaId: string; version: number }) {
  const request = useRequestReview(workspaceId, personaId);
  const toast = useToast();
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState("");

  function submit() {
    request.mutate({ version, reviewerIds: picked, message }, {
      onSuccess: (rows) => { toast(`Asked ${rows.map((r) => r.reviewer.name).join(", ")} to review v${version}`); setPicked([]); setMessage(""); onClose(); },
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Request a review of v${version}`} description="Reviewers see it in their review queue; the persona goes to “In review”."
      footer={<><Button variant="ghost" onClick={onClose}>Cancel</Button><Button variant="primary" disabled={!picked.length || request.isPending} onClick={submit}>Request review</Button></>}>
      <div className="space-y-4">
        <ReviewerPicker workspaceId={workspaceId} picked={picked} onChange={setPicked} error={request.error?.message} />
        <Field label="Message (optional)" htmlFor="review-message">
          <Textarea id="review-message" value={message} onChange={(e) => setMessage(e.target.value)} placeholder="What should they look at?" />
        </Field>
      </div>
    </Dialog>
  );
}

export function DecisionDialog({
  decision, onClose, workspaceId, personaId, review, flags,
}: {
  decision: "approve" | "request_changes" | null; onClose: () => void; workspaceId: string; personaId: string; review: VersionReview;
  /** The latest report's flags, acknowledged ones marked (null: no report): summed up in one line above the note. */
  flags?: readonly SummaryFlag[] | null;
}) {
  const decide = useDecide(workspaceId, personaId, review.version);
  const toast = useToast();
  const [note, setNote] = useState("");
  const approve = decision === "approve";
  const blocked = approve && review.blockers.length > 0;

  function submit() {
    if (!decision) return;
    decide.mutate({ decision, note }, {
      onSuccess: () => { toast(approve ? `Approved v${review.version}` : `Requested changes on v${review.version}`); setNote(""); onClose(); },
    });
  }

  return (
    <Dialog open={decision !== null} onClose={onClose} title={approve ? `Approve v${review.version}` : `Request changes on v${review.version}`}
      description={approve ? "Approval is recorded on this version, with what its probe report said at this moment." : "The persona goes to “Changes requested”; say what should change."}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant={approve ? "primary" : "danger"} disabled={blocked || decide.isPending || (!approve && !note.trim())} onClick={submit}>
            {approve ? (review.warnings.length ? "Approve anyway" : "Approve") : "Request changes"}
          </Button>
        </>
      }>
      <div className="space-y-4">
        {approve && (review.blockers.length || review.warnings.length) ? (
          <div className={`rounded-lg border px-4 py-3 text-sm ${blocked ? "border-rose-200 bg-rose-50 text-rose-900" : "border-amber-200 bg-amber-50 text-amber-900"}`} role="alert">
            <p className="font-medium">{blocked ? "This workspace only approves versions with a clean probe report." : "Worth a second look before approving:"}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">{[...review.blockers, ...review.warnings].map((w) => <li key={w}>{w}</li>)}</ul>
          </div>
        ) : null}
        {flags ? (
          <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="decision-flags">
            {reviewFlagsLine(flags)}
          </p>
        ) : null}
        <Field label={approve ? "Note (optional)" : "What should change"} htmlFor="decision-note" error={decide.error?.message}>
          <Textarea id="decision-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder={approve ? "Lands where we wanted." : "e.g. The firm boundary collapses in the second answer."} />
        </Field>
      </div>
    </Dialog>
  );
}
