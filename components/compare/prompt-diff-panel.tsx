"use client";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { PromptLines } from "@/components/versions/diff-view";
import { useDiff } from "@/lib/query/hooks";

/**
 * Beside the answers: what the model was told. Draft vs version shows the compiled-prompt
 * line diff (the pinned version's prompt against the saved draft's); two models share one
 * prompt (the server's compiled draft), shown once. Collapsed behind a button on narrow screens, always open on wide ones.
 */
export function PromptDiffPanel({
  workspaceId, personaId, prompt, pinned, mode,
}: { workspaceId: string; personaId: string; prompt: string; pinned: number | null; mode: "version" | "models" }) {
  const [open, setOpen] = useState(false);
  const diff = useDiff(workspaceId, personaId, mode === "version" && pinned ? String(pinned) : null, "draft");
  const title = mode === "version" ? `Prompt: v${pinned ?? "?"} → draft` : "Prompt (same for both models)";
  return (
    <section aria-labelledby="prompt-diff-title" className="min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
        <h2 id="prompt-diff-title" className="text-sm font-semibold">{title}</h2>
        <button
          type="button"
          className="rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-slate-100 lg:hidden"
          aria-expanded={open}
          aria-controls="prompt-diff-body"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide" : "Show"}
        </button>
      </div>
      <div id="prompt-diff-body" className={cn("p-3 lg:block", open ? "block" : "hidden")}>
        {mode === "version" ? (
          diff.data ? (
            diff.data.prompt.linesAdded + diff.data.prompt.linesRemoved === 0 ? (
              <p className="text-sm text-slate-600">The draft compiles to the same prompt as v{pinned}: differences come from sampling alone.</p>
            ) : (
              <PromptLines diff={diff.data.prompt} />
            )
          ) : diff.isError ? (
            <p role="alert" className="text-sm text-rose-700">Could not load the prompt diff: {diff.error.message}</p>
          ) : (
            <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
          )
        ) : (
          <pre
            className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 px-3 py-2 font-mono text-[12px] leading-5 text-slate-700"
            tabIndex={0}
            role="region"
            aria-label="Compiled prompt"
            data-testid="compare-prompt"
          >
            {prompt}
          </pre>
        )}
      </div>
    </section>
  );
}
