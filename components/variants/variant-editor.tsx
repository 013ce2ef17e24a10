"use client";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { CoherencePanel } from "@/components/personas/editor/coherence-panel";
import { SpecForm } from "@/components/personas/editor/spec-form";
import { compilePersona } from "@/lib/persona/compile";
import { ApiError } from "@/lib/query/api";
import { useVariant, useVariantMutations } from "@/lib/query/composer-hooks";
import { usePersona, useWorkspace } from "@/lib/query/hooks";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { Variant } from "@/lib/schemas/variant";
import { can } from "@/lib/schemas/workspace";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

// Edit one variant with the persona form. Saves are explicit and carry the
// revision they started from; if someone saved in between, the designer picks
// theirs or overwrites with their own — nothing is lost silently.

export function VariantEditorPage({ workspaceId, personaId, variantId }: { workspaceId: string; personaId: string; variantId: string }) {
  const variant = useVariant(workspaceId, variantId);
  const persona = usePersona(workspaceId, personaId);
  const workspace = useWorkspace(workspaceId);
  const base = `/w/${workspaceId}/personas/${personaId}`;
  if (variant.isPending || !workspace) return <div className="m-8 h-96 animate-pulse rounded-xl bg-slate-100" />;
  if (variant.isError) {
    const missing = variant.error instanceof ApiError && variant.error.status === 404;
    return (
      <div className="mx-auto max-w-xl px-8 py-16 text-center">
        <h1 className="text-lg font-semibold">{missing ? "Variant not found" : "Could not load this variant"}</h1>
        <p className="mt-2 text-sm text-slate-500">{missing ? "It may have been deleted, or it belongs to another workspace." : variant.error.message}</p>
        <Link href={`${base}/variants`} className="mt-6 inline-block text-sm font-medium text-brand-600">← Back to variants</Link>
      </div>
    );
  }
  return (
    <Editor
      key={variant.data.id} workspaceId={workspaceId} base={base} latest={variant.data}
      personaName={persona.data?.name ?? "…"} targets={persona.data?.spec.traitTargets ?? {}} readOnly={!can.editPersona(workspace.role) || persona.data?.status === "archived"}
    />
  );
}

function Editor({
  workspaceId, base, latest, personaName, targets, readOnly,
}: { workspaceId: string; base: string; latest: Variant; personaName: string; targets: Record<string, number>; readOnly: boolean }) {
  const toast = useToast();
  const { update } = useVariantMutations(workspaceId, latest.personaId);
  const [saved, setSaved] = useState(latest);
  const [name, setName] = useState(latest.name);
  const [spec, setSpec] = useState<PersonaSpec>(latest.spec);
  const [conflict, setConflict] = useState<Variant | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = name !== saved.name || JSON.stringify(spec) !== JSON.stringify(saved.spec);
  const compiled = useMemo(() => compilePersona(spec), [spec]);

  const adopt = (v: Variant) => { setSaved(v); setName(v.name); setSpec(v.spec); setConflict(null); setErrors({}); };
  // Someone else saved while this page sat unedited: just show theirs.
  if (!dirty && !conflict && latest.revision > saved.revision) adopt(latest);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function save(revision = saved.revision) {
    update.mutate({ variantId: saved.id, revision, name: name.trim(), spec }, {
      onSuccess: (v) => { adopt(v); toast(`Saved “${v.name}”`); },
      onError: (err) => {
        const current = err instanceof ApiError && err.status === 409 ? (err.details as { current?: Variant } | undefined)?.current : undefined;
        if (current) setConflict(current);
        else setErrors({ [err instanceof ApiError && err.field ? err.field : "form"]: err.message });
      },
    });
  }

  const targetText = Object.entries(targets).map(([k, v]) => `${findTrait(k)?.name ?? humanizeTraitKey(k)} ${v}`).join(" · ");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="flex flex-wrap items-center gap-3 px-4 py-3 sm:px-8">
          <Breadcrumb items={[
            { label: "Personas", href: `/w/${workspaceId}` }, { label: personaName, href: base },
            { label: "Variants", href: `${base}/variants` }, { label: saved.name },
          ]} />
          {!readOnly ? (
            <span className="flex items-center gap-1.5 text-xs text-slate-500" aria-live="polite">
              {dirty ? <><span className="h-2 w-2 rounded-full bg-amber-500" aria-hidden />Unsaved changes</> : <>Saved · revision {saved.revision}</>}
            </span>
          ) : null}
          <div className="ml-auto flex items-center gap-3">
            <Link href={`${base}/variants`} className="text-sm font-medium text-brand-600 hover:text-brand-700">Probe variants →</Link>
            {!readOnly ? (
              <Button variant="primary" disabled={!dirty || update.isPending || !!conflict} onClick={() => save()}>
                {update.isPending ? "Saving…" : "Save"}
              </Button>
            ) : null}
          </div>
        </div>
        {conflict ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 border-t border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-950 sm:px-8">
            <span>
              <b>{conflict.updatedBy}</b> changed this variant meanwhile (revision {conflict.revision}, <TimeAgo iso={conflict.updatedAt} />). Your edits are still here.
            </span>
            <Button size="sm" onClick={() => adopt(conflict)}>Load theirs</Button>
            <Button size="sm" variant="primary" disabled={update.isPending} onClick={() => save(conflict.revision)}>Keep mine and overwrite</Button>
          </div>
        ) : null}
        {readOnly ? (
          <div role="note" className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-8">You have read-only access here.</div>
        ) : null}
      </header>

      <div className="grid flex-1 gap-6 px-4 py-6 sm:px-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,0.85fr)]">
        <fieldset disabled={readOnly} className="min-w-0 space-y-5">
          <Section id="variant" title="Variant" description={targetText ? `Probes judge it against the draft’s targets: ${targetText}.` : "Probes judge it against the draft’s trait targets (none set yet)."}>
            <Field label="Variant name" htmlFor="variant-name" error={errors.name} hint="Shown in comparisons. Unique per persona.">
              <Input id="variant-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
            </Field>
            {errors.form ? <p role="alert" className="text-sm text-rose-600">{errors.form}</p> : null}
          </Section>
          <SpecForm
            spec={spec}
            onChange={setSpec}
            traitsHelp={
              <CoherencePanel
                workspaceId={workspaceId} personaId={latest.personaId} spec={spec}
                onUseType={readOnly ? undefined : (archetype) => setSpec((s) => ({ ...s, archetype }))}
              />
            }
          />
        </fieldset>
        <aside className="min-w-0">
          <div className="sticky top-20 space-y-2">
            <div className="flex items-baseline justify-between gap-2">
              <h2 className="text-sm font-semibold text-slate-900">Compiled prompt</h2>
              <span className="text-xs text-slate-500">{compiled.source === "override" ? "hand-written" : `${compiled.prompt.length} characters`}</span>
            </div>
            <pre
              aria-label="Compiled prompt"
              tabIndex={0}
              role="region"
              className="max-h-[calc(100vh-10rem)] overflow-y-auto whitespace-pre-wrap break-words rounded-xl border border-slate-200 bg-white px-4 py-3 font-mono text-xs leading-relaxed text-slate-800 shadow-sm"
            >
              {compiled.prompt || "(empty prompt)"}
            </pre>
            <p className="text-xs text-slate-500">
              Compiled as you type.{dirty ? " Probes use the saved variant, so save before probing." : " This is what a probe sends."}
            </p>
          </div>
        </aside>
      </div>
    </div>
  );
}
