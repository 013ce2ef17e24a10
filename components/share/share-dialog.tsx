"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CreatedLink } from "@/components/share/created-link";
import { ShareForm } from "@/components/share/share-form";
import { ShareLinkList } from "@/components/share/share-link-list";
import type { CreatedShare } from "@/lib/schemas/share";
import { can, type Role } from "@/lib/schemas/workspace";

// Read-only links to a saved version of the persona, for people outside the
// workspace. Editors and owners make and revoke them; everyone sees the list.

export function ShareDialog({
  open, onClose, workspaceId, personaId, role, latestVersion,
}: { open: boolean; onClose: () => void; workspaceId: string; personaId: string; role: Role; latestVersion: number }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Share"
      description="A read-only page anyone with the link can open, without signing in."
      footer={<Button onClick={onClose}>Done</Button>}
    >
      {/* The dialog mounts its body only while open: a created URL is gone once it closes. */}
      <ShareBody workspaceId={workspaceId} personaId={personaId} canEdit={can.editPersona(role)} latestVersion={latestVersion} />
    </Dialog>
  );
}

function ShareBody({
  workspaceId, personaId, canEdit, latestVersion,
}: { workspaceId: string; personaId: string; canEdit: boolean; latestVersion: number }) {
  const [created, setCreated] = useState<CreatedShare | null>(null);
  return (
    <div className="space-y-6">
      {latestVersion === 0 ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="note">
          Save a version first: share links show saved versions, never the working draft.
        </p>
      ) : !canEdit ? (
        <p className="text-sm text-slate-500">Only editors and owners can create or revoke share links.</p>
      ) : created ? (
        <CreatedLink created={created} onAnother={() => setCreated(null)} />
      ) : (
        <ShareForm workspaceId={workspaceId} personaId={personaId} onCreated={setCreated} />
      )}
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Existing links</h3>
        <ShareLinkList workspaceId={workspaceId} personaId={personaId} canEdit={canEdit} />
      </div>
    </div>
  );
}
