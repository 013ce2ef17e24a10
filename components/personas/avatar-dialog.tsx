"use client";
import { useState } from "react";
import { PersonaAvatar } from "@/components/personas/persona-avatar";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { ApiError } from "@/lib/query/api";
import { useRemoveAvatar, useUploadAvatar } from "@/lib/query/avatar-hooks";

// Change the persona's picture: upload one (stored as a 512×512 PNG, also the
// image of the exported PNG card) or remove it to go back to the initials.

export function AvatarButton({ workspaceId, personaId, name, canEdit }: { workspaceId: string; personaId: string; name: string; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const upload = useUploadAvatar(workspaceId, personaId);
  const remove = useRemoveAvatar(workspaceId, personaId);
  const error = upload.error ?? remove.error;
  if (!canEdit) return <PersonaAvatar workspaceId={workspaceId} personaId={personaId} name={name} />;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label="Change avatar" title="Change avatar" className="shrink-0 rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        <PersonaAvatar workspaceId={workspaceId} personaId={personaId} name={name} />
      </button>
      <Dialog open={open} onClose={() => { setOpen(false); upload.reset(); remove.reset(); }} title="Avatar"
        description="Shown in the list and the editor, and used as the picture of the exported PNG card."
        footer={<Button variant="primary" onClick={() => setOpen(false)}>Done</Button>}>
        <div className="flex flex-col items-center gap-4 sm:flex-row sm:items-start">
          <PersonaAvatar workspaceId={workspaceId} personaId={personaId} name={name} className="h-28 w-28" />
          <div className="w-full space-y-3">
            <Field label="Upload an image" htmlFor="avatar-file" hint="PNG, JPEG or WebP, up to 2 MB; cropped to a square">
              <Input id="avatar-file" type="file" accept="image/png,image/jpeg,image/webp" className="h-auto py-1.5" disabled={upload.isPending}
                onChange={(e) => { const f = e.target.files?.[0]; if (f) upload.mutate(f); e.target.value = ""; }} />
            </Field>
            <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate()}>Use the generated initials</Button>
            {upload.isPending ? <p className="text-sm text-slate-600" role="status">Uploading…</p> : null}
            {error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">{error instanceof ApiError ? error.message : String(error)}</p> : null}
          </div>
        </div>
      </Dialog>
    </>
  );
}
