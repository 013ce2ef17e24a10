"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Member } from "@/lib/schemas/workspace";

export function RemoveMemberDialog({
  member, workspaceName, pending, onClose, onConfirm,
}: {
  member: Member | null; workspaceName: string; pending: boolean;
  onClose: () => void; onConfirm: (m: Member) => void;
}) {
  return (
    <Dialog
      open={member !== null}
      onClose={onClose}
      title={member ? `Remove ${member.name}?` : "Remove member?"}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={pending || !member} onClick={() => member && onConfirm(member)}>
            {pending ? "Removing…" : "Remove member"}
          </Button>
        </>
      }
    >
      {member ? (
        <p className="text-sm text-slate-600">
          <span className="font-medium text-slate-900">{member.name}</span> ({member.email}) will lose access to{" "}
          <span className="font-medium text-slate-900">{workspaceName}</span> and its personas. An owner can invite them again later.
        </p>
      ) : null}
    </Dialog>
  );
}
