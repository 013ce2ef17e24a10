"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/query/api";
import { useProviderMutations, useProviders } from "@/lib/query/provider-hooks";
import type { ProviderInfo } from "@/lib/schemas/provider";
import { can, type Workspace } from "@/lib/schemas/workspace";
import { EditProviderDialog } from "@/components/workspace/providers-edit-dialog";
import { AddProviderForm } from "@/components/workspace/providers-form";
import { ProviderRow } from "@/components/workspace/providers-row";
import { RemoveProviderDialog } from "@/components/workspace/providers-remove-dialog";

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : "Something went wrong; please try again");

/** "Model providers" on the Members & settings page: every member sees the list; owners connect, test and choose. */
export function ProvidersSection({ workspace }: { workspace: Workspace }) {
  const toast = useToast();
  const owner = can.manageWorkspace(workspace.role);
  const list = useProviders(workspace.id);
  const { remove, setDefault } = useProviderMutations(workspace.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ProviderInfo | null>(null);
  const [removing, setRemoving] = useState<ProviderInfo | null>(null);

  const makeDefault = (p: ProviderInfo) =>
    setDefault.mutate(
      { providerId: p.id, model: p.defaultModel },
      {
        onSuccess: () => toast(`${p.name} (${p.defaultModel}) is now the default`),
        onError: (e) => toast(messageOf(e), "error"),
      },
    );

  return (
    <Section
      id="providers"
      title="Model providers"
      description={
        owner
          ? "Endpoints that answer previews and probe runs. Keys are stored encrypted and never shown again."
          : "Endpoints that answer previews and probe runs. Only owners can connect or change them."
      }
      actions={owner && !adding ? <Button size="sm" variant="primary" onClick={() => setAdding(true)}>Add provider</Button> : null}
    >
      {list.isPending ? (
        <div className="space-y-2" aria-busy="true" role="status" aria-label="Loading providers">
          {[0, 1].map((i) => <div key={i} className="h-14 animate-pulse rounded-md bg-slate-100" />)}
        </div>
      ) : list.isError ? (
        <p className="text-sm text-rose-600" role="alert">Could not load providers: {messageOf(list.error)}</p>
      ) : (
        <ul className="-mx-5 -my-4 divide-y divide-slate-100">
          {list.data.providers.map((p) => (
            <ProviderRow
              key={p.id}
              provider={p}
              defaultModel={p.isDefault ? list.data.default.model : null}
              owner={owner}
              busy={(setDefault.isPending && setDefault.variables?.providerId === p.id) || (remove.isPending && remove.variables === p.id)}
              onMakeDefault={() => makeDefault(p)}
              onEdit={() => setEditing(p)}
              onRemove={() => setRemoving(p)}
            />
          ))}
        </ul>
      )}
      {owner && adding ? (
        <div className="-mx-5 -mb-4 mt-4 border-t border-slate-100 px-5 py-4">
          <AddProviderForm workspaceId={workspace.id} onDone={() => setAdding(false)} />
        </div>
      ) : null}
      {owner ? (
        <>
          <EditProviderDialog workspaceId={workspace.id} provider={editing} onClose={() => setEditing(null)} />
          <RemoveProviderDialog
            provider={removing}
            pending={remove.isPending}
            onClose={() => setRemoving(null)}
            onConfirm={(p) =>
              remove.mutate(p.id, {
                onSuccess: () => {
                  setRemoving(null);
                  toast(`Removed ${p.name}`);
                },
                onError: (e) => toast(messageOf(e), "error"),
              })
            }
          />
        </>
      ) : null}
    </Section>
  );
}
