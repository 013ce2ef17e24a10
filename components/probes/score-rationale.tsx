"use client";
import { Button } from "@/components/ui/button";
import { useAnswerRationale } from "@/lib/query/rationale-hooks";
import type { ProbeAnswer } from "@/lib/schemas/probe";

// "Why this score?" under one answer's scores: asks the run's judge for a
// sentence or two per trait (once; then kept on the answer) and shows each
// reason beside its score. A kept rationale shows at once, without a button.

export function ScoreRationale({
  workspaceId, runId, answer, order, nameOf, canAsk,
}: {
  workspaceId: string; runId: string; answer: ProbeAnswer;
  /** Trait keys in the order the scores are shown. */
  order: string[];
  nameOf: (key: string) => string;
  /** Asking is a paid judge call: reviewers and up. */
  canAsk: boolean;
}) {
  const ask = useAnswerRationale(workspaceId, runId, answer.id);
  const rationale = answer.rationale ?? ask.data?.rationale ?? null;
  const scores = answer.scores ?? {};
  const keys = rationale ? order.filter((k) => rationale[k]) : [];
  const regionId = `rationale-${answer.id}`;

  return (
    <div>
      {!rationale && canAsk ? (
        <Button size="sm" variant="ghost" aria-controls={regionId} disabled={ask.isPending} onClick={() => ask.mutate()}>
          {ask.isPending ? <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" /> : null}
          {ask.isPending ? "Asking the judge…" : "Why this score?"}
        </Button>
      ) : null}
      <div id={regionId} aria-live="polite" className="mt-1">
        {ask.isError ? <p role="alert" className="text-sm text-rose-700">Could not get the judge&apos;s reasons: {ask.error.message}</p> : null}
        {rationale ? (
          <div className="rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2">
            <p className="mb-1 text-xs font-medium text-slate-500">Why the judge gave these scores</p>
            <dl className="space-y-1 text-sm">
              {keys.map((k) => (
                <div key={k} className="flex gap-2">
                  <dt className="w-40 shrink-0 text-slate-600">{nameOf(k)} <span className="tabular-nums font-semibold text-slate-800">{scores[k] ?? "n/a"}</span></dt>
                  <dd className="text-slate-800">{rationale[k]}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
      </div>
    </div>
  );
}
