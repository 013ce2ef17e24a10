"use client";
import Link from "next/link";
import { useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import { PillRadioGroup } from "@/components/ui/pill-radio-group";
import { AnswerCard } from "@/components/preview/answer-card";
import { ModelPicker } from "@/components/preview/model-picker";
import type { CompareMode } from "@/components/preview/remembered-models";
import { SampleMessages } from "@/components/preview/sample-messages";
import { compareLanes, specToSend } from "@/components/preview/compare-lanes";
import { useCompareChoice } from "@/components/preview/use-compare-choice";
import { useLiveAnswers } from "@/components/preview/use-live-answers";
import { previewItems } from "@/lib/persona/preview-items";
import { useProviderList } from "@/lib/query/preview-hooks";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { VersionSummary } from "@/lib/schemas/persona-api";

type Mode = CompareMode;

export function PreviewPanel({
  workspaceId, personaId, spec, onMessagesChange, versions, canEditMessages,
}: {
  workspaceId: string; personaId: string; spec: PersonaSpec; versions: VersionSummary[];
  onMessagesChange: (messages: string[]) => void; canEditMessages: boolean;
}) {
  const providers = useProviderList(workspaceId);
  // Mode, version and models are remembered per persona and shared with the full compare page.
  const choice = useCompareChoice(workspaceId, personaId, providers.data, versions);
  const { a, b, pinned, setA, setB, setMode, setPinned } = choice;
  const mode: Mode = choice.mode === "version" && versions.length === 0 ? "draft" : (choice.mode ?? "draft");

  // The persona's own scenarios when it has any; the generic sample messages otherwise.
  const { source: itemSource, items: messages } = useMemo(
    () => previewItems({ sampleMessages: spec.sampleMessages, scenarios: spec.scenarios }),
    [spec.sampleMessages, spec.scenarios],
  );
  // Checks grade finished answers here; they are not part of what is sent, so editing one never re-asks the model.
  const checksOf = useMemo(() => new Map((spec.scenarios ?? []).map((s) => [s.id, s.checks])), [spec.scenarios]);
  const sentSpec = useMemo(() => specToSend(spec), [spec]);
  const { left: draftLane, right: secondLane } = compareLanes({ mode, personaId, sentSpec, a, b, pinned });
  const left = useLiveAnswers(workspaceId, draftLane, messages);
  const right = useLiveAnswers(workspaceId, secondLane, messages);
  const twoLanes = secondLane !== null;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="space-y-2 border-b border-slate-100 px-4 py-3">
        <div className="flex flex-wrap items-center gap-1.5">
          <PillRadioGroup
            label="Preview mode"
            options={[["draft", "Draft"], ["version", "Draft vs version"], ["models", "Two models"]] as const}
            value={mode}
            onChange={setMode}
            disabledReason={(m) => (m === "version" && versions.length === 0 ? "Save a version first" : undefined)}
          />
          {mode === "version" && versions.length ? (
            <Select aria-label="Pinned version" value={pinned ?? ""} onChange={(e) => setPinned(Number(e.target.value))} className="ml-1 h-7 w-28 py-0 text-xs">
              {versions.map((v) => <option key={v.number} value={v.number}>v{v.number}</option>)}
            </Select>
          ) : null}
          {mode !== "draft" ? (
            <Link href={`/w/${workspaceId}/personas/${personaId}/compare`} className="ml-auto text-xs font-medium text-brand-700 hover:underline">
              Open full compare →
            </Link>
          ) : null}
        </div>
        {providers.data && a ? (
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            <ModelPicker label={mode === "models" ? "A" : "Model"} providers={providers.data.providers} value={a} onChange={setA} />
            {mode === "models" && b ? <ModelPicker label="B" providers={providers.data.providers} value={b} onChange={setB} /> : null}
          </div>
        ) : providers.isError ? (
          <p role="alert" className="text-xs text-rose-600">Could not load providers: {providers.error.message}</p>
        ) : null}
        {itemSource === "scenarios" ? (
          <p className="text-xs text-slate-500">Answering this persona&apos;s {messages.length} scenario{messages.length === 1 ? "" : "s"} (edit them under Scenarios).</p>
        ) : (
          <SampleMessages messages={spec.sampleMessages} onChange={onMessagesChange} editable={canEditMessages} />
        )}
      </div>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-3" tabIndex={0} role="region" aria-label="Preview answers">
        {messages.length === 0 ? <p className="text-sm text-slate-500">Add a preview message to see answers.</p> : null}
        {messages.map((m, i) => (
          <div key={`${i}:${m.scenarioId ?? ""}:${m.message}`} className="space-y-2">
            {m.context?.length ? (
              <p className="text-xs text-slate-500">after {m.context.length} earlier turn{m.context.length === 1 ? "" : "s"}</p>
            ) : null}
            <p className="ml-auto w-fit max-w-[85%] rounded-2xl rounded-br-sm bg-slate-100 px-3 py-1.5 text-sm text-slate-700">{m.message}</p>
            {m.note ? <p className="text-xs italic text-slate-500">Good answer: {m.note}</p> : null}
            <div className={cn("grid gap-2", twoLanes && "grid-cols-2")}>
              <AnswerCard answer={left.answers[i]} title={mode === "models" ? "A · draft" : "Draft"} onRetry={() => left.retry(i)} checks={m.scenarioId ? checksOf.get(m.scenarioId) : undefined} />
              {twoLanes ? (
                <AnswerCard answer={right.answers[i]} title={mode === "version" ? `v${pinned}` : "B · draft"} onRetry={() => right.retry(i)} checks={m.scenarioId ? checksOf.get(m.scenarioId) : undefined} />
              ) : null}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
