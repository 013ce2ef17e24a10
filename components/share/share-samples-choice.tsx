"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatUsd } from "@/components/probes/run-usage";
import { useShareSamplesPlan } from "@/lib/query/share-hooks";
import type { ShareSamplesPlan } from "@/lib/schemas/share";

// What the shared page will show under "Sample answers", said before the link
// exists (issue 16 §8): the version's recording; or a recording made now, with
// where it is answered and what it costs; or, plainly, that the version has
// nothing to answer. The form sends recordSamples only when a recording is due.

/** A recording will be made with the link: none exists, there is something to answer, and the box is ticked. */
export const recordingDue = (plan: ShareSamplesPlan | undefined, record: boolean) => !!plan && !plan.recorded && plan.messages > 0 && record;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function costText(plan: Pick<ShareSamplesPlan, "provider" | "estimatedCostUsd">): string {
  if (plan.provider.simulated) return "free: the simulator is not a language model";
  return plan.estimatedCostUsd === null ? "cost unknown (no prices set for this provider)" : `about ${formatUsd(plan.estimatedCostUsd)}`;
}

export function ShareSamplesChoice({
  id, workspaceId, personaId, version, record, onRecordChange, error,
}: {
  id: string; workspaceId: string; personaId: string; version: "latest" | number;
  record: boolean; onRecordChange: (record: boolean) => void; error: string | null;
}) {
  const plan = useShareSamplesPlan(workspaceId, personaId, version);
  const p = plan.data;
  return (
    <div className="space-y-1.5" data-testid="share-samples">
      <p className="text-sm font-medium text-slate-800">Sample answers</p>
      {plan.isPending ? (
        <div className="h-10 animate-pulse rounded-md bg-slate-100" />
      ) : plan.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not check the version’s sample answers: {plan.error.message}</p>
      ) : p!.recorded ? (
        <p className="text-sm text-slate-700" data-testid="samples-recorded">
          The page shows v{p!.version}’s {plural(p!.recorded.answers, "recorded answer")}, by {p!.recorded.createdBy} <TimeAgo iso={p!.recorded.createdAt} /> on {p!.recorded.label}.
        </p>
      ) : p!.messages === 0 ? (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="samples-none">
          v{p!.version} has no scenarios or sample messages, so there is nothing to record: the shared page will say so instead of showing answers.
          Add sample messages in the editor and save a version to include some.
        </p>
      ) : (
        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={record}
              onChange={(e) => onRecordChange(e.target.checked)}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
              aria-describedby={`${id}-samples-hint`}
            />
            Record v{p!.version}’s sample answers first
          </label>
          <p id={`${id}-samples-hint`} className="pl-6 text-xs text-slate-600" data-testid="samples-hint">
            {record
              ? <>{plural(p!.messages, p!.source === "scenarios" ? "scenario" : "sample message")} answered on <span className="font-medium">{p!.provider.simulated ? "the simulator" : `${p!.provider.name} · ${p!.provider.model}`}</span>, {costText(p!)}. Reviewers see the recording too.</>
              : "None are recorded yet: the shared page will say that no sample answers were recorded."}
          </p>
        </div>
      )}
      {error ? <p role="alert" className="text-sm text-rose-600" data-testid="samples-error">{error} — no link was created.</p> : null}
    </div>
  );
}
