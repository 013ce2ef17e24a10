"use client";
import { useMemo } from "react";
import { AnswerCard } from "@/components/preview/answer-card";
import type { Answer } from "@/components/preview/use-live-answers";
import { describeAnswerDiff, diffAnswers } from "@/lib/compare/answer-diff";
import type { PreviewItem } from "@/lib/persona/preview-items";

type Lane = { answers: Answer[]; retry: (i: number) => void; title: string };

/** One row per preview message: the two answers side by side (stacked on a phone), differences marked once both are finished. */
export function CompareRows({ items, left, right, highlight }: { items: PreviewItem[]; left: Lane; right: Lane; highlight: boolean }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">Add a preview message in the editor to compare answers.</p>;
  return (
    <ol className="space-y-6" aria-label="Compared answers">
      {items.map((item, i) => (
        <CompareRow key={`${i}:${item.scenarioId ?? ""}:${item.message}`} item={item} left={left} right={right} index={i} highlight={highlight} />
      ))}
    </ol>
  );
}

function CompareRow({ item, left, right, index, highlight }: { item: PreviewItem; left: Lane; right: Lane; index: number; highlight: boolean }) {
  const a = left.answers[index];
  const b = right.answers[index];
  const bothDone = a?.status === "done" && b?.status === "done";
  const diff = useMemo(() => (bothDone && highlight ? diffAnswers(a.text, b.text) : null), [bothDone, highlight, a?.text, b?.text]);
  return (
    <li className="space-y-2" data-testid="compare-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          {item.context?.length ? <p className="text-xs text-slate-600">after {item.context.length} earlier turn{item.context.length === 1 ? "" : "s"}</p> : null}
          <p className="w-fit max-w-full rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-1.5 text-sm text-slate-800">{item.message}</p>
        </div>
        {diff ? (
          <p className="text-xs text-slate-600" data-testid="compare-summary">{describeAnswerDiff(diff, left.title, right.title)}</p>
        ) : null}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <AnswerCard answer={a} title={left.title} onRetry={() => left.retry(index)} segments={diff?.left} />
        <AnswerCard answer={b} title={right.title} onRetry={() => right.retry(index)} segments={diff?.right} />
      </div>
    </li>
  );
}
