"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { usePersona, useRestoreVersion } from "@/lib/query/hooks";

export function RestoreDialog({
  workspaceId, personaId, number, onClose,
}: { workspaceId: string; personaId: string; number: number | null; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const persona = usePersona(workspaceId, personaId);
  const restore = useRestoreVersion(workspaceId, personaId);
  return (
    <Dialog
      open={number !== null}
      onClose={onClose}
      title={`Restore version ${number} into the draft?`}
      description={
        persona.data?.dirty
          ? "The current draft has unversioned changes. They will be replaced — save a version first if you want to keep them."
          : "The draft becomes a copy of this version. History is not changed."
      }
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={restore.isPending || !persona.data}
            onClick={() =>
              restore.mutate(
                { number: number!, revision: persona.data!.revision },
                {
                  onSuccess: () => {
                    toast(`Version ${number} restored into the draft`);
                    onClose();
                    router.push(`/w/${workspaceId}/personas/${personaId}`);
                  },
                },
              )
            }
          >
            Restore
          </Button>
        </>
      }
    >
      {restore.error ? <p role="alert" className="text-sm text-rose-600">{restore.error.message}</p> : null}
    </Dialog>
  );
}
