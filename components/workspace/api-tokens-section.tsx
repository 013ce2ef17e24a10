"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { ApiTokenCreated } from "@/components/workspace/api-token-created";
import { ApiTokenForm } from "@/components/workspace/api-token-form";
import { ApiTokenRow } from "@/components/workspace/api-token-row";
import { useApiTokens } from "@/lib/query/api-token-hooks";
import type { CreatedApiToken } from "@/lib/schemas/api-token";
import { can, type Workspace } from "@/lib/schemas/workspace";

/** "API tokens" on the Members & settings page: owners create and revoke tokens for CI (the persona-studio CLI). */
export function ApiTokensSection({ workspace }: { workspace: Workspace }) {
  const owner = can.manageWorkspace(workspace.role);
  const list = useApiTokens(workspace.id, owner);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  if (!owner) {
    return (
      <Section id="api-tokens" title="API tokens" description="Tokens let CI pipelines run probes through the API. Only owners can create them.">
        <p className="text-sm text-slate-500">Ask an owner of {workspace.name} for a token.</p>
      </Section>
    );
  }

  return (
    <Section
      id="api-tokens"
      title="API tokens"
      description="For CI: a token acts as you, in this workspace only, with the role you give it (never above yours). Only its fingerprint is stored."
      actions={!adding && !created ? <Button size="sm" variant="primary" onClick={() => setAdding(true)}>New token</Button> : null}
    >
      {created ? (
        <ApiTokenCreated created={created} workspaceId={workspace.id} onDone={() => setCreated(null)} />
      ) : adding ? (
        <ApiTokenForm
          workspaceId={workspace.id}
          onCancel={() => setAdding(false)}
          onCreated={(token) => { setAdding(false); setCreated(token); }}
        />
      ) : null}
      {list.isPending ? (
        <div className="h-14 animate-pulse rounded-md bg-slate-100" aria-busy="true" role="status" aria-label="Loading API tokens" />
      ) : list.isError ? (
        <p className="text-sm text-rose-600" role="alert">Could not load API tokens: {list.error.message}</p>
      ) : list.data.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet. Create one to run <code className="font-mono">npx persona-studio probe</code> in CI.</p>
      ) : (
        <ul className="-mx-5 -mb-4 divide-y divide-slate-100 border-t border-slate-100" aria-label="API tokens">
          {list.data.map((t) => <ApiTokenRow key={t.id} token={t} workspaceId={workspace.id} />)}
        </ul>
      )}
    </Section>
  );
}
