"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { NewVariantDialog } from "@/components/variants/new-variant-dialog";
import { PreviousComparisons } from "@/components/variants/previous-comparisons";
import { ProbeVariantsPanel } from "@/components/variants/probe-variants-panel";
import { VariantCard } from "@/components/variants/variant-card";
import { useVariants } from "@/lib/query/composer-hooks";
import { usePersona, useWorkspace } from "@/lib/query/hooks";
import { can } from "@/lib/schemas/workspace";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import { PersonaLoadError } from "@/components/personas/persona-load-error";

// A persona's variants: alternative prompts measured against the persona's own
// targets. Create them from the draft, edit them, and probe several in one go.

const traitName = (key: string) => findTrait(key)?.name ?? humanizeTraitKey(key);

export function VariantsPage({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const persona = usePersona(workspaceId, personaId);
  const workspace = useWorkspace(workspaceId);
  const variants = useVariants(workspaceId, personaId);
  const [creating, setCreating] = useState(false);
  // An archived persona is read-only, variants included (the routes answer 409).
  const canEdit = !!workspace && can.editPersona(workspace.role) && persona.data?.status !== "archived";
  const base = `/w/${workspaceId}/personas/${personaId}`;

  if (persona.isError) return <PersonaLoadError workspaceId={workspaceId} error={persona.error} />;
  const targets = Object.entries(persona.data?.spec.traitTargets ?? {});
  const list = variants.data ?? [];

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-8">
      <div>
        <Breadcrumb items={[{ label: "Personas", href: `/w/${workspaceId}` }, { label: persona.data?.name ?? "…", href: base }, { label: "Variants" }]} />
        <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Variants</h1>
            <p className="mt-1 max-w-2xl text-sm text-slate-500">
              Variants are alternative prompts for the same persona, measured against the same targets — e.g. the trait list vs the
              character type. Probe them together to see which lands closer.
            </p>
          </div>
          <div className="flex items-center gap-3">
            <Link href={base} className="text-sm font-medium text-brand-600 hover:text-brand-700">Open the editor →</Link>
            {canEdit && persona.data ? <Button variant="primary" onClick={() => setCreating(true)}>New variant</Button> : null}
          </div>
        </div>
      </div>

      <div className="rounded-xl border border-slate-200 bg-white px-5 py-3.5 shadow-sm" role="region" aria-label="Targets">
        {persona.isPending ? (
          <div className="h-6 animate-pulse rounded bg-slate-100" />
        ) : targets.length ? (
          <div className="flex flex-wrap items-center gap-1.5 text-sm">
            <span className="mr-1 text-slate-600">Every variant is judged against the draft&rsquo;s targets:</span>
            {targets.map(([k, v]) => (
              <Badge key={k} tone="slate" className="tabular-nums">{traitName(k)} <span className="font-semibold text-slate-900">{v}</span></Badge>
            ))}
          </div>
        ) : (
          <p className="text-sm text-amber-900" role="note">
            Variants are compared against the draft&rsquo;s trait targets, and this draft has none yet: set targets first.{" "}
            <Link href={`${base}#traits`} className="font-medium text-brand-700 hover:underline">Set trait targets in the editor →</Link>
          </p>
        )}
      </div>

      <div className={canEdit ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]" : "space-y-6"}>
        <div className="min-w-0 space-y-6">
          {variants.isPending ? (
            <div className="h-48 animate-pulse rounded-xl bg-slate-100" />
          ) : variants.isError ? (
            <p role="alert" className="text-sm text-rose-600">Could not load the variants: {variants.error.message}</p>
          ) : list.length === 0 ? (
            <EmptyState title="No variants yet">
              {canEdit ? "Press “New variant” to start one" : "Editors start variants"} from the draft — for example one with only the
              character type and one with only the trait list — then probe them together on the same model.
            </EmptyState>
          ) : (
            <ul className="grid gap-4 xl:grid-cols-2" aria-label="Variants">
              {list.map((v) => (
                <li key={v.id} className="min-w-0"><VariantCard workspaceId={workspaceId} personaId={personaId} variant={v} canEdit={canEdit} /></li>
              ))}
            </ul>
          )}
          <PreviousComparisons workspaceId={workspaceId} personaId={personaId} />
        </div>
        {canEdit && persona.data ? (
          <ProbeVariantsPanel workspaceId={workspaceId} persona={persona.data} variants={list} />
        ) : null}
      </div>

      {persona.data ? (
        <NewVariantDialog
          workspaceId={workspaceId} personaId={personaId} open={creating} onClose={() => setCreating(false)}
          taken={list.map((v) => v.name)}
        />
      ) : null}
    </div>
  );
}
