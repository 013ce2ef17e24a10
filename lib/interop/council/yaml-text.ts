import { Document, isMap, isScalar, LineCounter, parseDocument, visit, YAMLError, type Node } from "yaml";
import type { z } from "zod";
import type { CouncilIssue } from "@/lib/schemas/council";

// YAML in and out for council files, with problems reported by line and field.
// Pure: no node built-ins, no clock.

/** Most problems reported for one file; the rest would only repeat the first ones' cause. */
export const MAX_ISSUES = 20;

export type YamlRead =
  | { ok: true; value: Record<string, unknown>; locate: (path: readonly PropertyKey[]) => number | undefined }
  | { ok: false; errors: CouncilIssue[] };

/**
 * Parses one YAML mapping. `firstLine` is the file line the text starts on
 * (front matter starts on line 2), so every line reported is a line of the file.
 * `locate(path)` gives the file line of the deepest node on `path` that exists.
 */
export function readYamlMapping(text: string, opts: { file?: string; firstLine: number; field: string }): YamlRead {
  const at = (offsetLine: number | undefined) => (offsetLine === undefined ? undefined : offsetLine + opts.firstLine - 1);
  const issue = (message: string, line?: number, field = opts.field): CouncilIssue => ({ ...(opts.file ? { file: opts.file } : {}), ...(line ? { line } : {}), field, message });
  const lineCounter = new LineCounter();
  let value: unknown;
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAB_AS_INDENT")];
    if (doc.errors.length > 0) {
      return {
        ok: false,
        errors: problems.slice(0, MAX_ISSUES).map((e) => issue(`Not valid YAML: ${yamlMessage(e)}`, at(lineCounter.linePos(e.pos[0]).line))),
      };
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Alias bombs and pathological nesting end here rather than in the caller.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [issue(`Not valid YAML: ${detail.split("\n")[0]}`)] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const what = value === null || value === undefined ? "empty" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
    return { ok: false, errors: [issue(`must be a YAML mapping of keys to values, not ${what}`, opts.firstLine)] };
  }
  const locate = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      const offset = node && typeof node === "object" && "range" in node ? node.range?.[0] : undefined;
      if (offset !== undefined) {
        // For a map entry, point at its key's line rather than its value's (a block value starts on the next line).
        const key = n > 0 ? keyNodeOffset(doc, path.slice(0, n)) : undefined;
        return at(lineCounter.linePos(key ?? offset).line);
      }
    }
    return undefined;
  };
  return { ok: true, value: value as Record<string, unknown>, locate };
}

function keyNodeOffset(doc: Document, path: readonly PropertyKey[]): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  const last = String(path[path.length - 1]);
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

function yamlMessage(error: YAMLError): string {
  // The library's message ends with "at line L, column C" plus a code excerpt when pretty; we report the line ourselves.
  return error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

/** zod issues as council issues, each with the file line of the field it names. */
export function zodIssues(
  error: z.ZodError,
  opts: { file?: string; prefix: string; value: unknown; locate: (path: readonly PropertyKey[]) => number | undefined },
): CouncilIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => {
    const field = [opts.prefix, ...i.path.map(String)].filter(Boolean).join(".") || "file";
    const line = opts.locate(i.path);
    const input = valueAt(opts.value, i.path);
    const message = i.code === "invalid_type" && input === undefined ? "is missing" : i.code === "invalid_type" ? `must be ${EXPECTED[String(i.expected)] ?? i.expected}, not ${describe(input)}` : i.message;
    return { ...(opts.file ? { file: opts.file } : {}), ...(line ? { line } : {}), field, message: `${field} ${message}` };
  });
}

const EXPECTED: Record<string, string> = { array: "a list", boolean: "true or false", string: "text", number: "a number", object: "a mapping", record: "a mapping" };

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value === "string" ? "text" : `a ${typeof value}`} (${JSON.stringify(value)?.slice(0, 40)})`;
}

/**
 * A mapping as YAML text in the style council files use: block mappings, lists
 * of plain values in flow style (`polarity_pairs: [feynman, watts]`), no line
 * folding. Key order is the object's own.
 */
export function writeYaml(value: Record<string, unknown>): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Order-sensitive deep equality of parsed YAML values (plain JSON-like data). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
