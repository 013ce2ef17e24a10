"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ScoreRationale } from "@/components/probes/score-rationale";
import { answersQueryFor, isScenarioAnswer, ScenarioContext, scenarioHeading, shownAnswers, type AnswerSource } from "@/components/probes/scenario-answers";
import { useWorkspace } from "@/lib/query/hooks";
import { useProbeAnswers, type AnswersQuery } from "@/lib/query/probe-hooks";
import { useFetchedAnswers, type AnswersFetcher } from "@/lib/query/share-hooks";
import type { ProbeAnswer } from "@/lib/schemas/probe";
import { can } from "@/lib/schemas/workspace";

// The answers behind a flag, a dot or a trait: each with the probe message, the
// answer text and the judge's scores on every watched trait, the traits in
// question highlighted and listed first; "Why this score?" asks the judge for
// its reasons (score-rationale.tsx). A trait's answers can be switched to the
// persona's scenarios (scored on the same trait); answers to a scenario say
// which one, with the conversation before it (scenario-answers.tsx).

export type AnswersRequest = {
  title: string;
  description?: string;
  query: AnswersQuery;
  /** Traits to highlight in each answer's scores. */
  highlight: string[];
};

export function AnswersDialog({
  workspaceId, runId, request, onClose, nameOf, targets = {}, fetcher,
}: {
  workspaceId: string; runId: string; request: AnswersRequest | null; onClose: () => void; nameOf: (key: string) => string;
  /** The run's trait targets, shown beside the highlighted scores. */
  targets?: Record<string, number>;
  /** Fetch the answers elsewhere than the workspace route (a share page's public route). */
  fetcher?: AnswersFetcher;
}) {
  const [kind, setKind] = useState<"persona" | "baseline">("persona");
  const [source, setSource] = useState<AnswerSource>("items");
  const [scenariosOnly, setScenariosOnly] = useState(false);
  const byTrait = !!request?.query.trait;
  // A trait's library items, or the scenario answers with that trait highlighted (not when the request is the scenarios).
  const canSwitch = byTrait && !isScenarioAnswer({ traitKey: request!.query.trait! });
  const query = request ? answersQueryFor(request.query, kind, canSwitch ? source : "items") : null;
  // Exactly one of the two is enabled; the other stays idle.
  const own = useProbeAnswers(workspaceId, runId, fetcher ? null : query);
  const fetched = useFetchedAnswers(fetcher ?? null, fetcher ? query : null);
  const answers = fetcher ? fetched : own;
  const all = order(answers.data ?? [], request?.query.ids);
  // A mixed set (a flag's or a check's evidence): "only scenario answers" one click away.
  const mixed = all.some(isScenarioAnswer) && !all.every(isScenarioAnswer);
  const ordered = shownAnswers(all, mixed && scenariosOnly);
  // A share page (fetcher) shows kept rationales only; in the studio reviewers and up may ask (a paid judge call).
  const workspace = useWorkspace(workspaceId);
  const canAsk = !fetcher && !!workspace && can.review(workspace.role);
  const reset = () => { setKind("persona"); setSource("items"); setScenariosOnly(false); };

  return (
    <Dialog
      open={!!request}
      onClose={() => { reset(); onClose(); }}
      title={request?.title ?? ""}
      description={request?.description}
      wide
      footer={<Button onClick={() => { reset(); onClose(); }}>Close</Button>}
    >
      {canSwitch ? (
        <Segmented label="Which messages" className="mb-2 mr-3" value={source} onChange={setSource} testId="answers-source"
          options={[["items", "Library items"], ["scenarios", "Your scenarios"]]} />
      ) : null}
      {mixed ? (
        <label className="mb-4 flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={scenariosOnly} onChange={(e) => setScenariosOnly(e.target.checked)} className="accent-brand-600" data-testid="answers-scenarios-only" />
          Only answers to your scenarios
        </label>
      ) : null}
      {byTrait ? (
        <Segmented label="Which answers" className="mb-4" value={kind} onChange={setKind}
          options={[["persona", "Persona answers"], ["baseline", "Baseline (neutral assistant)"]]} />
      ) : null}
      {answers.isPending ? (
        <div className="space-y-3">{[0, 1].map((i) => <div key={i} className="h-40 animate-pulse rounded-lg bg-slate-100" />)}</div>
      ) : answers.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load the answers: {answers.error.message}</p>
      ) : ordered.length === 0 ? (
        <p className="text-sm text-slate-500">{canSwitch && source === "scenarios" ? "No scenario answers: this run asked no scenarios, or none is answered yet." : "No answers here yet."}</p>
      ) : (
        <ol className="space-y-4" aria-label="Answers">
          {ordered.map((a) => (
            <AnswerItem key={a.id} answer={a} highlight={request?.highlight ?? []} nameOf={nameOf} targets={targets} explain={{ workspaceId, runId, canAsk }} />
          ))}
        </ol>
      )}
    </Dialog>
  );
}

/** Evidence comes most telling first: keep the order of the ids asked for. */
function order(answers: ProbeAnswer[], ids?: string[]): ProbeAnswer[] {
  if (!ids?.length) return answers;
  const rank = new Map(ids.map((id, i) => [id, i]));
  return [...answers].sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
}

function AnswerItem({
  answer, highlight, nameOf, targets, explain,
}: {
  answer: ProbeAnswer; highlight: string[]; nameOf: (key: string) => string; targets: Record<string, number>;
  explain: { workspaceId: string; runId: string; canAsk: boolean };
}) {
  const scores = Object.entries(answer.scores ?? {}).sort(([a], [b]) => {
    const ha = highlight.indexOf(a), hb = highlight.indexOf(b);
    return (ha === -1 ? 99 : ha) - (hb === -1 ? 99 : hb);
  });
  return (
    <li className="rounded-lg border border-slate-200 bg-white" data-testid="probe-answer">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-4 py-2 text-xs text-slate-500">
        {isScenarioAnswer(answer) ? (
          <span className="min-w-0 break-words" data-testid="scenario-heading"><b className="text-slate-700">{scenarioHeading(answer)}</b>{answer.sampleIndex > 0 ? ` · attempt ${answer.sampleIndex + 1}` : ""}</span>
        ) : (
          <span>Probe item for <b className="text-slate-700">{nameOf(answer.traitKey)}</b> · item {answer.itemIndex + 1}, sample {answer.sampleIndex + 1}</span>
        )}
        {answer.kind === "baseline" ? <Badge>baseline</Badge> : null}
        {answer.refusal ? <Badge tone="amber">refusal</Badge> : null}
        {answer.status === "failed" ? <Badge tone="rose">failed</Badge> : null}
        {answer.latencyMs !== null ? <span className="ml-auto tabular-nums">{answer.latencyMs} ms{answer.tokens ? ` · ${answer.tokens} tokens` : ""}</span> : null}
      </div>
      <div className="space-y-3 px-4 py-3">
        {scores.length ? (
          <div>
            <p className="mb-1.5 text-xs font-medium text-slate-500">Judge scores (0–100){highlight.length ? "; the traits in question first" : ""}</p>
            <ul className="flex flex-wrap gap-1.5">
              {scores.map(([key, score]) => {
                const hot = highlight.includes(key);
                return (
                  <li
                    key={key}
                    className={cn(
                      "inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs ring-1 ring-inset",
                      hot ? "bg-brand-50 font-semibold text-brand-700 ring-brand-500" : "bg-slate-50 text-slate-600 ring-slate-200",
                    )}
                  >
                    {nameOf(key)} <span className="tabular-nums">{score === null ? "n/a" : score}</span>
                    {hot && targets[key] !== undefined ? <span className="font-normal text-slate-500">/ target {targets[key]}</span> : null}
                  </li>
                );
              })}
            </ul>
            {answer.status === "done" && scores.some(([, v]) => v !== null) ? (
              <div className="mt-2">
                <ScoreRationale {...explain} answer={answer} order={scores.map(([k]) => k)} nameOf={nameOf} />
              </div>
            ) : null}
          </div>
        ) : null}
        <ScenarioContext answer={answer} />
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700"><span className="font-medium text-slate-900">User: </span>{answer.message}</p>
        {answer.status === "failed" ? (
          <p className="text-sm text-rose-700">{answer.error ?? "This call failed."}</p>
        ) : (
          <p tabIndex={0} role="region" aria-label="Answer" className="max-h-72 overflow-y-auto whitespace-pre-wrap text-sm leading-relaxed text-slate-800">{answer.answer}</p>
        )}
      </div>
    </li>
  );
}

/** A small segmented switch: one pressed button per option. */
function Segmented<K extends string>({
  label, className, value, onChange, options, testId,
}: { label: string; className: string; value: K; onChange: (k: K) => void; options: readonly (readonly [K, string])[]; testId?: string }) {
  return (
    <div className={cn("inline-flex rounded-md border border-slate-200 bg-slate-50 p-0.5 text-sm", className)} role="group" aria-label={label}>
      {options.map(([k, text]) => (
        <button
          key={k}
          type="button"
          aria-pressed={value === k}
          onClick={() => onChange(k)}
          className={cn("rounded px-3 py-1", value === k ? "bg-white font-medium shadow-sm" : "text-slate-600 hover:text-slate-900")}
          data-testid={testId ? `${testId}-${k}` : undefined}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
