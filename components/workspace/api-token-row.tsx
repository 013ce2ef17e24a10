"use client";
import { useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useRevokeApiToken } from "@/lib/query/api-token-hooks";
import type { ApiToken } from "@/lib/schemas/api-token";

const STATE_TONE: Record<ApiToken["state"], Tone> = { active: "green", expired: "slate", revoked: "rose" };

/** One token: name, prefix, role, state, dates; active ones can be revoked after a confirm step. */
export function ApiTokenRow({ token, workspaceId }: { token: ApiToken; workspaceId: string }) {
  const toast = useToast();
  const revoke = useRevokeApiToken(workspaceId);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="space-y-1.5 px-5 py-3 text-sm" data-testid="api-token-row" data-state={token.state}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{token.name}</span>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600" title="The token's first characters">{token.prefix}…</code>
        <Badge tone="brand">{token.role}</Badge>
        <Badge tone={STATE_TONE[token.state]}>{token.state}</Badge>
        {token.state === "active" && !confirming ? (
          <Button size="sm" variant="ghost" className="ml-auto h-7 text-rose-700 hover:bg-rose-50 hover:text-rose-800" onClick={() => setConfirming(true)}>
            Revoke
          </Button>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">
        Created by {token.createdBy} <TimeAgo iso={token.createdAt} />
        {" · "}
        {token.state === "revoked" && token.revokedAt ? (
          <>revoked <TimeAgo iso={token.revokedAt} /></>
        ) : token.expiresAt ? (
          <>{token.state === "expired" ? "expired" : "expires"} <TimeAgo iso={token.expiresAt} /></>
        ) : (
          "never expires"
        )}
        {" · "}
        {token.lastUsedAt ? <>last used <TimeAgo iso={token.lastUsedAt} /></> : "never used"}
      </p>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-rose-200 bg-rose-50 px-3 py-2" role="group" aria-label="Confirm revoke">
          <span className="text-xs text-rose-900">Revoke “{token.name}”? Pipelines using it fail at once, and it cannot be turned back on.</span>
          <div className="ml-auto flex gap-2">
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={revoke.isPending}>Cancel</Button>
            <Button
              size="sm"
              variant="danger"
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => { setConfirming(false); toast(`Revoked “${token.name}”`); },
                  onError: (e) => toast(e.message, "error"),
                })
              }
            >
              {revoke.isPending ? "Revoking…" : "Revoke token"}
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
