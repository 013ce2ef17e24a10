"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useVariantMutations } from "@/lib/query/composer-hooks";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { Variant } from "@/lib/schemas/variant";

// One variant in the list: what it is made of (the variant does not remember
// how it was started, so the hint reads its spec), the start of its prompt,
// and edit/delete.

export function startHint(spec: PersonaSpec): string {
  const targets = Object.keys(spec.traitTargets).length;
  const hasType = spec.archetype.trim() !== "" || spec.background.trim() !== "";
  if (spec.promptOverride !== null) return "Hand-written prompt";
  if (hasType && targets === 0) return "Character type only — no trait list";
  if (!hasType && targets > 0) return `Trait list only — ${targets} trait${targets === 1 ? "" : "s"}, no character type`;
  if (!hasType) return "Empty: no character type and no trait list";
  return `Character type and trait list (${targets} trait${targets === 1 ? "" : "s"})`;
}

export function VariantCard({
  workspaceId, personaId, variant, canEdit,
}: { workspaceId: string; personaId: string; variant: Variant; canEdit: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const href = `/w/${workspaceId}/personas/${personaId}/variants/${variant.id}`;
  return (
    <Card className="flex h-full flex-col px-5 py-4" data-testid="variant-card" aria-label={`Variant ${variant.name}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate text-base font-semibold text-slate-900">
            <Link href={href} className="hover:text-brand-700">{variant.name}</Link>
          </h3>
          <p className="mt-0.5 text-xs text-slate-500">{startHint(variant.spec)}</p>
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          <Link
            href={href}
            className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
          >
            {canEdit ? "Edit" : "Open"}
          </Link>
          {canEdit ? <Button size="sm" variant="ghost" className="text-rose-700 hover:bg-rose-50 hover:text-rose-800" onClick={() => setConfirming(true)}>Delete</Button> : null}
        </div>
      </div>
      <pre
        className={cn(
          "mt-3 flex-1 whitespace-pre-wrap break-words rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs leading-relaxed text-slate-700 ring-1 ring-inset ring-slate-200",
          !expanded && "line-clamp-4",
        )}
        aria-label={`Compiled prompt of ${variant.name}`}
      >
        {variant.compiledPrompt || "(empty prompt)"}
      </pre>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span>Updated by {variant.updatedBy}, <TimeAgo iso={variant.updatedAt} /></span>
        <button type="button" className="font-medium text-brand-600 hover:text-brand-700" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
          {expanded ? "Collapse prompt" : "Show the whole prompt"}
        </button>
      </div>
      <DeleteVariantDialog workspaceId={workspaceId} personaId={personaId} variant={variant} open={confirming} onClose={() => setConfirming(false)} />
    </Card>
  );
}

function DeleteVariantDialog({
  workspaceId, personaId, variant, open, onClose,
}: { workspaceId: string; personaId: string; variant: Variant; open: boolean; onClose: () => void }) {
  const toast = useToast();
  const { remove } = useVariantMutations(workspaceId, personaId);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete “${variant.name}”?`}
      description="The variant is removed for everyone. Probe runs that measured it are kept, with their reports and comparisons."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(variant.id, {
              onSuccess: () => { toast(`Deleted “${variant.name}”`); onClose(); },
              onError: (e) => toast(e.message, "error"),
            })}
          >
            {remove.isPending ? "Deleting…" : "Delete variant"}
          </Button>
        </>
      }
    />
  );
}
