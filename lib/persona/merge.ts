import type { PersonaSpec } from "@/lib/schemas/persona";

// A three-way merge of persona drafts, field by field (issue 16 §5). Two tabs or two
// people start from the same saved draft (`base`); each changes some fields. A field
// changed on one side only takes that side's value; a field both sides changed to the
// same value is no conflict; only a field both changed differently is a conflict,
// for the designer to settle. Objects of fields (voice, traitTargets) merge one level
// down, so a tone edit and a register edit, or two different trait targets, merge;
// lists (values, examples, scenarios…) are one field each: merging inside a list
// would guess at what the designer meant.

export type SpecMerge = {
  /** Both sides' changes; on a conflicting field, mine. */
  merged: PersonaSpec;
  /** Paths both sides changed differently ("background", "voice.tone", "traitTargets.firm"). */
  conflicts: string[];
  /** Paths where their change was taken in. */
  fromTheirs: string[];
};

type Json = unknown;
type Obj = Record<string, Json>;

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function mergeSpecs(base: PersonaSpec, mine: PersonaSpec, theirs: PersonaSpec): SpecMerge {
  const conflicts: string[] = [];
  const fromTheirs: string[] = [];
  const merged = mergeObject(base as Obj, mine as Obj, theirs as Obj, "", 1, conflicts, fromTheirs);
  return { merged: merged as PersonaSpec, conflicts, fromTheirs };
}

/** The merge's value with their side taken on every conflicting field. */
export function withTheirs(merge: SpecMerge, theirs: PersonaSpec): PersonaSpec {
  let out = merge.merged as Obj;
  for (const path of merge.conflicts) out = setPath(out, path.split("."), getPath(theirs as Obj, path.split(".")));
  return out as PersonaSpec;
}

/** Whether a field path (e.g. a diff's "voice.tone" or "scenarios.s1") lies in one of the conflicting fields. */
export function inConflict(path: string, conflicts: string[]): boolean {
  return conflicts.some((c) => path === c || path.startsWith(`${c}.`) || c.startsWith(`${path}.`));
}

function mergeObject(base: Obj, mine: Obj, theirs: Obj, prefix: string, depth: number, conflicts: string[], fromTheirs: string[]): Obj {
  const out: Obj = {};
  // Mine's key order first, then keys only theirs has: the spec's field order stays stable.
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])];
  for (const key of keys) {
    const b = base[key], m = mine[key], t = theirs[key];
    const path = prefix + key;
    let v: Json;
    if (same(m, t) || same(t, b)) v = m;
    else if (same(m, b)) {
      v = t;
      fromTheirs.push(path);
    } else if (depth > 0 && isObject(m) && isObject(t) && (b === undefined || isObject(b))) {
      v = mergeObject((b as Obj | undefined) ?? {}, m, t, `${path}.`, depth - 1, conflicts, fromTheirs);
    } else {
      v = m;
      conflicts.push(path);
    }
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function getPath(obj: Obj, path: string[]): Json {
  let v: Json = obj;
  for (const k of path) v = isObject(v) ? v[k] : undefined;
  return v;
}

function setPath(obj: Obj, [head, ...rest]: string[], value: Json): Obj {
  const out = { ...obj };
  const next = rest.length ? setPath(isObject(obj[head]) ? (obj[head] as Obj) : {}, rest, value) : value;
  if (next === undefined) delete out[head];
  else out[head] = next;
  return out;
}
