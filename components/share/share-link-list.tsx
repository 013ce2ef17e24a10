"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmRevoke, Lifetime, REVOCABLE_STATE_TONE, RevokeButton } from "@/components/ui/revocable";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useRevokeShareLink, useShareLinks } from "@/lib/query/share-hooks";
import type { ShareLink } from "@/lib/schemas/share";

// Every link made for the persona, newest first: what it shows, its state, who
// made it and whether anyone has opened it. Editors revoke active ones, after
// a confirm step (a revoked link cannot be brought back).

export function ShareLinkList({ workspaceId, personaId, canEdit }: { workspaceId: string; personaId: string; canEdit: boolean }) {
  const links = useShareLinks(workspaceId, personaId);
  if (links.isPending) return <div className="h-20 animate-pulse rounded-lg bg-slate-100" />;
  if (links.isError) return <p role="alert" className="text-sm text-rose-600">Could not load the share links: {links.error.message}</p>;
  if (links.data.length === 0) return <p className="text-sm text-slate-500">No share links yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Share links">
      {links.data.map((link) => (
        <LinkRow key={link.id} link={link} workspaceId={workspaceId} personaId={personaId} canEdit={canEdit} />
      ))}
    </ul>
  );
}

function LinkRow({ link, workspaceId, personaId, canEdit }: { link: ShareLink; workspaceId: string; personaId: string; canEdit: boolean }) {
  const toast = useToast();
  const revoke = useRevokeShareLink(workspaceId, personaId);
  const [confirming, setConfirming] = useState(false);
  const name = link.label || "Untitled link";
  return (
    <li className="space-y-1.5 px-3 py-2.5 text-sm" data-testid="share-link" data-state={link.state}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={link.label ? "font-medium text-slate-900" : "font-medium italic text-slate-500"}>{name}</span>
        <Badge tone="brand">{link.version === "latest" ? "latest" : `v${link.version}`}</Badge>
        <Badge tone={REVOCABLE_STATE_TONE[link.state]}>{link.state}</Badge>
        {link.includeComments ? <Badge tone="sky">with comments</Badge> : null}
        {canEdit && link.state === "active" && !confirming ? <RevokeButton onClick={() => setConfirming(true)} /> : null}
      </div>
      <p className="text-xs text-slate-500">
        <Lifetime item={link} />
      </p>
      <p className="text-xs text-slate-500">
        {link.lastAccessedAt ? <>Last opened <TimeAgo iso={link.lastAccessedAt} /></> : "Never opened"}
        {link.accessCount > 0 ? <span className="tabular-nums"> · opened {link.accessCount} time{link.accessCount === 1 ? "" : "s"}</span> : null}
      </p>
      {confirming ? (
        <ConfirmRevoke
          message={`Revoke “${name}”? It stops working at once and cannot be turned back on.`}
          confirmLabel="Revoke link" busy={revoke.isPending} onCancel={() => setConfirming(false)}
          onConfirm={() => revoke.mutate(link.id, {
            onSuccess: () => { setConfirming(false); toast("Link revoked"); },
            onError: (e) => toast(e.message, "error"),
          })}
        />
      ) : null}
    </li>
  );
}
