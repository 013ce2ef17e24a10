import type { z } from "zod";
import { humanIssue, issueLabelOf } from "@/lib/errors/human-issue";
import { personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";

// One invalid field must not stop every other field from saving. Before an autosave, each
// field the schema refuses is "held": the request carries that field's last saved value,
// while the designer's text stays in the form, marked, until it is valid again.

export type HeldField = {
  /** Where the held value sits: "background", "voice.tone", "values", "traitTargets.kind". */
  key: string;
  /** The whole sentence, for the field: "Background is too long: 4,100 characters, the limit is 4,000". */
  message: string;
  /** The short form, for the save indicator: "Background is too long". */
  summary: string;
};

export type DraftToSave =
  | { ok: true; send: PersonaSpec; held: HeldField[] }
  /** Nothing sensible can be sent (the issue is not inside one field, or the saved value is bad too). */
  | { ok: false; problem: string; held: HeldField[] };

type Path = readonly PropertyKey[];

/**
 * The part of an issue's path that is held as a unit: object keys down to the first list
 * index ("examples.2.user" holds the whole "examples" list; items have no stable identity),
 * and at most two levels ("voice.tone", "traitTargets.kind").
 */
function holdPath(path: Path): string[] {
  const out: string[] = [];
  for (const p of path) {
    if (typeof p !== "string" || out.length === 2) break;
    out.push(p);
  }
  return out;
}

function getAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** A copy of `root` with `path` set to `value` (removed when undefined). */
function setAt<T>(root: T, path: readonly string[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const obj = (root !== null && typeof root === "object" ? root : {}) as Record<string, unknown>;
  const next = { ...obj };
  const inner = rest.length ? setAt(obj[head], rest, value) : value;
  if (inner === undefined) delete next[head];
  else next[head] = inner;
  return next as T;
}

/** "Background is too long: 4,100 characters, …" → "Background is too long". */
function summarize(message: string, label: string): string {
  const cut = message.indexOf(": ");
  if (cut > 0 && message.slice(0, cut) !== label) return message.slice(0, cut);
  return message;
}

/** Every field of `spec` the schema refuses, one entry per held key, in the schema's order. */
export function heldFields(spec: unknown): HeldField[] {
  const parsed = personaSpecSchema.safeParse(spec);
  return parsed.success ? [] : fieldsOf(parsed.error.issues, spec);
}

function fieldsOf(issues: readonly z.core.$ZodIssue[], spec: unknown): HeldField[] {
  const byKey = new Map<string, HeldField>();
  for (const issue of issues) {
    const path = holdPath(issue.path);
    if (path.length === 0) continue;
    const key = path.join(".");
    if (byKey.has(key)) continue;
    const label = issueLabelOf(issue, { inSpec: true });
    const message = humanIssue(issue, { label, input: spec });
    byKey.set(key, { key, message, summary: summarize(message, label) });
  }
  return [...byKey.values()];
}

/**
 * What an autosave sends for `local` when `saved` is what the server last accepted: `local`
 * itself when valid; otherwise `local` with every refused field put back to its saved value.
 */
export function draftToSave(local: PersonaSpec, saved: PersonaSpec): DraftToSave {
  const parsed = personaSpecSchema.safeParse(local);
  if (parsed.success) return { ok: true, send: local, held: [] };
  const held = fieldsOf(parsed.error.issues, local);
  const loose = parsed.error.issues.find((i) => holdPath(i.path).length === 0);
  if (loose) return { ok: false, problem: humanIssue(loose, { label: issueLabelOf(loose, { inSpec: true }), input: local }), held };
  let send = local;
  for (const field of held) {
    const path = field.key.split(".");
    send = setAt(send, path, structuredClone(getAt(saved, path)));
  }
  const check = personaSpecSchema.safeParse(send);
  if (!check.success) {
    const issue = check.error.issues[0];
    return { ok: false, problem: humanIssue(issue, { label: issueLabelOf(issue, { inSpec: true }), input: send }), held };
  }
  return { ok: true, send, held };
}

/** "Saved — 1 field not saved: Background is too long". */
export function heldSummary(held: readonly HeldField[]): string | null {
  if (held.length === 0) return null;
  const count = held.length === 1 ? "1 field not saved" : `${held.length} fields not saved`;
  return `${count}: ${held.map((h) => h.summary).join("; ")}`;
}

const kindOf = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

/**
 * A backup left in the browser, as a spec the form can show: the valid part parsed (with
 * defaults), plus the held fields' local text where it has the saved value's shape. Null
 * when the backup cannot be read as a persona at all.
 */
export function recoverableSpec(backup: unknown, saved: PersonaSpec): PersonaSpec | null {
  if (backup === null || typeof backup !== "object" || Array.isArray(backup)) return null;
  const draft = draftToSave(backup as PersonaSpec, saved);
  if (!draft.ok) return null;
  const parsed = personaSpecSchema.safeParse(draft.send);
  if (!parsed.success) return null;
  let spec = parsed.data;
  for (const field of draft.held) {
    const path = field.key.split(".");
    const local = getAt(backup, path);
    if (kindOf(local) === kindOf(getAt(saved, path)) || (local !== undefined && getAt(saved, path) === undefined)) {
      spec = setAt(spec, path, local);
    }
  }
  return spec;
}
