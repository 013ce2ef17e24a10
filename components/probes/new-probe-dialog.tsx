"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ControlArmsChoice } from "@/components/probes/control-arms";
import { FramingChoice, framingAndSelfReport, SelfReportChoice } from "@/components/probes/framing-choice";
import { estimateExtras, initialPressureState, PressureChoice, pressureBody, pushedTraits, type PressureState } from "@/components/probes/pressure-choice";
import { ScenariosChoice, scenariosFlag } from "@/components/probes/scenarios-choice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useDebounced } from "@/components/ui/use-debounced";
import { ModelFields, type ModelChoice } from "@/components/probes/model-fields";
import { TraitChips } from "@/components/probes/trait-chips";
import { relatedTraits } from "@/lib/probing/traits/relations";
import { defaultWatchSet } from "@/lib/probing/traits/watch-set";
import { api, ApiError, paths } from "@/lib/query/api";
import { keys, useVersions, useWorkspace } from "@/lib/query/hooks";
import { useCustomTraits } from "@/lib/query/custom-trait-hooks";
import { useCreateProbeRun, useTraitLibrary } from "@/lib/query/probe-hooks";
import { useProviders } from "@/lib/query/provider-hooks";
import type { PersonaDetail, VersionDetail } from "@/lib/schemas/persona-api";
import type { ProbeEstimate } from "@/lib/schemas/probe-estimate";
import { isSelfJudged, SELF_JUDGED_HINT } from "@/lib/probing/chart-prep";
import { createProbeRunBody, PANEL_MAX_EXTRA_JUDGES, RETEST_MAX_ANSWERS, RETEST_SHARE_DEFAULT, type CreateProbeRunBody } from "@/lib/schemas/probe";
import { DELETED_PROVIDER_LABEL, type ProviderInfo } from "@/lib/schemas/provider";

// "New probe": which snapshot, which models, which traits to watch (default:
// the snapshot's targeted traits plus the most strongly related ones, at most 8;
// "watch all related" one click away) and the sampling settings. Before "Start"
// it shows what the probe will take — calls with a range, tokens, money when the
// providers have prices (POST …/probe-estimate, debounced) — and takes optional
// hard caps. The snapshot's scenarios are asked too unless unticked (the
// estimate follows). Self-report (on by default), a pressure test and the
// framing pair (issue 14) are asked here too. Starting it goes straight to the
// live report.

const FORM_ID = "new-probe-form";
const ADVANCED = [
  { key: "temperature", label: "Temperature", hint: "0–2; sampling temperature of the target model", step: "0.1" },
  { key: "seed", label: "Seed", hint: "Same seed, same samples (where the model supports it)", step: "1" },
  { key: "targetHalfWidth", label: "Target half-width", hint: "Stop a trait once its 95% interval is ± this many points", step: "0.5" },
  { key: "budgetPerTrait", label: "Budget per trait", hint: "At most this many answers per trait (persona and baseline each)", step: "1" },
  { key: "concurrency", label: "Concurrency", hint: "Model calls in flight at once (1–16)", step: "1" },
] as const;
type AdvancedKey = (typeof ADVANCED)[number]["key"];
const ADVANCED_DEFAULTS: Record<AdvancedKey, string> = { temperature: "0.7", seed: "0", targetHalfWidth: "5", budgetPerTrait: "60", concurrency: "4" };

export function NewProbeDialog({
  workspaceId, persona, open, onClose, initialFramingTrait,
}: {
  workspaceId: string; persona: PersonaDetail; open: boolean; onClose: () => void;
  /** Pre-select the framing pair on this targeted trait ("Probe it with the framing pair"). */
  initialFramingTrait?: string | null;
}) {
  const create = useCreateProbeRun(workspaceId, persona.id);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="New probe"
      description="Ask the trait library's probe items (and your scenarios) under this persona and under a neutral assistant, have the judge score every answer, and see where the persona lands."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={FORM_ID} disabled={create.isPending}>
            {create.isPending ? "Starting…" : "Start probe"}
          </Button>
        </>
      }
    >
      <NewProbeForm workspaceId={workspaceId} persona={persona} create={create} onDone={onClose} initialFramingTrait={initialFramingTrait ?? ""} />
    </Dialog>
  );
}

function NewProbeForm({
  workspaceId, persona, create, onDone, initialFramingTrait,
}: { workspaceId: string; persona: PersonaDetail; create: ReturnType<typeof useCreateProbeRun>; onDone: () => void; initialFramingTrait: string }) {
  const router = useRouter();
  const toast = useToast();
  const versions = useVersions(workspaceId, persona.id);
  const providers = useProviders(workspaceId);
  const library = useTraitLibrary();
  const customTraits = useCustomTraits(workspaceId);
  const [version, setVersion] = useState<"draft" | number>("draft");
  const [target, setTarget] = useState<ModelChoice | null>(null);
  const [judgeSame, setJudgeSame] = useState(true);
  const [judge, setJudge] = useState<ModelChoice | null>(null);
  const [panel, setPanel] = useState<ModelChoice[]>([]);
  const [retestPercent, setRetestPercent] = useState(String(RETEST_SHARE_DEFAULT * 100));
  const reference = useWorkspace(workspaceId)?.referenceJudge ?? null;
  const [traits, setTraits] = useState<string[] | null>(null);
  const [tensionControls, setTensionControls] = useState(true); // control arms for tension pairs (components/probes/control-arms.tsx)
  const [advanced, setAdvanced] = useState(ADVANCED_DEFAULTS);
  const [watchAll, setWatchAll] = useState(false);
  const [askScenarios, setAskScenarios] = useState(true); // the snapshot's scenarios (components/probes/scenarios-choice.tsx)
  const [selfReport, setSelfReport] = useState(true);
  const [pressure, setPressure] = useState<PressureState>(initialPressureState);
  const [framingTrait, setFramingTrait] = useState(initialFramingTrait);
  const [maxCalls, setMaxCalls] = useState("");
  const [maxCost, setMaxCost] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const snapshot = useQuery({
    queryKey: keys.version(workspaceId, persona.id, typeof version === "number" ? version : 0),
    queryFn: () => api<VersionDetail>("GET", paths.version(workspaceId, persona.id, version as number)),
    enabled: typeof version === "number",
  });
  // A saved version may target other traits than the draft: its defaults wait for its spec.
  const spec = typeof version === "number" ? snapshot.data?.spec : persona.spec;
  const targets = spec?.traitTargets;
  const loadingTargets = !targets && snapshot.isPending;
  const targeted = Object.keys(targets ?? {});
  const scenarioCount = spec?.scenarios?.length ?? 0;
  // Only what can be measured: built-ins and this workspace's saved custom traits.
  const customOptions = (customTraits.data ?? []).map((t) => ({ key: t.key, name: `${t.name} (custom, v${t.version})` }));
  const measurable = (k: string) => !library.data || library.data.traits.some((t) => t.key === k) || customOptions.some((t) => t.key === k);
  const allRelated = relatedTraits(targeted).filter(measurable);
  const watched = traits ?? defaultWatchSet(targeted, { allRelated: watchAll }).filter(measurable).slice(0, 24);
  const list: ProviderInfo[] = providers.data?.providers ?? [];
  const fallback = providers.data ? { providerId: providers.data.default.providerId, model: providers.data.default.model } : null;
  const targetChoice = target ?? fallback;
  const judgeChoice = judge ?? reference ?? targetChoice;
  // Judge left to the default: the workspace's reference judge, else the target itself.
  const effectiveJudge = judgeSame ? reference ?? targetChoice : judgeChoice;
  const selfJudged = !!targetChoice && !!effectiveJudge && isSelfJudged(targetChoice, effectiveJudge);
  const nameOf = (k: string) => library.data?.traits.find((t) => t.key === k)?.name ?? customOptions.find((t) => t.key === k)?.name ?? k;
  const providerName = (id: string) => list.find((p) => p.id === id)?.name ?? DELETED_PROVIDER_LABEL;
  const options = library.data ? [...library.data.traits.map((t) => ({ key: t.key, name: t.name })), ...customOptions] : watched.map((k) => ({ key: k, name: k }));
  const simulated = list.find((p) => p.id === targetChoice?.providerId)?.kind === "simulator";
  // A panel judge must differ from the run's judge and from the others: start from a provider not yet judging.
  const nextPanelJudge = (chosen: ModelChoice[]): ModelChoice => {
    const taken = [effectiveJudge, ...chosen].filter((c): c is ModelChoice => !!c).map((c) => c.providerId);
    const other = list.find((p) => !taken.includes(p.id));
    return other ? { providerId: other.id, model: other.defaultModel } : fallback!;
  };

  const body = (): CreateProbeRunBody => ({
    version,
    targetProviderId: targetChoice?.providerId,
    targetModel: targetChoice?.model || undefined,
    ...(judgeSame ? {} : { judgeProviderId: judgeChoice?.providerId, judgeModel: judgeChoice?.model || undefined }),
    traits: watched,
    ...Object.fromEntries(ADVANCED.map(({ key }) => [key, Number(advanced[key])])),
    panelJudges: panel.map((p) => ({ providerId: p.providerId, model: p.model.trim() })),
    retestShare: retestPercent.trim() === "" ? 0 : Number(retestPercent) / 100,
    tensionControls,
    ...scenariosFlag(scenarioCount, askScenarios),
    ...framingAndSelfReport(selfReport, framingTrait, targeted),
    ...(pressure.on ? { pressure: pressureBody(pressure, targets ?? {}, spec?.pressureScripts ?? []) } : {}),
    ...(maxCalls.trim() ? { maxCalls: Number(maxCalls) } : {}),
    ...(maxCost.trim() ? { maxCostUsd: Number(maxCost) } : {}),
  });
  // The estimate follows the form, half a second after the last change; only a body the API would accept is sized.
  const draft = createProbeRunBody.safeParse(body());
  const estimateBody = draft.success && !loadingTargets && watched.length > 0 && targetChoice ? JSON.stringify(draft.data) : null;
  const settled = useDebounced(estimateBody, 500);
  const estimate = useQuery({
    queryKey: ["probe-estimate", workspaceId, persona.id, settled],
    queryFn: ({ signal }) => api<ProbeEstimate>("POST", `${paths.persona(workspaceId, persona.id)}/probe-estimate`, JSON.parse(settled!), { signal }),
    enabled: settled !== null,
    staleTime: 60_000,
    retry: false,
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (loadingTargets) {
      setErrors({ traits: `Still loading v${version}'s targets; try again in a moment` });
      return;
    }
    if (watched.length === 0) {
      setErrors({ traits: "Pick at least one trait to watch" });
      return;
    }
    if (pressure.on && pushedTraits(pressure, targets ?? {}, spec?.pressureScripts ?? []).length === 0) {
      setErrors({ pressure: "Pick a script or a simulated user for the pressure test, or untick it" });
      return;
    }
    const parsed = createProbeRunBody.safeParse(body());
    if (!parsed.success) {
      // Top-level key for most fields; the pressure section reads its own by full path ("pressure.turns").
      setErrors(Object.fromEntries(parsed.error.issues.flatMap((i) => [[String(i.path[0] ?? "form"), i.message], [i.path.join("."), i.message]])));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (run) => {
        toast("Probe started");
        onDone();
        router.push(`/w/${workspaceId}/personas/${persona.id}/probes/${run.id}`);
      },
      onError: (err) => setErrors({ [err instanceof ApiError && err.field ? err.field : "form"]: err.message }),
    });
  }

  return (
    <form id={FORM_ID} onSubmit={submit} className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Version" htmlFor="probe-version" error={errors.version} hint="The draft is frozen into the run, so later edits don't change it.">
          <Select
            id="probe-version"
            value={String(version)}
            onChange={(e) => setVersion(e.target.value === "draft" ? "draft" : Number(e.target.value))}
          >
            <option value="draft">Draft (current{persona.dirty ? ", unversioned changes" : ""})</option>
            {(versions.data ?? []).map((v) => <option key={v.number} value={v.number}>v{v.number} · {v.message.slice(0, 40)}</option>)}
          </Select>
        </Field>
        <div />
        <Field label="Target model" htmlFor="probe-target" error={errors.targetProviderId ?? errors.targetModel}
          hint={simulated ? "Simulator — not a language model: a deterministic stand-in for trying the studio out." : "The model the persona runs on."}>
          {targetChoice ? <ModelFields id="probe-target" label="Target" providers={list} value={targetChoice} onChange={setTarget} /> : <div className="h-9 animate-pulse rounded-md bg-slate-100" />}
        </Field>
        <Field label="Judge model" htmlFor="probe-judge-same" error={errors.judgeProviderId ?? errors.judgeModel} hint="Scores every answer on all watched traits, at temperature 0.">
          <label className="flex h-9 items-center gap-2 text-sm">
            <input id="probe-judge-same" type="checkbox" checked={judgeSame} onChange={(e) => setJudgeSame(e.target.checked)} className="accent-brand-600" />
            {reference ? `Workspace reference judge (${providerName(reference.providerId)} · ${reference.model})` : "Same as target"}
          </label>
          {!judgeSame && judgeChoice ? <ModelFields id="probe-judge" label="Judge" providers={list} value={judgeChoice} onChange={setJudge} /> : null}
          {selfJudged ? (
            <p role="note" className="mt-1 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="self-judged-warning">
              Self-judged: the target model will score its own answers. {SELF_JUDGED_HINT}
            </p>
          ) : null}
        </Field>
      </div>

      <Field
        label="Traits to watch"
        error={errors.traits}
        hint={
          <>
            Default: the traits this {typeof version === "number" ? `version (v${version})` : "draft"} targets plus the most strongly related ones (at most 8).{" "}
            {traits ? <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setTraits(null)}>Reset to default</button> : null}
            {allRelated.length > targeted.length ? (
              <label className="ml-3 inline-flex items-center gap-1.5">
                <input type="checkbox" checked={watchAll} onChange={(e) => { setWatchAll(e.target.checked); setTraits(null); }} className="accent-brand-600" data-testid="watch-all-related" />
                Watch all related traits ({allRelated.length})
              </label>
            ) : null}
          </>
        }
      >
        {loadingTargets ? (
          <div className="h-16 animate-pulse rounded-md bg-slate-100" role="status" aria-label="Loading the version's targets" />
        ) : (
          <>
            {snapshot.isError ? <p role="alert" className="text-xs text-rose-600">Could not load v{version}&rsquo;s targets: {snapshot.error.message}</p> : null}
            <TraitChips
              value={watched} onChange={setTraits} options={options} targeted={targeted}
              emptyText={targeted.length === 0 ? `This ${typeof version === "number" ? "version" : "draft"} targets no traits, so there is no default: add the traits to watch.` : undefined}
            />
          </>
        )}
      </Field>
      {/* Up top, beside what drives it (the watched set, control arms): visible before Start without scrolling. */}
      <EstimateLine estimate={estimate.data} loading={estimateBody !== settled || estimate.isFetching} error={estimate.error} maxCalls={Number(maxCalls) || null} maxCost={Number(maxCost) || null} />
      {loadingTargets ? null : <ScenariosChoice count={scenarioCount} checked={askScenarios} onChange={setAskScenarios} />}
      <ControlArmsChoice targets={targets ?? {}} budgetPerTrait={Number(advanced.budgetPerTrait) || 0} checked={tensionControls} onChange={setTensionControls} handWritten={!!spec?.promptOverride?.trim()} nameOf={nameOf} />
      <SelfReportChoice checked={selfReport} onChange={setSelfReport} />
      {loadingTargets ? null : (
        <>
          <FramingChoice value={framingTrait} onChange={setFramingTrait} targeted={targeted} nameOf={nameOf} error={errors.framingTrait} />
          <PressureChoice state={pressure} onChange={setPressure} targets={targets ?? {}} own={spec?.pressureScripts ?? []} errors={errors} nameOf={nameOf}
            traitOptions={watched.map((k) => ({ key: k, name: nameOf(k) }))} />
        </>
      )}

      <details className="rounded-lg border border-slate-200 px-4 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Advanced: sampling and budget</summary>
        <div className="mt-3 grid gap-4 pb-2 sm:grid-cols-2 lg:grid-cols-3">
          {ADVANCED.map((f) => (
            <Field key={f.key} label={f.label} htmlFor={`probe-${f.key}`} hint={f.hint} error={errors[f.key]}>
              <Input
                id={`probe-${f.key}`}
                type="number"
                step={f.step}
                value={advanced[f.key]}
                onChange={(e) => setAdvanced((a) => ({ ...a, [f.key]: e.target.value }))}
              />
            </Field>
          ))}
        </div>
      </details>
      <details className="rounded-lg border border-slate-200 px-4 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Advanced: judge reliability</summary>
        <div className="mt-3 space-y-4 pb-2">
          <Field label="Re-judge a sample (%)" htmlFor="probe-retest" error={errors.retestShare}
            hint={`The judge scores this share of the answers again (new seed, not from the cache) to show how consistent it is; at most ${RETEST_MAX_ANSWERS} answers. 0 turns it off.`}>
            <Input id="probe-retest" type="number" min={0} max={100} step="1" className="max-w-32" value={retestPercent} onChange={(e) => setRetestPercent(e.target.value)} />
          </Field>
          <Field label="Judge panel" htmlFor="probe-panel-0" error={Object.entries(errors).find(([k]) => k.startsWith("panelJudges"))?.[1]}
            hint={`Up to ${PANEL_MAX_EXTRA_JUDGES} more judge models score the same sample; the report shows how well the judges agree on each trait (Krippendorff's α).`}>
            <div className="space-y-2">
              {panel.map((p, i) => (
                <div key={i} className="flex flex-wrap items-center gap-2">
                  <div className="min-w-[16rem] flex-1">
                    <ModelFields id={`probe-panel-${i}`} label={`Panel judge ${i + 1}`} providers={list} value={p} onChange={(v) => setPanel((all) => all.map((q, j) => (j === i ? v : q)))} />
                  </div>
                  <Button variant="ghost" size="sm" onClick={() => setPanel((all) => all.filter((_, j) => j !== i))}>Remove</Button>
                </div>
              ))}
              {panel.length < PANEL_MAX_EXTRA_JUDGES && fallback ? (
                <Button size="sm" onClick={() => setPanel((all) => [...all, nextPanelJudge(all)])}>Add a panel judge</Button>
              ) : null}
            </div>
          </Field>
        </div>
      </details>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Stop at most after (calls)" htmlFor="probe-max-calls" error={errors.maxCalls} hint="Optional hard cap: the run stops issuing model calls here and reports what it has.">
          <Input id="probe-max-calls" type="number" min={1} step="1" placeholder="No cap" value={maxCalls} onChange={(e) => setMaxCalls(e.target.value)} />
        </Field>
        <Field label="Spend at most (US$)" htmlFor="probe-max-cost" error={errors.maxCostUsd}
          hint={estimate.data && estimate.data.costUsd === null ? "Needs prices on the run's providers (Settings → Providers)." : "Optional hard cap on money, from the providers' token usage and prices."}>
          <Input id="probe-max-cost" type="number" min={0} step="0.01" placeholder="No cap" value={maxCost} onChange={(e) => setMaxCost(e.target.value)}
            disabled={!!estimate.data && estimate.data.costUsd === null && maxCost === ""} />
        </Field>
      </div>
      {errors.form ? <p role="alert" className="text-sm text-rose-600">{errors.form}</p> : null}
    </form>
  );
}

const compact = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} M` : n >= 10_000 ? `${Math.round(n / 1000)} k` : n.toLocaleString("en-US"));
const dollars = (x: number) => (x === 0 ? "$0" : x < 0.01 ? "< $0.01" : `$${x.toFixed(2)}`);

/** "≈ 420 calls (310–560), ≈ 0.6 M tokens, ≈ $0.84" — what the probe will take, before it starts. */
function EstimateLine({ estimate, loading, error, maxCalls, maxCost }: {
  estimate: ProbeEstimate | undefined; loading: boolean; error: Error | null; maxCalls: number | null; maxCost: number | null;
}) {
  if (!estimate) {
    return (
      <p className="text-sm text-slate-500" data-testid="probe-estimate" aria-live="polite">
        {error ? `No estimate: ${error.message}` : loading ? "Estimating calls and cost…" : "Pick traits to watch to see the estimate."}
      </p>
    );
  }
  const { calls, tokens, costUsd } = estimate;
  const extras = estimateExtras(estimate);
  const capped = (maxCalls !== null && maxCalls < calls.high) || (maxCost !== null && costUsd !== null && maxCost < costUsd.high);
  return (
    <div className={`rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-inset ring-slate-200 ${loading ? "opacity-60" : ""}`} data-testid="probe-estimate" aria-live="polite">
      <p className="font-medium text-slate-800">
        ≈ {calls.expected.toLocaleString("en-US")} calls ({calls.low.toLocaleString("en-US")}–{calls.high.toLocaleString("en-US")}), ≈ {compact(tokens.total.expected)} tokens
        {costUsd ? <>, ≈ {dollars(costUsd.expected)}</> : null}
      </p>
      <p className="text-xs text-slate-500">
        Expected for {estimate.watched.length} watched trait{estimate.watched.length === 1 ? "" : "s"}
        {estimate.controlArms ? ` and ${estimate.controlArms} control arm${estimate.controlArms === 1 ? "" : "s"}` : ""}, with the range of 8 in 10 runs.{" "}
        {costUsd ? `Money from the providers' prices (${dollars(costUsd.low)}–${dollars(costUsd.high)}).` : "No money estimate: a provider of this run has no prices (add them in Providers)."}
        {capped ? " A cap below the high end may stop the run before every trait is measured." : ""}
      </p>
      {extras.length ? <p className="text-xs text-slate-600" data-testid="probe-estimate-extras">Included: {extras.join(" · ")}.</p> : null}
    </div>
  );
}
