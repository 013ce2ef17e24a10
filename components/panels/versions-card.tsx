"use client";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { usePanelVersions } from "@/lib/query/panel-hooks";

/** Saved versions of the panel, newest first. */
export function VersionsCard({ workspaceId, panelId, readOnly, onSave }: { workspaceId: string; panelId: string; readOnly: boolean; onSave: () => void }) {
  const versions = usePanelVersions(workspaceId, panelId);
  return (
    <Section
      id="versions"
      title="Versions"
      description="Immutable snapshots of the panel: members with their pins, seats, pairs and groups."
      actions={!readOnly ? <Button size="sm" onClick={onSave}>Save version</Button> : null}
    >
      {versions.isPending ? (
        <div className="h-16 animate-pulse rounded-md bg-slate-100" />
      ) : versions.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load versions: {versions.error.message}</p>
      ) : versions.data.length === 0 ? (
        <p className="text-sm text-slate-500">No versions yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Panel versions">
          {versions.data.map((v) => (
            <li key={v.number} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2">
              <span className="font-medium tabular-nums">v{v.number}</span>
              <span className="min-w-0 flex-1 break-words text-slate-700">{v.message}</span>
              <span className="text-xs text-slate-500">{v.authorName} · <TimeAgo iso={v.createdAt} /></span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
