"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { CommentComposer } from "@/components/review/comment-composer";
import { CommentThreadView } from "@/components/review/comment-thread";
import { SampleContext } from "@/components/review/sample-context";
import { useComments, useRecordSamples, useSamples } from "@/lib/query/review-hooks";
import type { SampleAnswer } from "@/lib/schemas/review";

// The version's sample messages answered and kept: what reviewers read and
// comment on, one answer at a time, and what share pages show. An answer to a
// scenario carries the conversation before its message and the scenario's note
// (what a good answer does), folded away above the message.

export function SampleAnswersCard({
  workspaceId, personaId, version, canRecord, canComment,
}: { workspaceId: string; personaId: string; version: number; canRecord: boolean; canComment: boolean }) {
  const samples = useSamples(workspaceId, personaId, version);
  const record = useRecordSamples(workspaceId, personaId, version);
  const comments = useComments(workspaceId, personaId);
  const rec = samples.data;

  return (
    <Card className="px-5 py-4" aria-label="Sample answers">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold">Sample answers</h2>
          <p className="mt-0.5 text-xs text-slate-500">
            {rec ? <>Recorded by {rec.createdBy}, <TimeAgo iso={rec.createdAt} />, on {rec.simulated ? "the simulator" : rec.model}.</> : "The version's sample messages, answered and kept for review and share links."}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {rec?.simulated ? <Badge tone="amber">Simulator — not a language model</Badge> : null}
          {canRecord ? (
            <Button size="sm" variant={rec ? "secondary" : "primary"} disabled={record.isPending} onClick={() => record.mutate({})}>
              {record.isPending ? "Recording…" : rec ? "Record again" : "Record sample answers"}
            </Button>
          ) : null}
        </div>
      </div>
      {record.isError ? <p role="alert" className="mt-2 text-xs text-rose-600">{record.error.message}</p> : null}
      {samples.isPending ? <div className="mt-3 h-24 animate-pulse rounded-lg bg-slate-100" /> : null}
      {samples.data === null ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-200 px-4 py-5 text-center text-sm text-slate-500">
          No answers recorded for v{version} yet.{canRecord ? " Record them to review the persona's voice and comment on single answers." : ""}
        </p>
      ) : null}
      <ol className="mt-3 space-y-4">
        {rec?.answers.map((a) => (
          <AnswerItem key={a.id} answer={a} workspaceId={workspaceId} personaId={personaId} version={version} canComment={canComment}
            threads={(comments.data ?? []).filter((t) => t.anchor.kind === "sample" && t.anchor.key === a.id)} />
        ))}
      </ol>
    </Card>
  );
}

function AnswerItem({
  answer, workspaceId, personaId, version, canComment, threads,
}: {
  answer: SampleAnswer; workspaceId: string; personaId: string; version: number; canComment: boolean;
  threads: ReturnType<typeof useComments>["data"] & object;
}) {
  const [writing, setWriting] = useState(false);
  const open = threads.filter((t) => !t.resolvedAt).length;
  return (
    <li className="space-y-2" data-testid="sample-answer">
      <SampleContext answer={answer} assistantName="Persona" className="text-xs" />
      <div className="flex justify-end">
        <p className="max-w-[85%] rounded-2xl rounded-br-sm bg-slate-100 px-3.5 py-2 text-sm text-slate-800">{answer.message}</p>
      </div>
      <div className="max-w-[92%] rounded-2xl rounded-bl-sm border border-slate-200 bg-white px-3.5 py-2.5 text-sm leading-relaxed text-slate-800 shadow-sm">
        {answer.answer !== null ? <p className="whitespace-pre-wrap">{answer.answer}</p> : <p className="text-rose-700">No answer: {answer.error}</p>}
        <div className="mt-2 flex items-center gap-3 border-t border-slate-100 pt-1.5 text-xs text-slate-500">
          {answer.latencyMs !== null ? <span className="tabular-nums">{answer.latencyMs} ms</span> : null}
          {threads.length ? <span>{open} open · {threads.length} thread{threads.length === 1 ? "" : "s"}</span> : null}
          {canComment && !writing ? (
            <button className="ml-auto font-medium text-brand-700 hover:underline" onClick={() => setWriting(true)}>Comment on this answer</button>
          ) : null}
        </div>
      </div>
      {threads.length || writing ? (
        <div className="ml-6 space-y-2">
          {threads.map((t) => <CommentThreadView key={t.id} workspaceId={workspaceId} personaId={personaId} thread={t} canComment={canComment} showAnchor={false} />)}
          {writing ? (
            <CommentComposer workspaceId={workspaceId} personaId={personaId} autoFocus anchor={{ kind: "sample", key: answer.id, version }}
              placeholder="What about this answer?" onDone={() => setWriting(false)} />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
