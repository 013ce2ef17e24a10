"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/query/api";
import { useCreatePersona } from "@/lib/query/hooks";

const EXAMPLES = [
  "a veteran ER triage nurse who has seen everything and still cares",
  "a skeptical investigative science journalist",
  "a patient senior engineer mentoring a junior colleague",
];

export function NewPersonaDialog({ workspaceId, open, onClose }: { workspaceId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const create = useCreatePersona(workspaceId);
  const [name, setName] = useState("");
  const [archetype, setArchetype] = useState("");
  const err = create.error instanceof ApiError ? create.error : null;

  const submit = () =>
    create.mutate(
      { name, archetype },
      { onSuccess: (p) => router.push(`/w/${workspaceId}/personas/${p.id}`) },
    );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New persona"
      description="Start from a character type, not a list of adjectives: the type carries a whole cluster of consistent traits."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={create.isPending}>Create persona</Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Field label="Archetype — what kind of person is this?" htmlFor="new-archetype" error={err?.field === "archetype" ? err.message : null}>
          <Textarea id="new-archetype" rows={2} value={archetype} onChange={(e) => setArchetype(e.target.value)} placeholder={EXAMPLES[0]} autoFocus />
        </Field>
        <div className="flex flex-wrap gap-1.5">
          {EXAMPLES.map((ex) => (
            <button key={ex} type="button" onClick={() => setArchetype(ex)} className="rounded-full bg-slate-100 px-2.5 py-1 text-xs text-slate-600 hover:bg-brand-50 hover:text-brand-700">
              {ex}
            </button>
          ))}
        </div>
        <Field label="Name" htmlFor="new-name" error={err && err.field !== "archetype" ? err.message : null}>
          <Input id="new-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Triage Nurse Rosa" />
        </Field>
      </form>
    </Dialog>
  );
}
