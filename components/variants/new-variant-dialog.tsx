"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/query/api";
import { useVariantMutations } from "@/lib/query/composer-hooks";
import { VARIANT_STARTS } from "@/lib/schemas/variant";

// "New variant": a name and where to start from. The two halves of the classic
// A/B (character type vs trait list) are one click each; the name follows the
// choice until the designer types their own.

type Start = (typeof VARIANT_STARTS)[number];
const FORM_ID = "new-variant-form";

const STARTS: { value: Start; title: string; detail: string; name: string }[] = [
  { value: "draft", title: "Copy of the draft", detail: "Everything the draft has today: character type, trait list, voice and examples.", name: "Draft copy" },
  { value: "character_type", title: "Character type only", detail: "the draft without its trait list", name: "Character type" },
  { value: "trait_list", title: "Trait list only", detail: "no character type or background", name: "Trait list" },
];
const labelOf = (s: (typeof STARTS)[number]) => (s.value === "draft" ? s.title : `${s.title} — ${s.detail}`);

/** "Trait list", or "Trait list 2" when that name is taken. */
function freeName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} ${i}`)) return `${base} ${i}`;
}

function defaultStart(taken: string[]): Start {
  if (!taken.includes("Character type")) return "character_type";
  if (!taken.includes("Trait list")) return "trait_list";
  return "draft";
}

export function NewVariantDialog({
  workspaceId, personaId, open, onClose, taken,
}: { workspaceId: string; personaId: string; open: boolean; onClose: () => void; taken: string[] }) {
  const { create } = useVariantMutations(workspaceId, personaId);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New variant"
      description="A variant is a separate copy you can edit freely; the draft stays as it is."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={FORM_ID} disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create variant"}
          </Button>
        </>
      }
    >
      {/* Mounted only while open (Dialog renders children then), so each opening starts fresh. */}
      <NewVariantForm create={create} taken={taken} onDone={onClose} />
    </Dialog>
  );
}

function NewVariantForm({
  create, taken, onDone,
}: { create: ReturnType<typeof useVariantMutations>["create"]; taken: string[]; onDone: () => void }) {
  const toast = useToast();
  const [from, setFrom] = useState<Start>(() => defaultStart(taken));
  const [typed, setTyped] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const name = typed ?? freeName(STARTS.find((s) => s.value === from)!.name, taken);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setErrors({ name: "Name the variant" });
    setErrors({});
    create.mutate({ name: name.trim(), from }, {
      onSuccess: (v) => { toast(`Created “${v.name}”`); onDone(); },
      onError: (err) => setErrors({ [err instanceof ApiError && err.field ? err.field : "form"]: err.message }),
    });
  }

  return (
    <form id={FORM_ID} onSubmit={submit} className="space-y-5">
      <Field label="Name" htmlFor="variant-name" error={errors.name} hint="Shown in comparisons; follows your choice below until you type your own.">
        <Input id="variant-name" value={name} maxLength={60} onChange={(e) => setTyped(e.target.value)} autoFocus />
      </Field>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-800">Start from</legend>
        {STARTS.map((s) => (
          <label
            key={s.value}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-lg border px-3.5 py-3 transition-colors",
              from === s.value ? "border-brand-500 bg-brand-50/60 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300 hover:bg-slate-50",
            )}
          >
            <input
              type="radio" name="variant-from" value={s.value} checked={from === s.value}
              onChange={() => setFrom(s.value)} aria-label={labelOf(s)} className="mt-0.5 accent-brand-600"
            />
            <span className="min-w-0">
              <span className="block text-sm font-medium text-slate-900">{s.title}</span>
              <span className="block text-xs text-slate-500">{s.value === "draft" ? s.detail : s.detail[0].toUpperCase() + s.detail.slice(1) + "."}</span>
            </span>
          </label>
        ))}
        {errors.from ? <p role="alert" className="text-xs text-rose-600">{errors.from}</p> : null}
      </fieldset>
      {errors.form ? <p role="alert" className="text-sm text-rose-600">{errors.form}</p> : null}
    </form>
  );
}
