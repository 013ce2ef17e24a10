"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { axesPagePath, useStartAxesExperiment } from "@/components/panels/axes-experiment-hooks";
import { ApiError } from "@/lib/query/api";
import { useProviders } from "@/lib/query/provider-hooks";
import { AXES_DEFAULT_ITEMS_PER_TRAIT, AXES_DEFAULT_TRAITS } from "@/lib/schemas/axes-experiment";
import { PANEL_RUN_LIMITS } from "@/lib/schemas/panel-run";

// "Axes experiment" (issue 13 §6): one topic → 15 positions along five axes,
// each drafted topic-labelled and framework-grounded → two panels on one seat,
// each probed on the same items → the per-axis comparison page.

const SEP = "\u0000";
const POSITIONS = 15;

export function AxesExperimentDialog({ workspaceId, open, onClose }: { workspaceId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const start = useStartAxesExperiment(workspaceId);
  const providers = useProviders(workspaceId);
  const [topic, setTopic] = useState("");
  const [picked, setSeat] = useState<string | null>(null);
  const [items, setItems] = useState(String(AXES_DEFAULT_ITEMS_PER_TRAIT));
  const err = start.error instanceof ApiError ? start.error : start.error ? { field: undefined, message: start.error.message } : null;
  const fieldError = (f: string) => (err && (err.field === f || err.field?.startsWith(`${f}.`)) ? err.message : null);
  const otherError = err && !["topic", "seat", "itemsPerTrait"].some((f) => err.field === f || err.field?.startsWith(`${f}.`)) ? err.message : null;
  const seats = (providers.data?.providers ?? []).flatMap((p) => (p.models?.length ? p.models : [p.defaultModel]).map((model) => ({
    value: `${p.id}${SEP}${model}`, label: `${p.label === p.name ? p.name : p.label} · ${model}`,
  })));
  // persona-sim-1 models neither topic labels nor frameworks: when it is the default, start on persona-sim-2, which does.
  const simDefault = providers.data?.default.model === "persona-sim-1";
  const suggested = simDefault ? seats.find((s) => s.value.endsWith(`${SEP}persona-sim-2`))?.value ?? "" : "";
  const seat = picked ?? suggested;
  const itemsPerTrait = Number(items);
  const answers = POSITIONS * 2 * AXES_DEFAULT_TRAITS.length * (Number.isFinite(itemsPerTrait) ? itemsPerTrait : 0);

  const close = () => {
    start.reset();
    onClose();
  };
  const submit = () => {
    const [providerId, model] = seat ? seat.split(SEP) : [];
    start.mutate(
      { topic, itemsPerTrait, ...(providerId ? { seat: { providerId, model } } : {}) },
      { onSuccess: (r) => router.push(axesPagePath(workspaceId, { topicRun: r.runs[0].id, frameworkRun: r.runs[1].id })) },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Axes experiment"
      description={
        <>
          From one topic, {POSITIONS} members along five axes (professional, cultural, linguistic, temporal, gender), each drafted twice:
          topic-labelled (&ldquo;an economist who cares about housing&rdquo;) and framework-grounded (&ldquo;reasons about housing with
          Keynes&rsquo;s account of aggregate demand&rdquo;). Both sets become personas and panels on one seat, are probed on the same
          items, and the result shows which style spreads its members further apart, axis by axis.
        </>
      }
      footer={
        <>
          <Button variant="ghost" onClick={close}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={start.isPending || !topic.trim()}>
            {start.isPending ? "Starting…" : "Start the experiment"}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Field label="Topic" htmlFor="axes-topic" error={fieldError("topic")} hint="What every member cares about, or reasons about. Up to 200 characters.">
          <Input id="axes-topic" value={topic} maxLength={200} onChange={(e) => setTopic(e.target.value)} placeholder="housing" autoFocus />
        </Field>
        <Field
          label="Seat (every member of both panels)"
          htmlFor="axes-seat"
          error={fieldError("seat")}
          hint="The simulator's persona-sim-2 and persona-sim-3 read named frameworks and topic labels; persona-sim-1 reads neither."
        >
          <Select id="axes-seat" value={seat} onChange={(e) => setSeat(e.target.value)}>
            <option value="">Workspace default{providers.data ? ` (${providers.data.default.model})` : ""}</option>
            {seats.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </Select>
        </Field>
        <Field
          label="Items per trait"
          htmlFor="axes-items"
          error={fieldError("itemsPerTrait")}
          hint={`${AXES_DEFAULT_TRAITS.length} traits (${AXES_DEFAULT_TRAITS.join(", ")}); about ${answers.toLocaleString("en")} answers in all, plus their judgments.`}
        >
          <Input
            id="axes-items" type="number" inputMode="numeric" className="w-28"
            min={PANEL_RUN_LIMITS.itemsPerTrait.min} max={PANEL_RUN_LIMITS.itemsPerTrait.max}
            value={items} onChange={(e) => setItems(e.target.value)}
          />
        </Field>
        <p className="text-xs text-slate-500">Creates {POSITIONS * 2} personas (each saved as v1, named after the topic) and two panels.</p>
        {otherError ? <p className="text-sm text-rose-600" role="alert">{otherError}</p> : null}
      </form>
    </Dialog>
  );
}
