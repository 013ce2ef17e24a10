"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { describeAcknowledgement, prettyKey } from "@/components/probes/flag-acknowledgement";
import { useAcknowledgements, useRemoveAcknowledgement } from "@/lib/query/acknowledgement-hooks";
import { useTraitLibrary } from "@/lib/query/probe-hooks";
import type { Acknowledgement } from "@/lib/schemas/acknowledgement";

// The persona's "expected for this persona" list (issue 12 §7): every flag
// acknowledged on it, with the reason, who and when; editors remove one here
// (the flag is open again on every report). Flags are acknowledged on a report.

export function AcknowledgementsList({ workspaceId, personaId, canEdit }: { workspaceId: string; personaId: string; canEdit: boolean }) {
  const acks = useAcknowledgements(workspaceId, personaId);
  const library = useTraitLibrary();
  if (acks.isPending || acks.isError || acks.data.length === 0) return null;
  const names = new Map(library.data?.traits.map((t) => [t.key, t.name]) ?? []);
  const nameOf = (key: string) => names.get(key) ?? prettyKey(key);
  return (
    <Card className="px-5 py-4" aria-labelledby="acks-title">
      <h2 id="acks-title" className="text-sm font-semibold">Acknowledged for this persona ({acks.data.length})</h2>
      <p className="mt-0.5 text-xs text-slate-500">
        Flags marked as expected for this persona. Every report of it shows them as acknowledged, not as open flags; the verdict line and the approval gate skip them.
      </p>
      <ul className="mt-3 divide-y divide-slate-100" aria-label="Acknowledged flags">
        {acks.data.map((a) => <Row key={a.id} ack={a} label={describeAcknowledgement(a, nameOf)} workspaceId={workspaceId} personaId={personaId} canEdit={canEdit} />)}
      </ul>
    </Card>
  );
}

function Row({ ack, label, workspaceId, personaId, canEdit }: { ack: Acknowledgement; label: string; workspaceId: string; personaId: string; canEdit: boolean }) {
  const remove = useRemoveAcknowledgement(workspaceId, personaId);
  const toast = useToast();
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 text-sm">
      <div className="min-w-0 flex-1 basis-64">
        <p className="font-medium text-slate-900">{label}</p>
        <p className="break-words text-slate-700">{ack.reason}</p>
        <p className="text-xs text-slate-500">by {ack.by}, <TimeAgo iso={ack.at} /></p>
      </div>
      {canEdit ? (
        <Button size="sm" variant="ghost" disabled={remove.isPending} aria-label={`Remove: ${label}`}
          onClick={() => remove.mutate(ack.id, { onSuccess: () => toast("Removed: the flag is open again"), onError: (e) => toast(e.message, "error") })}>
          {remove.isPending ? "Removing…" : "Remove"}
        </Button>
      ) : null}
    </li>
  );
}
