"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import { changedParts, draftOf, type PanelDraft } from "@/components/panels/panel-draft";
import type { PanelConflict } from "@/lib/query/panel-hooks";

/** Someone saved the panel after this editor loaded it: both drafts live on until the designer chooses. */
export function PanelConflictDialog({
  conflict, mine, onKeepMine, onTakeTheirs,
}: { conflict: PanelConflict | null; mine: PanelDraft; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const parts = conflict ? changedParts(draftOf(conflict), mine) : [];
  return (
    <Dialog
      open={!!conflict}
      onClose={() => {}}
      dismissable={false}
      title="Someone else saved this panel while you were editing"
      description={conflict ? <>{conflict.updatedBy} saved revision {conflict.revision} <TimeAgo iso={conflict.updatedAt} />. Nothing is lost: both drafts are kept until you choose.</> : null}
      footer={
        <>
          <Button onClick={() => void navigator.clipboard?.writeText(JSON.stringify(mine, null, 2))}>Copy my draft as JSON</Button>
          <Button onClick={onTakeTheirs}>Use their draft</Button>
          <Button variant="primary" onClick={onKeepMine}>Keep my draft</Button>
        </>
      }
    >
      <p className="text-sm text-slate-700">
        {parts.length ? <>Their draft differs from yours in: <strong>{parts.join(", ")}</strong>.</> : "Their draft has the same content as yours."}
      </p>
    </Dialog>
  );
}
