import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { DiffPart, FieldChange, PromptDiff } from "@/lib/persona/diff";

const KIND_TONE = { added: "green", removed: "rose", changed: "amber" } as const;

export function InlineParts({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="whitespace-pre-wrap break-words">
      {parts.map((p, i) => (
        <span key={i} className={cn(p.added && "diff-add rounded-sm", p.removed && "diff-del rounded-sm")}>{p.value}</span>
      ))}
    </span>
  );
}

/**
 * Short values read best as "before → after"; mostly-rewritten text as two
 * blocks; light edits as inline word marks.
 */
function FieldDelta({ change }: { change: FieldChange }) {
  const { before, after, parts } = change;
  if (before === null || after === null) return <InlineParts parts={parts} />;
  const short = (t: string) => t.length <= 40 && !t.includes("\n");
  if (short(before) && short(after)) {
    return (
      <span>
        <span className="diff-del rounded-sm px-0.5">{before}</span>
        <span className="mx-1.5 text-slate-500">→</span>
        <span className="diff-add rounded-sm px-0.5">{after}</span>
      </span>
    );
  }
  const changed = parts.filter((p) => p.added || p.removed).reduce((n, p) => n + p.value.length, 0);
  if (changed / (before.length + after.length) > 0.5) {
    return (
      <div className="space-y-1.5">
        <p className="whitespace-pre-wrap rounded-md bg-rose-50 px-2 py-1 text-rose-900"><span className="mr-1 select-none text-rose-400">−</span>{before}</p>
        <p className="whitespace-pre-wrap rounded-md bg-emerald-50 px-2 py-1 text-emerald-900"><span className="mr-1 select-none text-emerald-500">+</span>{after}</p>
      </div>
    );
  }
  return <InlineParts parts={parts} />;
}

export function FieldChanges({ fields, emptyText = "No field changed." }: { fields: FieldChange[]; emptyText?: string }) {
  if (fields.length === 0) return <p className="text-sm text-slate-500">{emptyText}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Changed fields">
      {fields.map((f) => (
        <li key={f.path} className="grid grid-cols-[11rem_1fr] gap-4 py-3">
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">{f.label}</p>
            <Badge tone={KIND_TONE[f.kind]}>{f.kind}</Badge>
          </div>
          <div className="text-sm leading-relaxed text-slate-700"><FieldDelta change={f} /></div>
        </li>
      ))}
    </ul>
  );
}

/** Unified line diff of two prompts, with + / − gutters. */
export function PromptLines({ diff }: { diff: PromptDiff }) {
  const rows: { kind: "add" | "del" | "same"; text: string }[] = [];
  for (const part of diff.parts) {
    const lines = part.value.replace(/\n$/, "").split("\n");
    for (const text of lines) rows.push({ kind: part.added ? "add" : part.removed ? "del" : "same", text });
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200">
      <div className="flex items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-500">
        <span className="font-medium text-emerald-700">+{diff.linesAdded}</span>
        <span className="font-medium text-rose-700">−{diff.linesRemoved}</span>
        <span>lines</span>
      </div>
      <pre className="max-h-[32rem] overflow-auto py-1 font-mono text-[12px] leading-5" data-testid="prompt-diff" tabIndex={0} role="region" aria-label="Prompt differences">
        {rows.map((r, i) => (
          <div
            key={i}
            className={cn(
              "flex px-3",
              r.kind === "add" && "bg-emerald-50 text-emerald-900",
              r.kind === "del" && "bg-rose-50 text-rose-900",
              r.kind === "same" && "text-slate-600",
            )}
          >
            <span className="w-5 shrink-0 select-none text-slate-500">{r.kind === "add" ? "+" : r.kind === "del" ? "−" : " "}</span>
            <span className="whitespace-pre-wrap break-words">{r.text || " "}</span>
          </div>
        ))}
      </pre>
    </div>
  );
}
