"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TraitChips } from "@/components/probes/trait-chips";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useDebounced } from "@/components/ui/use-debounced";
import { estimatePanelRun, useCreatePanelRun } from "@/components/panels/report/panel-run-hooks";
import { ApiError } from "@/lib/query/api";
import { useCustomTraits } from "@/lib/query/custom-trait-hooks";
import { usePanelVersions } from "@/lib/query/panel-hooks";
import { useTraitLibrary } from "@/lib/query/probe-hooks";
import type { PanelDetail } from "@/lib/schemas/panel";
import { createPanelRunBody, PANEL_RUN_LIMITS, type CreatePanelRunBody, type PanelRunEstimate } from "@/lib/schemas/panel-run";

// "Probe the panel" (issue 13 §4–5): every member answers the same items with
// the same seed and judge, then a blind judge tries to tell each pair apart.
// Divergence of the active plan, or the ceiling experiment (one model vs
// routed, both plans on the same items). Watched traits default on the server
// (the members' targeted traits and their most related ones); the estimate
// follows the form (POST …/runs/estimate, debounced) and shows the calls the
// cache already holds. Start goes to the run's live report.

const FORM_ID = "panel-probe-form";

export function PanelProbeDialog({ workspaceId, panel, open, onClose }: { workspaceId: string; panel: PanelDetail; open: boolean; onClose: () => void }) {
  const create = useCreatePanelRun(workspaceId, panel.id);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="Probe the panel"
      description="Every member answers the same library items (and the panel's questions) with the same seed and judge; the report shows how far apart they land, costume changes, declared opposites and whether a blind judge can tell them apart."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={FORM_ID} disabled={create.isPending || panel.members.length < 2}>
            {create.isPending ? "Starting…" : "Start probe"}
          </Button>
        </>
      }
    >
      {open ? <PanelProbeForm workspaceId={workspaceId} panel={panel} create={create} onDone={onClose} /> : null}
    </Dialog>
  );
}

type Errors = Record<string, string>;

function PanelProbeForm({ workspaceId, panel, create, onDone }: {
  workspaceId: string; panel: PanelDetail; create: ReturnType<typeof useCreatePanelRun>; onDone: () => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const versions = usePanelVersions(workspaceId, panel.id);
  const library = useTraitLibrary();
  const customTraits = useCustomTraits(workspaceId);
  const plans = panel.spec.plans;
  const ceilingMissing = !plans.single ? "the single-model plan" : !plans.routed ? "the routed plan" : null;
  const questionCount = panel.spec.questions.length;
  const [version, setVersion] = useState<"current" | number>("current");
  const [experiment, setExperiment] = useState<"divergence" | "ceiling">("divergence");
  const [traits, setTraits] = useState<string[]>([]);
  const [items, setItems] = useState(String(PANEL_RUN_LIMITS.itemsPerTrait.default));
  const [questions, setQuestions] = useState(true);
  const [perPair, setPerPair] = useState(String(PANEL_RUN_LIMITS.answersPerPair.default));
  const [maxCalls, setMaxCalls] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  const options = [
    ...(library.data?.traits ?? []).map((t) => ({ key: t.key, name: t.name })),
    ...(customTraits.data ?? []).map((t) => ({ key: t.key, name: `${t.name} (custom, v${t.version})` })),
  ];
  const body = (): CreatePanelRunBody => ({
    version,
    experiment,
    ...(traits.length ? { traits } : {}),
    itemsPerTrait: Number(items),
    questions: questionCount > 0 && questions,
    answersPerPair: perPair.trim() === "" ? 0 : Number(perPair),
    ...(maxCalls.trim() ? { maxCalls: Number(maxCalls) } : {}),
  });
  const parsed = createPanelRunBody.safeParse(body());
  const estimateBody = parsed.success ? JSON.stringify(parsed.data) : null;
  const settled = useDebounced(estimateBody, 500);
  const estimate = useQuery({
    queryKey: ["panel-run-estimate", workspaceId, panel.id, settled],
    queryFn: ({ signal }) => estimatePanelRun(workspaceId, panel.id, JSON.parse(settled!), signal),
    enabled: settled !== null,
    staleTime: 60_000,
    retry: false,
  });
  // An estimate refused on a field says so on that field, as the start would.
  const estimateField = estimate.error instanceof ApiError && estimate.error.field ? estimate.error.field : null;
  const shown: Errors = { ...(estimateField && estimate.error ? { [estimateField]: estimate.error.message } : {}), ...clientErrors(parsed), ...errors };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = createPanelRunBody.safeParse(body());
    if (!checked.success) {
      setErrors(clientErrors(checked));
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (run) => {
        toast("Panel probe started");
        onDone();
        router.push(`/w/${workspaceId}/panels/${panel.id}/runs/${run.id}`);
      },
      onError: (err) => setErrors({ [err instanceof ApiError && err.field ? topField(err.field) : "form"]: err.message }),
    });
  }

  return (
    <form id={FORM_ID} onSubmit={submit} className="space-y-5" noValidate>
      {panel.members.length < 2 ? <p role="alert" className="text-sm text-rose-600">A panel probe needs at least two members.</p> : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Experiment</legend>
        <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
          <Choice
            name="panel-experiment" value="divergence" checked={experiment === "divergence"} onChange={() => setExperiment("divergence")}
            title={`Divergence of the active plan (${panel.spec.activePlan === "routed" ? "routed" : "one model"})`}
            text="Where the members land, which pairs are costume changes, whether declared opposites diverge."
          />
          <Choice
            name="panel-experiment" value="ceiling" checked={experiment === "ceiling"} onChange={() => setExperiment("ceiling")}
            disabled={!!ceilingMissing}
            title="Ceiling experiment: one model vs routed"
            text={ceilingMissing ? `Needs ${ceilingMissing}: use “Spread seats” in Seats first.` : "Both plans on the same items: does routing members across models add diversity? About twice the calls, less what the cache holds."}
          />
        </div>
        {shown.experiment ? <p role="alert" className="mt-1 text-xs text-rose-600">{shown.experiment}</p> : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Panel version" htmlFor="panel-probe-version" error={shown.version} hint="The panel as it stands is frozen into the run.">
          <Select id="panel-probe-version" value={String(version)} onChange={(e) => setVersion(e.target.value === "current" ? "current" : Number(e.target.value))}>
            <option value="current">Current (as saved now)</option>
            {(versions.data ?? []).map((v) => <option key={v.number} value={v.number}>v{v.number} · {v.message.slice(0, 40)}</option>)}
          </Select>
        </Field>
        <Field label="Items per trait" htmlFor="panel-probe-items" error={shown.itemsPerTrait}
          hint={`${PANEL_RUN_LIMITS.itemsPerTrait.min}–${PANEL_RUN_LIMITS.itemsPerTrait.max}; every member answers the same items. Costume-change tests need about 60 items in all.`}>
          <Input id="panel-probe-items" type="number" inputMode="numeric" min={PANEL_RUN_LIMITS.itemsPerTrait.min} max={PANEL_RUN_LIMITS.itemsPerTrait.max} step="1" value={items} onChange={(e) => setItems(e.target.value)} />
        </Field>
      </div>

      <Field
        label="Traits to watch"
        error={shown.traits}
        hint={traits.length ? (
          <>Every answer is judged on these. <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setTraits([])}>Use the default</button></>
        ) : "Default: the members' targeted traits and their most related ones (at most 8) — or, when they target fewer than four, seven traits across the library's clusters. Add traits to choose them yourself (2–12)."}
      >
        <TraitChips value={traits} onChange={setTraits} options={options} targeted={[]} max={PANEL_RUN_LIMITS.traits} emptyText="Server default." />
      </Field>

      <EstimateLine estimate={estimate.data} loading={estimateBody !== settled || estimate.isFetching} error={estimateField ? null : estimate.error} maxCalls={Number(maxCalls) || null} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Panel questions" htmlFor="panel-probe-questions" error={shown.questions}
          hint={questionCount ? "Asked once of every member, beside the library items." : "This panel has no questions of its own (add them in the panel preview)."}>
          <label className="flex h-9 items-center gap-2 text-sm">
            <input id="panel-probe-questions" type="checkbox" className="accent-brand-600" checked={questionCount > 0 && questions} disabled={questionCount === 0} onChange={(e) => setQuestions(e.target.checked)} />
            Ask the panel&rsquo;s {questionCount || ""} question{questionCount === 1 ? "" : "s"}
          </label>
        </Field>
        <Field label="Blind distinguishability (answers per pair)" htmlFor="panel-probe-per-pair" error={shown.answersPerPair}
          hint={`A judge is shown one answer and two members' descriptions (never the prompts) and names the author; half the answers from each member. 0 turns it off; at most ${PANEL_RUN_LIMITS.answersPerPair.max}.`}>
          <Input id="panel-probe-per-pair" type="number" inputMode="numeric" min={0} max={PANEL_RUN_LIMITS.answersPerPair.max} step="1" value={perPair} onChange={(e) => setPerPair(e.target.value)} />
        </Field>
        <Field label="Stop at most after (calls)" htmlFor="panel-probe-max-calls" error={shown.maxCalls}
          hint="Optional hard cap on model calls for the whole probe, split evenly over the member runs.">
          <Input id="panel-probe-max-calls" type="number" inputMode="numeric" min={1} step="1" placeholder="No cap" value={maxCalls} onChange={(e) => setMaxCalls(e.target.value)} />
        </Field>
      </div>
      {shown.form ? <p role="alert" className="text-sm text-rose-600">{shown.form}</p> : null}
    </form>
  );
}

function Choice({ name, value, checked, onChange, disabled, title, text }: {
  name: string; value: string; checked: boolean; onChange: () => void; disabled?: boolean; title: string; text: string;
}) {
  return (
    <label className={cn(
      "flex gap-2.5 rounded-lg border px-3 py-2.5 text-sm",
      disabled ? "cursor-not-allowed border-slate-200 bg-slate-50 text-slate-500" : checked ? "cursor-pointer border-brand-500 bg-brand-50/60 ring-1 ring-brand-500" : "cursor-pointer border-slate-200 hover:border-slate-300",
    )}>
      <input type="radio" name={name} value={value} checked={checked} disabled={disabled} onChange={onChange} className="mt-0.5 accent-brand-600" />
      <span>
        <span className={cn("block font-medium", disabled ? "text-slate-500" : "text-slate-900")}>{title}</span>
        <span className={cn("block text-xs", disabled ? "text-slate-500" : "text-slate-600")}>{text}</span>
      </span>
    </label>
  );
}

/** The first message per top-level field of a body the schema refuses. */
function clientErrors(parsed: ReturnType<typeof createPanelRunBody.safeParse>): Errors {
  if (parsed.success) return {};
  const out: Errors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.path[0] === "traits" && issue.code === "too_small" ? "Watch at least two traits, or none for the default" : issue.message;
  }
  return out;
}

/** "traits.2" → "traits": the form shows errors per field. */
const topField = (field: string) => field.split(/[.[]/)[0] || "form";

const n = (x: number) => x.toLocaleString("en-US");
const dollars = (x: number) => (x === 0 ? "$0" : x < 0.01 ? "< $0.01" : `$${x.toFixed(2)}`);

/** "≈ 1,240 calls (980–1,610); 320 reused from earlier probes; 96 for distinguishability; ≈ $0.84". */
export function EstimateLine({ estimate, loading, error, maxCalls }: { estimate: PanelRunEstimate | undefined; loading: boolean; error: Error | null; maxCalls: number | null }) {
  if (!estimate) {
    return (
      <p className="text-sm text-slate-500" data-testid="panel-probe-estimate" aria-live="polite">
        {error ? `No estimate: ${error.message}` : loading ? "Estimating calls and cost…" : "Fill in the form to see the estimate."}
      </p>
    );
  }
  const { calls } = estimate;
  return (
    <div className={cn("rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-inset ring-slate-200", loading && "opacity-60")} data-testid="panel-probe-estimate" aria-live="polite">
      <p className="font-medium text-slate-800">
        ≈ {n(calls.expected)} model calls ({n(calls.low)}–{n(calls.high)}){estimate.costUsd !== null ? <>, ≈ {dollars(estimate.costUsd)}</> : null}
      </p>
      <p className="text-xs text-slate-600">
        {n(estimate.memberRuns)} member run{estimate.memberRuns === 1 ? "" : "s"}, {n(estimate.answers)} answers;{" "}
        <span className="font-medium text-emerald-700">{n(estimate.reused)} calls reused</span> (already in the cache from earlier probes, or asked once for a member on the same seat in both plans);{" "}
        {estimate.distinguishCalls ? `${n(estimate.distinguishCalls)} for blind distinguishability.` : "blind distinguishability off."}{" "}
        {estimate.costUsd === null ? "No money estimate: a provider of this run has no prices." : ""}
        {maxCalls !== null && maxCalls < calls.high ? " The cap is below the high end: the probe may stop before every member has answered every item." : ""}
      </p>
    </div>
  );
}
