"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ProviderInfo } from "@/lib/schemas/provider";

export function RemoveProviderDialog({
  provider, pending, onClose, onConfirm,
}: { provider: ProviderInfo | null; pending: boolean; onClose: () => void; onConfirm: (p: ProviderInfo) => void }) {
  return (
    <Dialog
      open={provider !== null}
      onClose={onClose}
      title={provider ? `Remove ${provider.name}?` : "Remove provider?"}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={pending || !provider} onClick={() => provider && onConfirm(provider)}>
            {pending ? "Removing…" : "Remove provider"}
          </Button>
        </>
      }
    >
      {provider ? (
        <div className="space-y-2 text-sm text-slate-600">
          <p>
            The endpoint <span className="font-mono text-slate-900">{provider.baseUrl}</span> and its stored key are deleted
            from this workspace. You can connect it again later.
          </p>
          {provider.isDefault ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-800 ring-1 ring-inset ring-amber-200">
              It is the workspace default: the studio falls back to the environment provider if one is configured, else to the simulator.
            </p>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
