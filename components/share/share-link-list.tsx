"use client";
import { useState, type ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { ConfirmRevoke, Lifetime, REVOCABLE_STATE_TONE, RevokeButton } from "@/components/ui/revocable";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useRevokeShareLink, useShareLinks } from "@/lib/query/share-hooks";
import type { ShareLink } from "@/lib/schemas/share";

// Every link made for the persona (or, through ShareLinkItems and ShareLinkRow,
// for a panel: components/panels/panel-share-dialog.tsx), newest first: what it
// shows, its state, who made it and whether anyone has opened it. Editors revoke
// active ones, after a confirm step (a revoked link cannot be brought back).

export function ShareLinkList({ workspaceId, personaId, canEdit }: { workspaceId: string; personaId: string; canEdit: boolean }) {
  const links = useShareLinks(workspaceId, personaId);
  return <ShareLinkItems links={links}>{(link) => <LinkRow key={link.id} link={link} workspaceId={workspaceId} personaId={personaId} canEdit={canEdit} />}</ShareLinkItems>;
}

function LinkRow({ link, workspaceId, personaId, canEdit }: { link: ShareLink; workspaceId: string; personaId: string; canEdit: boolean }) {
  const revoke = useRevokeShareLink(workspaceId, personaId);
  return (
    <ShareLinkRow link={link} canEdit={canEdit} revoke={revoke} testId="share-link"
      tag={<Badge tone="brand">{link.version === "latest" ? "latest" : `v${link.version}`}</Badge>} />
  );
}

/** The list of links, persona or panel: loading, error and empty states, one row per link. */
export function ShareLinkItems<T extends { id: string }>({ links, children }: { links: UseQueryResult<T[], Error>; children: (link: T) => ReactNode }) {
  if (links.isPending) return <div className="h-20 animate-pulse rounded-lg bg-slate-100" />;
  if (links.isError) return <p role="alert" className="text-sm text-rose-600">Could not load the share links: {links.error.message}</p>;
  if (links.data.length === 0) return <p className="text-sm text-slate-500">No share links yet.</p>;
  return <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Share links">{links.data.map(children)}</ul>;
}

/** What a link row needs: a persona's link or a panel's (the same but for what it points at). */
type RowLink = Omit<ShareLink, "personaId" | "version">;
/** The revoke mutation of the caller's hook (useRevokeShareLink, useRevokePanelShare). */
type Revoke = { isPending: boolean; mutate: (id: string, callbacks: { onSuccess: () => void; onError: (e: Error) => void }) => void };

/** One link: label, `tag` (e.g. the version it shows), state, lifetime, opens; editors revoke it after a confirm step. */
export function ShareLinkRow({ link, canEdit, revoke, testId, tag }: { link: RowLink; canEdit: boolean; revoke: Revoke; testId: string; tag?: ReactNode }) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const name = link.label || "Untitled link";
  return (
    <li className="space-y-1.5 px-3 py-2.5 text-sm" data-testid={testId} data-state={link.state}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={link.label ? "font-medium text-slate-900" : "font-medium italic text-slate-500"}>{name}</span>
        {tag}
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
