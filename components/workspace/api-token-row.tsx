"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmRevoke, Lifetime, REVOCABLE_STATE_TONE, RevokeButton } from "@/components/ui/revocable";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useRevokeApiToken } from "@/lib/query/api-token-hooks";
import type { ApiToken } from "@/lib/schemas/api-token";

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
        <Badge tone={REVOCABLE_STATE_TONE[token.state]}>{token.state}</Badge>
        {token.state === "active" && !confirming ? <RevokeButton onClick={() => setConfirming(true)} /> : null}
      </div>
      <p className="text-xs text-slate-500">
        <Lifetime item={token} />
        {" · "}
        {token.lastUsedAt ? <>last used <TimeAgo iso={token.lastUsedAt} /></> : "never used"}
      </p>
      {confirming ? (
        <ConfirmRevoke
          message={`Revoke “${token.name}”? Pipelines using it fail at once, and it cannot be turned back on.`}
          confirmLabel="Revoke token" busy={revoke.isPending} onCancel={() => setConfirming(false)}
          onConfirm={() => revoke.mutate(token.id, {
            onSuccess: () => { setConfirming(false); toast(`Revoked “${token.name}”`); },
            onError: (e) => toast(e.message, "error"),
          })}
        />
      ) : null}
    </li>
  );
}
