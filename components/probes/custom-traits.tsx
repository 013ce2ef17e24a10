"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { CustomTraitEditor } from "@/components/probes/custom-trait-editor";
import { useWorkspace } from "@/lib/query/hooks";
import { useCustomTraits, useDraftCustomTrait } from "@/lib/query/custom-trait-hooks";
import type { CustomTraitFields } from "@/lib/schemas/custom-trait";
import { can } from "@/lib/schemas/workspace";

// The workspace's own traits: one line → a model draft → edit → save (each save
// a new version). Not yet measurable in probe runs; that wiring comes next.

export function CustomTraitsSection({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const canEdit = !!workspace && can.editPersona(workspace.role);
  const traits = useCustomTraits(workspaceId);
  const draft = useDraftCustomTrait(workspaceId);
  const toast = useToast();
  const [describing, setDescribing] = useState(false);
  const [description, setDescription] = useState("");
  const [editing, setEditing] = useState<CustomTraitFields | null>(null);

  const close = () => {
    setEditing(null);
    setDescribing(false);
    setDescription("");
    draft.reset();
  };

  return (
    <section aria-labelledby="custom-traits" className="mt-10">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 id="custom-traits" className="text-lg font-semibold">Custom traits</h2>
          <p className="text-sm text-slate-500">This workspace&apos;s own traits. Every save is a new version.</p>
        </div>
        {canEdit && !describing && !editing ? <Button variant="primary" onClick={() => setDescribing(true)}>New custom trait</Button> : null}
      </div>

      {describing && !editing ? (
        <form
          className="mt-4 flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            draft.mutate({ description }, {
              onSuccess: ({ simulated: _s, providerLabel: _p, model: _m, ...fields }) => setEditing(fields),
            });
          }}
        >
          <Input aria-label="One-line description" placeholder="e.g. Celebrates small wins before pointing out what is missing"
            value={description} onChange={(e) => setDescription(e.target.value)} className="max-w-xl flex-1" maxLength={300} />
          <Button type="submit" variant="primary" disabled={draft.isPending || description.trim().length < 3}>
            {draft.isPending ? "Drafting…" : "Draft with the model"}
          </Button>
          <Button variant="ghost" onClick={close}>Cancel</Button>
          {draft.error ? <p role="alert" className="w-full text-sm text-rose-600">Could not draft: {draft.error.message}</p> : null}
        </form>
      ) : null}

      {editing ? (
        <div className="mt-4">
          <CustomTraitEditor workspaceId={workspaceId} initial={editing} onCancel={close}
            onSaved={(t) => { toast(`Saved ${t.name} as version ${t.version}`); close(); }} />
        </div>
      ) : null}

      <div className="mt-4">
        {traits.isPending ? (
          <div className="h-16 animate-pulse rounded-xl bg-slate-100" />
        ) : traits.isError ? (
          <p role="alert" className="text-sm text-rose-600">Could not load custom traits: {traits.error.message}</p>
        ) : traits.data.length === 0 ? (
          <p className="text-sm text-slate-500">No custom traits yet.</p>
        ) : (
          <ul aria-label="Custom traits" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            {traits.data.map((t) => (
              <li key={t.key} className="flex items-start justify-between gap-4 px-5 py-3">
                <div>
                  <p className="font-medium text-slate-900">{t.name} <Badge tone="brand">v{t.version}</Badge></p>
                  <p className="font-mono text-xs text-slate-500">{t.key}</p>
                  <p className="mt-1 text-sm text-slate-600">{t.description}</p>
                </div>
                {canEdit && !editing ? (
                  <Button size="sm" onClick={() => setEditing({
                    key: t.key, name: t.name, description: t.description, high: t.high, low: t.low, items: t.items, rubric: t.rubric,
                  })}>Edit → new version</Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
