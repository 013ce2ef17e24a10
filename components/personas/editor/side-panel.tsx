"use client";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { PromptPanel } from "@/components/personas/editor/prompt-panel";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { useVersions } from "@/lib/query/hooks";
import type { PersonaSpec } from "@/lib/schemas/persona";

type Tab = "preview" | "prompt";
const TAB_KEY = "persona-studio:editor-tab";

/** Beside the form: live answers as you type, or the compiled system prompt. */
export function SidePanel({
  workspaceId, personaId, spec, canPreview, canEdit, onMessagesChange,
}: {
  workspaceId: string; personaId: string; spec: PersonaSpec; canPreview: boolean; canEdit: boolean;
  onMessagesChange: (messages: string[]) => void;
}) {
  const [tab, setTab] = useState<Tab>(canPreview ? "preview" : "prompt");
  const versions = useVersions(workspaceId, personaId);
  useEffect(() => {
    const saved = localStorage.getItem(TAB_KEY);
    if (canPreview && (saved === "preview" || saved === "prompt")) setTab(saved);
  }, [canPreview]);
  const choose = (t: Tab) => {
    setTab(t);
    localStorage.setItem(TAB_KEY, t);
  };
  return (
    <div className="flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex gap-1 border-b border-slate-100 px-3 pt-2" role="tablist">
        {([
          ["preview", "Live preview"],
          ["prompt", "System prompt"],
        ] as const).map(([t, label]) => (
          <button
            key={t}
            role="tab"
            aria-selected={tab === t}
            disabled={t === "preview" && !canPreview}
            title={t === "preview" && !canPreview ? "Viewers cannot call models" : undefined}
            onClick={() => choose(t)}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium disabled:opacity-40",
              tab === t ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1">
        {tab === "preview" && canPreview ? (
          <PreviewPanel
            workspaceId={workspaceId}
            personaId={personaId}
            spec={spec}
            versions={versions.data ?? []}
            onMessagesChange={onMessagesChange}
            canEditMessages={canEdit}
          />
        ) : (
          <PromptPanel spec={spec} />
        )}
      </div>
    </div>
  );
}
