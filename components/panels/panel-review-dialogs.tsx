"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { ReviewerPicker } from "@/components/review/review-dialogs";
import { useDecidePanelVersion, usePanelVersionReview, useRequestPanelReview } from "@/lib/query/panel-review-hooks";
import type { PanelVersionReview } from "@/lib/schemas/panel-review";

// "Request review" of a saved panel version (pick members who may review), and
// the decision dialog: approve with the version's latest final panel probe and
// its open flags in plain words in view, or say what should change.

export function PanelRequestReviewDialog({
  open, onClose, workspaceId, panelId, versions,
}: { open: boolean; onClose: () => void; workspaceId: string; panelId: string; versions: number[] }) {
  const request = useRequestPanelReview(workspaceId, panelId);
  const toast = useToast();
  const [version, setVersion] = useState<number | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const chosen = version ?? versions[0] ?? null;

  function submit() {
    if (chosen === null) return;
    request.mutate({ version: chosen, reviewerIds: picked, message }, {
      onSuccess: (rows) => { toast(`Asked ${rows.map((r) => r.reviewer.name).join(", ")} to review v${chosen}`); setPicked([]); setMessage(""); onClose(); },
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title="Request a review of the panel" description="Reviewers see it in their review queue and approve the version or request changes."
      footer={<><Button variant="ghost" onClick={onClose}>Cancel</Button><Button variant="primary" disabled={!picked.length || chosen === null || request.isPending} onClick={submit}>Request review</Button></>}>
      <div className="space-y-4">
        <Field label="Version" htmlFor="panel-review-version">
          <Select id="panel-review-version" value={chosen ?? ""} onChange={(e) => setVersion(Number(e.target.value))}>
            {versions.map((n) => <option key={n} value={n}>v{n}</option>)}
          </Select>
        </Field>
        <ReviewerPicker workspaceId={workspaceId} picked={picked} onChange={setPicked} error={request.error?.message} />
        <Field label="Message (optional)" htmlFor="panel-review-message">
          <Textarea id="panel-review-message" value={message} onChange={(e) => setMessage(e.target.value)} placeholder="e.g. Do the skeptic and the doubter really differ?" />
        </Field>
      </div>
    </Dialog>
  );
}

export function PanelDecisionDialog({
  decision, version, onClose, workspaceId, panelId,
}: { decision: "approve" | "request_changes" | null; version: number; onClose: () => void; workspaceId: string; panelId: string }) {
  const review = usePanelVersionReview(workspaceId, panelId, decision ? version : null);
  const decide = useDecidePanelVersion(workspaceId, panelId, version);
  const toast = useToast();
  const [note, setNote] = useState("");
  const approve = decision === "approve";
  const state = review.data;
  const blocked = approve && (state?.blockers.length ?? 0) > 0;

  function submit() {
    if (!decision) return;
    decide.mutate({ decision, note }, {
      onSuccess: () => { toast(approve ? `Approved v${version}` : `Requested changes on v${version}`); setNote(""); onClose(); },
    });
  }

  return (
    <Dialog open={decision !== null} onClose={onClose} title={approve ? `Approve v${version} of the panel` : `Request changes on v${version}`}
      description={approve ? "The approval is recorded on this version, with what its latest final panel probe said at this moment." : "Say what should change."}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant={approve ? "primary" : "danger"} disabled={!state || blocked || decide.isPending || (!approve && !note.trim())} onClick={submit}>
            {approve ? (state?.warnings.length ? "Approve anyway" : "Approve") : "Request changes"}
          </Button>
        </>
      }>
      <div className="space-y-4">
        {review.isError ? <p role="alert" className="text-sm text-rose-600">Could not load the review state: {review.error.message}</p> : null}
        {approve && state ? <ApprovalGate state={state} /> : null}
        <Field label={approve ? "Note (optional)" : "What should change"} htmlFor="panel-decision-note" error={decide.error?.message}>
          <Textarea id="panel-decision-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder={approve ? "The members land apart where we wanted." : "e.g. The skeptic and the doubter are a costume change; make one of them blunter."} />
        </Field>
      </div>
    </Dialog>
  );
}

/** What approving stands on: the latest final panel probe, its flags in words, and the policy's warnings or refusal. */
export function ApprovalGate({ state }: { state: PanelVersionReview }) {
  const { report, version } = state;
  return (
    <div data-testid="panel-decision-probe" className="space-y-2 text-sm">
      <p className="text-slate-700">
        {report
          ? <>Latest final panel probe{report.pinned ? ` of v${version}` : " (of the panel as it stood; none was pinned to this version)"}: <strong>{report.openFlags === 0 ? "no open flags" : `${report.openFlags} open flag${report.openFlags === 1 ? "" : "s"}`}</strong>.</>
          : <>No final panel probe of this version yet: nobody has measured whether its members differ.</>}
      </p>
      {report?.flags.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-slate-700" aria-label="Open panel flags">
          {report.flags.map((f) => <li key={`${f.arm}:${f.kind}:${f.members.join(",")}`}>{f.message}</li>)}
        </ul>
      ) : null}
      {state.blockers.length ? (
        <div className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-rose-900" role="alert">
          <p className="font-medium">This workspace only approves panel versions with a clean final panel probe.</p>
          <p className="mt-1">{report ? "Probe this version again once the flags are dealt with, or request changes." : "Probe this version first, or request changes."}</p>
        </div>
      ) : state.warnings.length ? (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-900" role="alert">
          <p className="font-medium">Worth a second look before approving:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">{state.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
