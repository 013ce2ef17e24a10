"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useArchivePersona, useDeletePersona } from "@/lib/query/hooks";
import type { PersonaDetail } from "@/lib/schemas/persona-api";

export function DangerZone({ workspaceId, persona }: { workspaceId: string; persona: PersonaDetail }) {
  const router = useRouter();
  const toast = useToast();
  const archive = useArchivePersona(workspaceId, persona.id);
  const remove = useDeletePersona(workspaceId, persona.id);
  const [confirm, setConfirm] = useState<"archive" | "delete" | null>(null);
  const [typed, setTyped] = useState("");

  return (
    <section className="rounded-xl border border-rose-200 bg-white px-5 py-4 shadow-sm">
      <h2 className="text-sm font-semibold text-rose-900">Archive or delete</h2>
      <p className="mt-0.5 text-xs text-slate-500">Archiving hides the persona from the list and freezes it; you can restore it. Deleting removes it and every version for good.</p>
      <div className="mt-3 flex gap-2">
        <Button onClick={() => setConfirm("archive")}>Archive…</Button>
        <Button variant="danger" onClick={() => { setTyped(""); setConfirm("delete"); }}>Delete…</Button>
      </div>

      <Dialog
        open={confirm === "archive"}
        onClose={() => setConfirm(null)}
        title={`Archive “${persona.name}”?`}
        description="It leaves the persona list and becomes read-only. Versions stay. You can restore it from the Archived filter."
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirm(null)}>Cancel</Button>
            <Button
              variant="primary"
              disabled={archive.isPending}
              onClick={() => archive.mutate(true, { onSuccess: () => { setConfirm(null); toast(`Archived ${persona.name}`); } })}
            >
              Archive persona
            </Button>
          </>
        }
      />

      <Dialog
        open={confirm === "delete"}
        onClose={() => setConfirm(null)}
        title={`Delete “${persona.name}” permanently?`}
        description={`This deletes the draft and all ${persona.latestVersion} version(s). It cannot be undone.`}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirm(null)}>Cancel</Button>
            <Button
              variant="danger"
              disabled={typed !== persona.name || remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    toast(`Deleted ${persona.name}`);
                    router.push(`/w/${workspaceId}`);
                  },
                })
              }
            >
              Delete forever
            </Button>
          </>
        }
      >
        <Field label={<>Type <strong>{persona.name}</strong> to confirm</>} htmlFor="confirm-delete" error={remove.error?.message}>
          <Input id="confirm-delete" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </Field>
      </Dialog>
    </section>
  );
}
