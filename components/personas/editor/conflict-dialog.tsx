"use client";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import { FieldChanges } from "@/components/versions/diff-view";
import { diffSpecs } from "@/lib/persona/diff";
import { inConflict } from "@/lib/persona/merge";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { Conflict } from "@/components/personas/editor/use-autosave";

/**
 * Someone saved the draft after this editor loaded it and changed a field this editor
 * changed too (edits to different fields merge without asking: lib/persona/merge).
 * Show those fields, theirs against mine, and let the designer choose for them; every
 * other edit, theirs and mine, is kept either way. Until then both texts live on.
 */
export function ConflictDialog({
  conflict, fields, mine, onKeepMine, onTakeTheirs,
}: { conflict: Conflict | null; fields: string[]; mine: PersonaSpec; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const changes = useMemo(
    () => (conflict ? diffSpecs(conflict.spec, mine).filter((c) => inConflict(c.path, fields)) : []),
    [conflict, mine, fields],
  );
  return (
    <Dialog
      open={!!conflict}
      onClose={() => {}}
      dismissable={false}
      wide
      title={fields.length === 1 ? "Someone else changed the same field" : "Someone else changed the same fields"}
      description={
        conflict ? (
          <>
            {conflict.updatedBy} saved revision {conflict.revision} <TimeAgo iso={conflict.updatedAt} /> with a different text in{" "}
            {fields.length === 1 ? "a field" : `${fields.length} fields`} you also changed. Your other edits and theirs are merged
            either way; only these fields need your choice. Highlighted below: <span className="diff-add px-1">your text</span> versus{" "}
            <span className="diff-del px-1">theirs</span>.
          </>
        ) : null
      }
      footer={
        <>
          <Button onClick={() => void navigator.clipboard?.writeText(JSON.stringify(mine, null, 2))}>Copy my draft as JSON</Button>
          <Button onClick={onTakeTheirs}>Use their text here</Button>
          <Button variant="primary" onClick={onKeepMine}>Keep my text here</Button>
        </>
      }
    >
      <FieldChanges fields={changes} emptyText="Their draft has the same content as yours." />
    </Dialog>
  );
}
