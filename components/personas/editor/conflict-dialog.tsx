"use client";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import { FieldChanges } from "@/components/versions/diff-view";
import { diffSpecs } from "@/lib/persona/diff";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { Conflict } from "@/components/personas/editor/use-autosave";

/**
 * Someone saved the draft after this editor loaded it. Show what differs between
 * their draft and mine and let the designer choose; until then both texts live on.
 */
export function ConflictDialog({
  conflict, mine, onKeepMine, onTakeTheirs,
}: { conflict: Conflict | null; mine: PersonaSpec; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const changes = useMemo(() => (conflict ? diffSpecs(conflict.spec, mine) : []), [conflict, mine]);
  return (
    <Dialog
      open={!!conflict}
      onClose={() => {}}
      dismissable={false}
      wide
      title="Someone else saved this draft while you were editing"
      description={
        conflict ? (
          <>
            {conflict.updatedBy} saved revision {conflict.revision} <TimeAgo iso={conflict.updatedAt} />. Nothing is lost: both
            drafts are kept until you choose. Highlighted below: <span className="diff-add px-1">your text</span> versus{" "}
            <span className="diff-del px-1">theirs</span>.
          </>
        ) : null
      }
      footer={
        <>
          <Button onClick={() => void navigator.clipboard?.writeText(JSON.stringify(mine, null, 2))}>Copy my draft as JSON</Button>
          <Button onClick={onTakeTheirs}>Use their draft</Button>
          <Button variant="primary" onClick={onKeepMine}>Keep my draft</Button>
        </>
      }
    >
      <FieldChanges fields={changes} emptyText="Their draft has the same content as yours." />
    </Dialog>
  );
}
