"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { ModelFields, type ModelChoice } from "@/components/probes/model-fields";
import { FormError, fieldError } from "@/components/workspace/form-errors";
import { api, paths } from "@/lib/query/api";
import { keys } from "@/lib/query/hooks";
import { useProviders } from "@/lib/query/provider-hooks";
import { DELETED_PROVIDER_LABEL } from "@/lib/schemas/provider";
import { can, type ReferenceJudge, type Workspace } from "@/lib/schemas/workspace";

// The workspace's reference judge (issue 11 §6): the model that scores every
// new probe unless the probe names its own judge. Without one, a probe is judged
// by its target model — which then grades its own answers.

export function ReferenceJudgeSection({ workspace }: { workspace: Workspace }) {
  const owner = can.manageWorkspace(workspace.role);
  const providers = useProviders(workspace.id);
  const list = providers.data?.providers ?? [];
  const current = workspace.referenceJudge;
  const labelOf = (j: NonNullable<ReferenceJudge>) => `${list.find((p) => p.id === j.providerId)?.name ?? (providers.data ? DELETED_PROVIDER_LABEL : "…")} · ${j.model}`;
  return (
    <Section
      title="Reference judge"
      description="The model that scores new probes unless a probe names its own judge. Without one, each probe is judged by its target model, which then grades its own answers (self-judged)."
    >
      <p className="text-sm text-slate-700" data-testid="reference-judge">
        {current ? <>Probes are judged by <span className="font-medium">{labelOf(current)}</span>.</> : "None set: probes are self-judged unless they name a judge."}
      </p>
      {owner && providers.data ? <ReferenceJudgeForm key={current ? `${current.providerId}:${current.model}` : "none"} workspace={workspace} initial={current ?? providers.data.default} /> : null}
      {!owner ? <p className="text-xs text-slate-500">Only owners can change it.</p> : null}
    </Section>
  );
}

function ReferenceJudgeForm({ workspace, initial }: { workspace: Workspace; initial: ModelChoice }) {
  const toast = useToast();
  const qc = useQueryClient();
  const providers = useProviders(workspace.id);
  const [choice, setChoice] = useState<ModelChoice>(initial);
  const save = useMutation({
    mutationFn: (referenceJudge: ReferenceJudge) => api<Workspace>("PATCH", paths.workspace(workspace.id), { referenceJudge }),
    onSuccess: (ws) => {
      void qc.invalidateQueries({ queryKey: keys.me });
      toast(ws.referenceJudge ? "Reference judge saved: new probes use it" : "Reference judge removed: new probes are self-judged unless they name a judge");
    },
  });
  const error = fieldError(save.error, "referenceJudge.providerId") ?? fieldError(save.error, "referenceJudge.model");
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ providerId: choice.providerId, model: choice.model.trim() });
      }}
    >
      <Field label="Judge provider and model" htmlFor="reference-judge" error={error}>
        <div className="flex max-w-2xl flex-wrap gap-2">
          <div className="min-w-0 flex-1">
            <ModelFields id="reference-judge" label="Reference judge" providers={providers.data?.providers ?? []} value={choice} onChange={setChoice} />
          </div>
          <Button type="submit" variant="primary" disabled={save.isPending || !choice.model.trim()} className="shrink-0">
            {save.isPending ? "Saving…" : "Use as reference judge"}
          </Button>
          {workspace.referenceJudge ? (
            <Button type="button" variant="ghost" disabled={save.isPending} onClick={() => save.mutate(null)} className="shrink-0">Remove</Button>
          ) : null}
        </div>
      </Field>
      <FormError error={save.error} fields={["referenceJudge.providerId", "referenceJudge.model"]} />
    </form>
  );
}
