"use client";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { defaultBreakThreshold, PRESSURE_LIMITS, type PressureRequest, type PressureScript } from "@/lib/schemas/pressure";
import { BUILTIN_PRESSURE_SCRIPTS } from "@/lib/traits/pressure-scripts";

// "Pressure test" in the new probe dialog (issue 14 §1): off and collapsed by
// default. Built-in scripts whose trait is targeted start ticked; the persona's
// own scripts (spec.pressureScripts) are offered as "persona:<n>" (n 0-based,
// its index in the spec); an optional simulated user (a goal, the trait it
// pushes against); conversations per script, turns, and per pushed trait the
// break threshold (default: target − 20, else 50). The body part the API reads
// is pressureBody(), so the estimate follows every change.

export type PressureState = {
  on: boolean;
  /** Built-in script keys ticked; null = the default (those whose trait is targeted). */
  builtins: string[] | null;
  /** The persona's own scripts ticked, by index in spec.pressureScripts. */
  own: number[];
  simulated: { on: boolean; goal: string; trait: string };
  conversations: string;
  turns: string;
  /** Break thresholds the designer typed, per trait; the rest use the default. */
  thresholds: Record<string, string>;
};

export const initialPressureState = (): PressureState => ({
  on: false, builtins: null, own: [], simulated: { on: false, goal: "", trait: "" },
  conversations: String(PRESSURE_LIMITS.conversationsPerScript.default), turns: String(PRESSURE_LIMITS.turns.default), thresholds: {},
});

/** A persona script's reference in the create body. */
export const personaScriptRef = (index: number) => `persona:${index}`;

export const defaultBuiltins = (targeted: readonly string[]) =>
  BUILTIN_PRESSURE_SCRIPTS.filter((s) => targeted.includes(s.trait)).map((s) => s.key);

/** Turns-to-break default: 20 points under the target for a targeted trait, else 50. */
export const defaultThreshold = (trait: string, targets: Readonly<Record<string, number>>) =>
  defaultBreakThreshold(targets[trait]);

/** The traits the chosen scripts (and simulated user) push against, in order of first appearance. */
export function pushedTraits(state: PressureState, targets: Readonly<Record<string, number>>, own: readonly PressureScript[]): string[] {
  const builtins = state.builtins ?? defaultBuiltins(Object.keys(targets));
  const traits = [
    ...BUILTIN_PRESSURE_SCRIPTS.filter((s) => builtins.includes(s.key)).map((s) => s.trait),
    ...state.own.filter((i) => own[i]).map((i) => own[i].trait),
    ...(state.simulated.on && state.simulated.trait ? [state.simulated.trait] : []),
  ];
  return [...new Set(traits)];
}

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/** The `pressure` part of the create body, or undefined when the test is off. Invalid numbers pass through for the schema to name. */
export function pressureBody(state: PressureState, targets: Readonly<Record<string, number>>, own: readonly PressureScript[]): PressureRequest | undefined {
  if (!state.on) return undefined;
  const builtins = state.builtins ?? defaultBuiltins(Object.keys(targets));
  const pushed = pushedTraits(state, targets, own);
  const thresholds = Object.fromEntries(
    Object.entries(state.thresholds).filter(([k, v]) => pushed.includes(k) && v.trim() !== "").map(([k, v]) => [k, num(v)]),
  );
  return {
    scripts: [
      ...BUILTIN_PRESSURE_SCRIPTS.filter((s) => builtins.includes(s.key)).map((s) => s.key),
      ...state.own.filter((i) => own[i]).sort((a, b) => a - b).map(personaScriptRef),
    ],
    ...(state.simulated.on ? { simulatedUser: { goal: state.simulated.goal, trait: state.simulated.trait } } : {}),
    conversationsPerScript: num(state.conversations),
    turns: num(state.turns),
    thresholds,
  };
}

/** Scripts × conversations: what the pressure test runs (for the summary line). */
export function pressureConversations(body: PressureRequest | undefined): number {
  if (!body) return 0;
  const scripts = (body.scripts?.length ?? 0) + (body.simulatedUser ? 1 : 0);
  const per = Number(body.conversationsPerScript);
  return Number.isFinite(per) ? scripts * per : 0;
}

export function PressureChoice({ state, onChange, targets, own, traitOptions, nameOf, errors }: {
  state: PressureState;
  onChange: (next: PressureState) => void;
  targets: Readonly<Record<string, number>>;
  /** The snapshot's own scripts (spec.pressureScripts). */
  own: readonly PressureScript[];
  /** Traits a simulated user can push against (the watched ones). */
  traitOptions: readonly { key: string; name: string }[];
  nameOf: (key: string) => string;
  errors: Record<string, string>;
}) {
  const builtins = state.builtins ?? defaultBuiltins(Object.keys(targets));
  const pushed = pushedTraits(state, targets, own);
  const set = (p: Partial<PressureState>) => onChange({ ...state, ...p });
  const toggleBuiltin = (key: string, on: boolean) => set({ builtins: on ? [...builtins, key] : builtins.filter((k) => k !== key) });
  const toggleOwn = (i: number, on: boolean) => set({ own: on ? [...state.own, i] : state.own.filter((x) => x !== i) });
  const body = pressureBody(state, targets, own);
  const count = pressureConversations(body);
  const scriptCount = builtins.length + state.own.length + (state.simulated.on ? 1 : 0);
  const full = scriptCount >= PRESSURE_LIMITS.scripts;
  // Errors the fields below do not show themselves (a field's own error sits under it).
  const shownByFields = new Set(["pressure.simulatedUser.goal", "pressure.conversationsPerScript", "pressure.turns"]);
  const keys = Object.keys(errors).filter((k) => k.startsWith("pressure.") && !shownByFields.has(k));
  const error = keys.length ? errors[keys[0]] : Object.keys(errors).some((k) => shownByFields.has(k)) ? undefined : errors.pressure;

  return (
    <div className="rounded-lg border border-slate-200 px-4 py-2" data-testid="pressure-choice">
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={state.on} onChange={(e) => set({ on: e.target.checked })} className="mt-0.5 accent-brand-600" data-testid="pressure-on" />
          <span>
            <span className="font-medium text-slate-800">Pressure test</span>
            <span className="block text-xs text-slate-500">
              {state.on && count
                ? `${count} conversation${count === 1 ? "" : "s"} of ${body?.turns} push${body?.turns === 1 ? "" : "es"} after the first answer; every turn judged on the watched traits.`
                : "Multi-turn: a user pushes against a trait turn by turn; the report shows each trait per turn and the turn it breaks."}
            </span>
          </span>
        </label>
      </div>
      {state.on ? (
        <div className="mt-3 space-y-4 pb-2">
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium text-slate-800">Scripts</legend>
            {BUILTIN_PRESSURE_SCRIPTS.map((s) => {
              const ticked = builtins.includes(s.key);
              return (
                <label key={s.key} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-0.5 accent-brand-600" checked={ticked} disabled={!ticked && full}
                    onChange={(e) => toggleBuiltin(s.key, e.target.checked)} data-testid={`pressure-script-${s.key}`} />
                  <span>
                    {s.name} <span className="text-xs text-slate-500">· against {nameOf(s.trait)}{s.trait in targets ? " (targeted)" : ""}</span>
                    <span className="block text-xs text-slate-500">{s.description}</span>
                  </span>
                </label>
              );
            })}
            {own.map((s, i) => {
              const ticked = state.own.includes(i);
              return (
                <label key={`own-${i}`} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-0.5 accent-brand-600" checked={ticked} disabled={!ticked && full}
                    onChange={(e) => toggleOwn(i, e.target.checked)} data-testid={`pressure-own-${i}`} />
                  <span>
                    {s.name} <span className="text-xs text-slate-500">· yours, against {nameOf(s.trait)}</span>
                    <span className="block truncate text-xs text-slate-500">{s.pushes.length} push{s.pushes.length === 1 ? "" : "es"} after “{s.opening.slice(0, 60)}{s.opening.length > 60 ? "…" : ""}”</span>
                  </span>
                </label>
              );
            })}
            {own.length === 0 ? <p className="text-xs text-slate-500">Write your own scripts in the composer (Pressure scripts).</p> : null}
            <p className="text-xs text-slate-500">At most {PRESSURE_LIMITS.scripts} scripts, simulated user included.</p>
          </fieldset>

          <div className="space-y-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="accent-brand-600" checked={state.simulated.on} disabled={!state.simulated.on && full}
                onChange={(e) => set({ simulated: { ...state.simulated, on: e.target.checked, trait: state.simulated.trait || Object.keys(targets)[0] || traitOptions[0]?.key || "" } })}
                data-testid="pressure-simulated" />
              <span className="font-medium text-slate-800">Simulated user</span>
              <span className="text-xs text-slate-500">a model playing a user with a goal</span>
            </label>
            {state.simulated.on ? (
              <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
                <Field label="Goal" htmlFor="pressure-goal" error={errors["pressure.simulatedUser.goal"]}>
                  <Textarea id="pressure-goal" rows={2} maxLength={600} className="min-h-14" value={state.simulated.goal}
                    placeholder="e.g. get a refund for an order bought 45 days ago"
                    onChange={(e) => set({ simulated: { ...state.simulated, goal: e.target.value } })} />
                </Field>
                <Field label="Pushes against" htmlFor="pressure-goal-trait">
                  <Select id="pressure-goal-trait" value={state.simulated.trait} onChange={(e) => set({ simulated: { ...state.simulated, trait: e.target.value } })}>
                    {traitOptions.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
                  </Select>
                </Field>
              </div>
            ) : null}
          </div>

          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Conversations per script" htmlFor="pressure-conversations" error={errors["pressure.conversationsPerScript"]}
              hint={`${PRESSURE_LIMITS.conversationsPerScript.min}–${PRESSURE_LIMITS.conversationsPerScript.max}; the unit of every interval`}>
              <Input id="pressure-conversations" type="number" min={PRESSURE_LIMITS.conversationsPerScript.min} max={PRESSURE_LIMITS.conversationsPerScript.max} step="1"
                value={state.conversations} onChange={(e) => set({ conversations: e.target.value })} />
            </Field>
            <Field label="Turns" htmlFor="pressure-turns" error={errors["pressure.turns"]}
              hint={`${PRESSURE_LIMITS.turns.min}–${PRESSURE_LIMITS.turns.max} pushes after the first answer`}>
              <Input id="pressure-turns" type="number" min={PRESSURE_LIMITS.turns.min} max={PRESSURE_LIMITS.turns.max} step="1"
                value={state.turns} onChange={(e) => set({ turns: e.target.value })} />
            </Field>
          </div>

          {pushed.length ? (
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium text-slate-800">Breaks below</legend>
              <p className="text-xs text-slate-500">A conversation breaks on a trait at its first turn scored below this (default: 20 under the target, else 50).</p>
              <div className="flex flex-wrap gap-3">
                {pushed.map((t) => (
                  <label key={t} className="flex items-center gap-2 text-sm">
                    <span className="text-slate-700">{nameOf(t)}</span>
                    <Input type="number" min={0} max={100} step="1" className="h-8 w-20" aria-label={`Break threshold for ${nameOf(t)}`}
                      value={state.thresholds[t] ?? String(defaultThreshold(t, targets))}
                      onChange={(e) => set({ thresholds: { ...state.thresholds, [t]: e.target.value } })} />
                  </label>
                ))}
              </div>
            </fieldset>
          ) : (
            <p className="text-xs text-amber-700">Pick a script or a simulated user.</p>
          )}
          {error ? <p role="alert" className="text-xs text-rose-600">{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/** A count as the estimate may serve it: a number, a range ({ expected, low, high }) or an object with `calls`. */
function expected(c: unknown): number | null {
  if (typeof c === "number") return c;
  if (!c || typeof c !== "object") return null;
  const o = c as Record<string, unknown>;
  return typeof o.expected === "number" ? o.expected : o.calls !== undefined ? expected(o.calls) : null;
}

/**
 * The estimate's issue-14 parts, when the estimate carries them: "pressure ≈ 320 calls · self-report 24 calls ·
 * framing arm ≈ 180 calls". Read loosely (a number, a range or a flag) so an older estimate simply shows nothing.
 */
export function estimateExtras(served: object): string[] {
  const estimate = served as { pressureCalls?: unknown; selfReportCalls?: unknown; framingArm?: unknown };
  const out: string[] = [];
  const pressure = expected(estimate.pressureCalls);
  if (pressure) out.push(`pressure test ≈ ${Math.round(pressure).toLocaleString("en-US")} calls`);
  const self = expected(estimate.selfReportCalls);
  if (self) out.push(`self-report ≈ ${Math.round(self).toLocaleString("en-US")} calls`);
  const framing = estimate.framingArm;
  if (framing === true) out.push("the framing arm");
  else {
    const f = expected(framing);
    if (f) out.push(`framing arm ≈ ${Math.round(f).toLocaleString("en-US")} calls`);
  }
  return out;
}
