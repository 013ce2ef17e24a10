"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Select } from "@/components/ui/field";
import { PillRadioGroup } from "@/components/ui/pill-radio-group";
import { CompareRows } from "@/components/compare/compare-rows";
import { PromptDiffPanel } from "@/components/compare/prompt-diff-panel";
import { PersonaLoadError } from "@/components/personas/persona-load-error";
import { compareLanes, specToSend } from "@/components/preview/compare-lanes";
import { ModelPicker } from "@/components/preview/model-picker";
import { useCompareChoice } from "@/components/preview/use-compare-choice";
import { useLiveAnswers } from "@/components/preview/use-live-answers";
import { previewItems } from "@/lib/persona/preview-items";
import { usePersona, useVersions, useWorkspace } from "@/lib/query/hooks";
import { useProviderList } from "@/lib/query/preview-hooks";
import type { PersonaDetail, VersionSummary } from "@/lib/schemas/persona-api";
import { can } from "@/lib/schemas/workspace";

type Props = { workspaceId: string; personaId: string };

/** The full-width compare workbench: draft vs a saved version, or model A vs model B on the draft. */
export function ComparePage({ workspaceId, personaId }: Props) {
  const persona = usePersona(workspaceId, personaId);
  const versions = useVersions(workspaceId, personaId);
  const workspace = useWorkspace(workspaceId);
  const base = `/w/${workspaceId}/personas/${personaId}`;
  return (
    <div className="mx-auto w-full max-w-[100rem] px-4 py-6 sm:px-8">
      <Breadcrumb items={[{ label: "Personas", href: `/w/${workspaceId}` }, { label: persona.data?.name ?? "…", href: base }, { label: "Compare" }]} />
      <div className="mt-2 flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Compare</h1>
        <Link href={base} className="text-sm font-medium text-brand-700 hover:underline">Open the editor →</Link>
      </div>
      {persona.isError ? (
        <PersonaLoadError workspaceId={workspaceId} error={persona.error} />
      ) : !persona.data || !workspace || !versions.data ? (
        <div className="mt-6 h-96 animate-pulse rounded-xl bg-slate-100" />
      ) : !can.review(workspace.role) ? (
        <p className="mt-6 text-sm text-slate-600">Viewers cannot call models; ask an editor or reviewer to compare answers.</p>
      ) : (
        <Workbench workspaceId={workspaceId} persona={persona.data} versions={versions.data} />
      )}
    </div>
  );
}

function Workbench({ workspaceId, persona, versions }: { workspaceId: string; persona: PersonaDetail; versions: VersionSummary[] }) {
  const providers = useProviderList(workspaceId);
  const choice = useCompareChoice(workspaceId, persona.id, providers.data, versions);
  const { a, b, pinned } = choice;
  // "Draft" alone is the editor's mode; here it opens on the version when there is one.
  const mode = choice.mode === "models" || versions.length === 0 ? "models" : "version";
  const [highlight, setHighlight] = useState(true);

  const spec = persona.spec;
  const { items } = useMemo(() => previewItems({ sampleMessages: spec.sampleMessages, scenarios: spec.scenarios }), [spec.sampleMessages, spec.scenarios]);
  const sentSpec = useMemo(() => specToSend(spec), [spec]);
  const lanes = compareLanes({ mode, personaId: persona.id, sentSpec, a, b, pinned });
  const left = useLiveAnswers(workspaceId, lanes.left, items);
  const right = useLiveAnswers(workspaceId, lanes.right, items);
  const titles = mode === "version" ? ["Draft", `v${pinned ?? "?"}`] : ["A · draft", "B · draft"];

  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <PillRadioGroup
          label="Compare"
          size="sm"
          options={[["version", "Draft vs version"], ["models", "Model A vs model B"]] as const}
          value={mode}
          onChange={choice.setMode}
          disabledReason={(m) => (m === "version" && versions.length === 0 ? "Save a version first" : undefined)}
        />
        {mode === "version" ? (
          <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
            <span aria-hidden>Version</span>
            <Select aria-label="Version" value={pinned ?? ""} onChange={(e) => choice.setPinned(Number(e.target.value))} className="h-8 w-auto py-0 text-xs">
              {versions.map((v) => <option key={v.number} value={v.number}>v{v.number}{v.message ? ` — ${v.message.slice(0, 40)}` : ""}</option>)}
            </Select>
          </label>
        ) : null}
        {providers.data && a ? (
          <div className="flex min-w-0 flex-wrap gap-x-4 gap-y-2">
            <ModelPicker label={mode === "models" ? "A" : "Model"} providers={providers.data.providers} value={a} onChange={choice.setA} />
            {mode === "models" && b ? <ModelPicker label="B" providers={providers.data.providers} value={b} onChange={choice.setB} /> : null}
          </div>
        ) : providers.isError ? (
          <p role="alert" className="text-xs text-rose-700">Could not load providers: {providers.error.message}</p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" checked={highlight} onChange={(e) => setHighlight(e.target.checked)} className="size-4 accent-brand-600" />
          Highlight differences
        </label>
        {highlight ? (
          <p className="text-xs text-slate-600">
            <mark className="answer-only rounded-sm px-0.5">Underlined words</mark> appear in only one of the two answers (marked once both have finished).
          </p>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="min-w-0 lg:sticky lg:top-4 lg:order-2 lg:self-start">
          <PromptDiffPanel workspaceId={workspaceId} personaId={persona.id} prompt={persona.compiledPrompt} pinned={pinned} mode={mode} />
        </div>
        <div className="min-w-0 lg:order-1">
          <CompareRows items={items} highlight={highlight} left={{ ...left, title: titles[0] }} right={{ ...right, title: titles[1] }} />
        </div>
      </div>
    </div>
  );
}
