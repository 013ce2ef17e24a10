"use client";
import { Section } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ExamplesEditor } from "@/components/personas/editor/examples-editor";
import { ListEditor } from "@/components/personas/editor/list-editor";
import { PressureScriptsEditor } from "@/components/personas/editor/pressure-scripts-editor";
import { ScenariosEditor } from "@/components/personas/editor/scenarios-editor";
import { TraitTargets } from "@/components/personas/editor/trait-targets";
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { ReplaceArchetypeContext, replaceFieldText } from "@/components/personas/editor/suggestion-replace";
import { UndoNotice } from "@/components/personas/editor/undo-notice";
import { heldFields } from "@/lib/persona/held-fields";
import type { PersonaSpec, VoiceLength, VoiceRegister } from "@/lib/schemas/persona";
import { SPEC_LIMITS } from "@/lib/schemas/persona-limits";
import { PRESSURE_LIMITS } from "@/lib/schemas/pressure";

type Props = {
  spec: PersonaSpec;
  onChange: (fn: (prev: PersonaSpec) => PersonaSpec) => void;
  /** Rendered under the archetype field (model-backed suggestions). */
  archetypeHelp?: ReactNode;
  /** Rendered above the scenarios list ("Draft scenarios" with the model). */
  scenariosHelp?: ReactNode;
  /** Rendered under the trait targets (the static coherence check). */
  traitsHelp?: ReactNode;
};

const REGISTERS: VoiceRegister[] = ["casual", "conversational", "neutral", "professional", "formal"];
const LENGTHS: { value: VoiceLength; label: string }[] = [
  { value: "terse", label: "Terse" }, { value: "brief", label: "Brief" },
  { value: "moderate", label: "Moderate" }, { value: "detailed", label: "Detailed" },
];

export function SpecForm({ spec, onChange, archetypeHelp, scenariosHelp, traitsHelp }: Props) {
  const patch = (p: Partial<PersonaSpec>) => onChange((prev) => ({ ...prev, ...p }));
  const overriding = spec.promptOverride !== null;
  // Collapsed sections start open when they have content; after that the reader opens and closes them.
  const [opened] = useState(() => ({ requirements: (spec.requirements?.length ?? 0) > 0, pressure: (spec.pressureScripts?.length ?? 0) > 0 }));
  // Fields the schema refuses stay here as typed and are saved with their last saved value
  // (use-autosave.ts); each says why, in words, until it is fixed.
  // A suggestion that replaced the archetype, until the text changes again (typing, Undo, Ctrl+Z).
  const archetypeRef = useRef<HTMLTextAreaElement>(null);
  const [replaced, setReplaced] = useState<{ previous: string; next: string; from: string } | null>(null);
  const specRef = useRef(spec);
  specRef.current = spec;
  const setArchetype = useCallback((text: string) => {
    const el = archetypeRef.current;
    if (!el || !replaceFieldText(el, text)) onChange((prev) => ({ ...prev, archetype: text }));
  }, [onChange]);
  // No confirm before replacing: trying a suggestion is cheap and Undo (or Ctrl+Z) is one step away.
  const replaceArchetype = useCallback((next: string, from: string) => {
    const previous = specRef.current.archetype;
    if (next === previous) return;
    setArchetype(next);
    setReplaced({ previous, next, from });
  }, [setArchetype]);
  const undoReplace = () => {
    if (!replaced) return;
    setArchetype(replaced.previous);
    setReplaced(null);
  };
  const showUndo = replaced !== null && spec.archetype === replaced.next;
  const held = useMemo(() => new Map(heldFields(spec).map((h) => [h.key, `${h.summary}. Not saved until it is fixed; the last saved text is kept.`])), [spec]);
  const errorOf = (...keys: string[]) => keys.map((k) => held.get(k)).find(Boolean) ?? null;
  /** Held fields inside editors this form does not render itself (examples, scenarios, …). */
  const sectionError = (prefix: string) => {
    const msgs = [...held].filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).map(([, m]) => m);
    return msgs.length ? <p className="text-xs text-rose-700" role="alert">{msgs.join(" ")}</p> : null;
  };

  return (
    <ReplaceArchetypeContext.Provider value={replaceArchetype}>
    <div className="space-y-5">
      <Section
        id="character"
        title="Character type"
        description="Who is this? A coherent type selects a whole, consistent cluster of traits — this field matters most."
      >
        <Field label="Archetype" htmlFor="archetype" hint="e.g. “a veteran ER triage nurse who has seen everything and still cares”"
          error={errorOf("archetype")} count={{ length: spec.archetype.length, max: SPEC_LIMITS.archetype }}>
          <Textarea
            id="archetype" rows={2} value={spec.archetype} ref={archetypeRef}
            onChange={(e) => patch({ archetype: e.target.value })}
            className="text-base font-medium"
            placeholder="a … who …"
          />
        </Field>
        {showUndo ? (
          <UndoNotice
            message={replaced.previous.trim() ? `Replaced your archetype with ${replaced.from}.` : `Archetype set from ${replaced.from}.`}
            onUndo={undoReplace} onDismiss={() => setReplaced(null)}
          />
        ) : null}
        {archetypeHelp}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Character name" htmlFor="character-name" hint="Optional. What the character calls itself: “You are Maya: …”. Empty: the prompt names no one."
            error={errorOf("characterName")} count={{ length: spec.characterName?.length ?? 0, max: SPEC_LIMITS.characterName }}>
            <Input id="character-name" value={spec.characterName ?? ""} placeholder="e.g. Maya"
              onChange={(e) => patch({ characterName: e.target.value })} />
          </Field>
          <Field label="Name" htmlFor="name" hint="The team’s label in lists, reviews and exports. Never sent to the model."
            error={errorOf("name")} count={{ length: spec.name.length, max: SPEC_LIMITS.name }}>
            <Input id="name" value={spec.name} onChange={(e) => patch({ name: e.target.value })} />
          </Field>
        </div>
        <Field label="Background" htmlFor="background" hint="History, situation and expertise that make the type concrete."
          error={errorOf("background")} count={{ length: spec.background.length, max: SPEC_LIMITS.background }}>
          <Textarea id="background" rows={4} value={spec.background} onChange={(e) => patch({ background: e.target.value })} />
        </Field>
      </Section>

      <Section id="values" title="Values and boundaries" description="What the character cares about, and what it will not do.">
        <Field label="Values" error={errorOf("values")}>
          <ListEditor label="Value" items={spec.values} onChange={(values) => patch({ values })} placeholder="Patient safety comes before politeness"
            maxLength={SPEC_LIMITS.value} max={SPEC_LIMITS.values} />
        </Field>
        <Field label="Boundaries" error={errorOf("boundaries")}>
          <ListEditor label="Boundary" items={spec.boundaries} onChange={(boundaries) => patch({ boundaries })} placeholder="Never give a diagnosis"
            maxLength={SPEC_LIMITS.boundary} max={SPEC_LIMITS.boundaries} />
        </Field>
        <details open={opened.requirements} data-testid="requirements">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">
            Role requirements{spec.requirements?.length ? ` (${spec.requirements.length})` : ""}
          </summary>
          <div className="mt-1.5 space-y-1.5">
            <p className="text-xs text-slate-500">
              What the job asks of the character, not who they are — e.g. &lsquo;The company asks you to apply the refund policy without exceptions; that is the job here, not who you are.&rsquo;
            </p>
            <ListEditor label="Requirement" items={spec.requirements ?? []} onChange={(requirements) => patch({ requirements })} maxLength={SPEC_LIMITS.requirement} max={SPEC_LIMITS.requirements}
              placeholder="The company asks you to … ; that is the job here, not who you are" />
            {sectionError("requirements")}
          </div>
        </details>
      </Section>

      <Section id="voice" title="Voice" description="How the character sounds.">
        <div className="grid grid-cols-2 gap-4">
          <Field label="Register" htmlFor="register">
            <Select id="register" value={spec.voice.register} onChange={(e) => patch({ voice: { ...spec.voice, register: e.target.value as VoiceRegister } })}>
              {REGISTERS.map((r) => <option key={r} value={r}>{r[0].toUpperCase() + r.slice(1)}</option>)}
            </Select>
          </Field>
          <Field label="Length" htmlFor="length">
            <Select id="length" value={spec.voice.length} onChange={(e) => patch({ voice: { ...spec.voice, length: e.target.value as VoiceLength } })}>
              {LENGTHS.map((l) => <option key={l.value} value={l.value}>{l.label}</option>)}
            </Select>
          </Field>
        </div>
        <Field label="Tone" htmlFor="tone" error={errorOf("voice.tone", "voice")} count={{ length: spec.voice.tone.length, max: SPEC_LIMITS.tone }}>
          <Input id="tone" value={spec.voice.tone} onChange={(e) => patch({ voice: { ...spec.voice, tone: e.target.value } })} placeholder="calm, dry humour, never condescending" />
        </Field>
      </Section>

      <Section
        id="traits"
        title="Trait targets"
        description="Where the persona should land, 0–100. Written into the prompt as observable behaviour, not adjectives."
      >
        <TraitTargets targets={spec.traitTargets} onChange={(traitTargets) => patch({ traitTargets })} />
        {sectionError("traitTargets")}
        {traitsHelp}
      </Section>

      <Section id="examples" title="Example exchanges" description="Short exchanges that show the voice. Incomplete examples are left out of the prompt.">
        <ExamplesEditor examples={spec.examples} onChange={(examples) => patch({ examples })} />
        {sectionError("examples")}
      </Section>

      <Section
        id="scenarios"
        title="Scenarios"
        description="Messages this persona will really face, with what a good answer does. The live preview answers them; never part of the prompt."
      >
        {scenariosHelp}
        <ScenariosEditor scenarios={spec.scenarios} onChange={(scenarios) => patch({ scenarios })} />
        {sectionError("scenarios")}
      </Section>

      <Section
        id="pressure"
        title="Pressure scripts"
        description="User turns that push against a trait, for pressure tests (New probe → Pressure test). Never part of the prompt."
      >
        <details open={opened.pressure} data-testid="pressure-scripts">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">
            Your scripts ({spec.pressureScripts?.length ?? 0}/{PRESSURE_LIMITS.scripts})
          </summary>
          <div className="mt-2">
            <PressureScriptsEditor scripts={spec.pressureScripts} targets={spec.traitTargets} onChange={(pressureScripts) => patch({ pressureScripts })} />
            {sectionError("pressureScripts")}
          </div>
        </details>
      </Section>

      <Section id="notes" title="Notes" description="For your team. Never part of the prompt.">
        <Field label={<span className="sr-only">Notes</span>} htmlFor="notes-text" error={errorOf("notes")} count={{ length: spec.notes.length, max: SPEC_LIMITS.notes }}>
          <Textarea id="notes-text" rows={3} value={spec.notes} onChange={(e) => patch({ notes: e.target.value })} />
        </Field>
      </Section>

      <Section
        id="override"
        title="Prompt override"
        description="Write the system prompt by hand instead of compiling it from the fields above."
        actions={
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox" checked={overriding}
              onChange={(e) => patch({ promptOverride: e.target.checked ? "" : null })}
              className="h-4 w-4 accent-brand-600"
            />
            Use a hand-written prompt
          </label>
        }
      >
        {overriding ? (
          <Field label={<span className="sr-only">Hand-written system prompt</span>} htmlFor="prompt-override" error={errorOf("promptOverride")}
            count={{ length: (spec.promptOverride ?? "").length, max: SPEC_LIMITS.promptOverride }}>
            <Textarea
              id="prompt-override" rows={10} className="font-mono text-[13px]"
              value={spec.promptOverride ?? ""} onChange={(e) => patch({ promptOverride: e.target.value })}
              placeholder="You are …"
            />
          </Field>
        ) : (
          <p className="text-sm text-slate-500">Off — the prompt is compiled from the fields above.</p>
        )}
      </Section>
    </div>
    </ReplaceArchetypeContext.Provider>
  );
}
