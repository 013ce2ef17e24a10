"use client";
import { useToast } from "@/components/ui/toast";
import { fieldError } from "@/components/workspace/form-errors";
import { useWorkspaceMutations } from "@/lib/query/hooks";
import type { Workspace } from "@/lib/schemas/workspace";

/** Issue 16 §7: the optional "authors cannot approve their own version" rule (owners switch it). */
export function AuthorsApproveSetting({ workspace, owner }: { workspace: Workspace; owner: boolean }) {
  const toast = useToast();
  const { setAuthorsMayApprove } = useWorkspaceMutations();
  const error = fieldError(setAuthorsMayApprove.error, "authorsMayApprove") ?? (setAuthorsMayApprove.error ? setAuthorsMayApprove.error.message : null);
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-brand-600"
          checked={!workspace.authorsMayApprove}
          disabled={!owner || setAuthorsMayApprove.isPending}
          onChange={(e) => setAuthorsMayApprove.mutate(
            { id: workspace.id, authorsMayApprove: !e.target.checked },
            { onSuccess: (ws) => toast(ws.authorsMayApprove ? "Authors may approve their own versions again" : "A version now needs a reviewer other than its author") },
          )}
        />
        <span>
          <span className="font-medium">Authors cannot approve their own version</span>
          <span className="block text-xs text-slate-600">Whoever saved a version needs another reviewer to approve it.</span>
        </span>
      </label>
      {error ? <p className="text-xs text-rose-600" role="alert">{error}</p> : null}
    </div>
  );
}
