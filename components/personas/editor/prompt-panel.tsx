"use client";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { compilePersona } from "@/lib/persona/compile";
import type { PersonaSpec } from "@/lib/schemas/persona";

/** The compiled system prompt, recomputed on every keystroke (compile is pure and fast). */
export function PromptPanel({ spec }: { spec: PersonaSpec }) {
  const compiled = useMemo(() => compilePersona(spec), [spec]);
  const [copied, setCopied] = useState(false);
  const words = compiled.prompt.trim() ? compiled.prompt.trim().split(/\s+/).length : 0;
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div className="flex items-center gap-2">
          <h2 className="text-sm font-semibold">System prompt</h2>
          <Badge tone={compiled.source === "override" ? "amber" : "brand"}>{compiled.source === "override" ? "hand-written" : "compiled"}</Badge>
        </div>
        <div className="flex items-center gap-3">
          <span className="text-xs tabular-nums text-slate-500">{words} words · {compiled.prompt.length} chars</span>
          <Button
            size="sm" variant="ghost"
            onClick={async () => {
              await navigator.clipboard?.writeText(compiled.prompt);
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
      <pre
        data-testid="compiled-prompt"
        tabIndex={0}
        role="region"
        aria-label="Compiled system prompt"
        className="min-h-0 flex-1 overflow-auto whitespace-pre-wrap break-words px-4 py-3 font-mono text-[12.5px] leading-relaxed text-slate-700"
      >
        {compiled.prompt || <span className="text-slate-500">The hand-written prompt is empty.</span>}
      </pre>
    </div>
  );
}
