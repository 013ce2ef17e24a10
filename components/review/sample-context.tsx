import { cn } from "@/components/ui/cn";
import type { SampleAnswer } from "@/lib/schemas/review";

// What came before a sample message, folded away above it: the earlier turns of
// the scenario it answers and the scenario's note (what a good answer does).
// The review's sample answers card and the share page's samples both show it.

export function SampleContext({ answer, assistantName, className }: { answer: SampleAnswer; assistantName: string; className?: string }) {
  const turns = answer.context ?? [];
  if (!turns.length && !answer.note) return null;
  const label = [turns.length ? `${turns.length} earlier turn${turns.length === 1 ? "" : "s"}` : null, answer.note ? "what a good answer does" : null]
    .filter(Boolean).join(" · ");
  return (
    <details className={cn("text-slate-600", className)} data-testid="sample-context">
      <summary className="cursor-pointer select-none text-xs text-slate-500 hover:text-slate-700">{label[0].toUpperCase() + label.slice(1)}</summary>
      <div className="mt-1.5 space-y-1.5 border-l-2 border-slate-200 pl-3">
        {turns.map((t, i) => (
          <p key={i} className="whitespace-pre-wrap break-words"><span className="font-medium text-slate-500">{t.role === "user" ? "User" : assistantName}:</span> {t.content}</p>
        ))}
        {answer.note ? <p className="text-slate-700"><span className="font-medium text-slate-500">What a good answer does:</span> {answer.note}</p> : null}
      </div>
    </details>
  );
}
