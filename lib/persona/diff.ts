import { diffLines, diffWordsWithSpace } from "diff";
import { describeCheck } from "@/lib/probing/checks";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { PersonaSpec } from "@/lib/schemas/persona";

// Diff between two persona snapshots: spec fields (each flattened to text and
// word-diffed) and the compiled prompt (line-diffed). Pure: the server computes
// it for the API, the same function could run in the browser.

export type DiffPart = { value: string; added: boolean; removed: boolean };

export type FieldChange = {
  path: string;
  label: string;
  kind: "added" | "removed" | "changed";
  before: string | null;
  after: string | null;
  parts: DiffPart[];
};

export type PromptDiff = { parts: DiffPart[]; linesAdded: number; linesRemoved: number };

export type PersonaDiff = { fields: FieldChange[]; prompt: PromptDiff };

type Snapshot = { spec: PersonaSpec; prompt: string };

function flatten(spec: PersonaSpec): Map<string, { label: string; text: string }> {
  const out = new Map<string, { label: string; text: string }>();
  const put = (path: string, label: string, text: string | null) => {
    if (text !== null && text.trim() !== "") out.set(path, { label, text });
  };
  put("name", "Name", spec.name);
  put("archetype", "Archetype", spec.archetype);
  put("background", "Background", spec.background);
  put("values", "Values", spec.values.map((v) => `• ${v}`).join("\n"));
  put("voice.register", "Voice · register", spec.voice.register);
  put("voice.tone", "Voice · tone", spec.voice.tone);
  put("voice.length", "Voice · length", spec.voice.length);
  put("boundaries", "Boundaries", spec.boundaries.map((b) => `• ${b}`).join("\n"));
  for (const key of Object.keys(spec.traitTargets).sort()) {
    const name = findTrait(key)?.name ?? humanizeTraitKey(key);
    put(`traitTargets.${key}`, `Trait target · ${name}`, String(spec.traitTargets[key]));
  }
  put(
    "examples",
    "Example exchanges",
    spec.examples.map((e) => `User: ${e.user}\nPersona: ${e.assistant}`).join("\n\n"),
  );
  put("notes", "Notes", spec.notes);
  put("sampleMessages", "Preview messages", spec.sampleMessages.map((m) => `• ${m}`).join("\n"));
  (spec.scenarios ?? []).forEach((sc, i) => {
    const context = (sc.context ?? []).map((t) => `${t.role === "user" ? "User" : "Persona"}: ${t.content}`);
    const checks = (sc.checks ?? []).map((c) => `Check: ${c.label ? `${c.label} — ` : ""}${describeCheck({ ...c, label: undefined })}`);
    const text = [...context, `User: ${sc.message}`, sc.note ? `Good answer: ${sc.note}` : "", ...checks].filter(Boolean).join("\n");
    put(`scenarios.${sc.id}`, `Scenario ${i + 1}`, text);
  });
  put("promptOverride", "Prompt override", spec.promptOverride);
  return out;
}

const FIELD_ORDER = [
  "name", "archetype", "background", "values", "voice.register", "voice.tone", "voice.length",
  "boundaries", "traitTargets", "examples", "notes", "sampleMessages", "scenarios", "promptOverride",
];

function orderOf(path: string): number {
  const i = FIELD_ORDER.findIndex((p) => path === p || path.startsWith(`${p}.`));
  return i === -1 ? FIELD_ORDER.length : i;
}

function toParts(changes: { value: string; added?: boolean; removed?: boolean }[]): DiffPart[] {
  return changes.map((c) => ({ value: c.value, added: !!c.added, removed: !!c.removed }));
}

export function diffSpecs(a: PersonaSpec, b: PersonaSpec): FieldChange[] {
  const before = flatten(a);
  const after = flatten(b);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort(
    (x, y) => orderOf(x) - orderOf(y) || x.localeCompare(y),
  );
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const x = before.get(path);
    const y = after.get(path);
    if (x && y && x.text === y.text) continue;
    const label = (y ?? x)!.label;
    const kind = !x ? "added" : !y ? "removed" : "changed";
    changes.push({
      path,
      label,
      kind,
      before: x?.text ?? null,
      after: y?.text ?? null,
      parts: toParts(diffWordsWithSpace(x?.text ?? "", y?.text ?? "")),
    });
  }
  return changes;
}

export function diffPrompts(a: string, b: string): PromptDiff {
  const parts = toParts(diffLines(a, b));
  const count = (p: DiffPart) => p.value.split("\n").filter((l, i, arr) => i < arr.length - 1 || l !== "").length;
  return {
    parts,
    linesAdded: parts.filter((p) => p.added).reduce((n, p) => n + count(p), 0),
    linesRemoved: parts.filter((p) => p.removed).reduce((n, p) => n + count(p), 0),
  };
}

export function diffPersonas(a: Snapshot, b: Snapshot): PersonaDiff {
  return { fields: diffSpecs(a.spec, b.spec), prompt: diffPrompts(a.prompt, b.prompt) };
}
