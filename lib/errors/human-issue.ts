import type { z } from "zod";
import { fieldLabel } from "@/lib/persona/field-labels";

// Zod issues in plain words, for people: "Background is too long: 4,213 characters, the
// limit is 4,000" instead of "source.spec.background: Too big: expected string to have
// <=4000 characters". Pure and safe everywhere: the API's error bodies (lib/http/errors.ts)
// and the composer's field errors (lib/persona/held-fields.ts) both use it.

type Path = readonly PropertyKey[];

const numberFormat = new Intl.NumberFormat("en-US");
const n = (value: number | bigint) => numberFormat.format(value);
const plural = (count: number | bigint, one: string, many = `${one}s`) => `${n(count)} ${Number(count) === 1 ? one : many}`;

/** Zod's own English messages; anything else was written for people by a schema author. */
const ZOD_DEFAULT = /^(Invalid (input|option|string|key|element|number|value|date|type|union|discriminator)\b|Too (big|small):|Unrecognized keys?:)/;

/** Formats say "Invalid email address", "Invalid URL", "Invalid UUID"… */
const isZodDefault = (issue: z.core.$ZodIssue) =>
  ZOD_DEFAULT.test(issue.message) || issue.code === "unrecognized_keys" ||
  (issue.code === "invalid_format" && issue.format !== "regex" && issue.message.startsWith("Invalid "));

const ACRONYMS = new Set(["id", "url", "api", "json", "csv", "llm", "png", "ip", "smtp"]);

/** "personaId" → "persona ID"; "answers_per_pair" → "answers per pair". */
export function humanizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()))
    .join(" ");
}

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * The words for where an issue is. Inside a persona spec (the path has a "spec" segment,
 * or `inSpec` says the path starts at the spec) the composer's labels are used: "Background",
 * "Values, item 4". Elsewhere the last named segment in words: ["source", "kind"] → "Kind".
 */
export function issueLabel(path: Path, { inSpec = false }: { inSpec?: boolean } = {}): string {
  const specAt = inSpec ? -1 : path.lastIndexOf("spec");
  if (inSpec || (specAt >= 0 && specAt < path.length - 1)) {
    const rest = path.slice(specAt + 1);
    if (rest.length === 0) return "The persona";
    const exact = fieldLabel(rest.map(String).join("."));
    if (exact) return exact;
    const top = String(rest[0]);
    const head = fieldLabel(top) ?? capitalize(humanizeKey(top));
    const tail = rest.slice(1).map((p) => (typeof p === "number" ? `item ${p + 1}` : humanizeKey(String(p))));
    return [head, ...tail].join(", ");
  }
  // Record keys like "100" (rubric anchors) are not names: "Anchors, 100".
  const isName = (p: PropertyKey): p is string => typeof p === "string" && !/^\d+$/.test(p);
  const at = path.findLastIndex(isName);
  if (at < 0) return "The request";
  const tail = path.slice(at + 1).map((p) => (typeof p === "number" ? `item ${p + 1}` : String(p)));
  return capitalize([humanizeKey(String(path[at])), ...tail].join(", "));
}

/** issueLabel for an issue: a refused record key is named by its record ("Trait targets"), the key goes in the sentence. */
export function issueLabelOf(issue: z.core.$ZodIssue, options: { inSpec?: boolean } = {}): string {
  return issueLabel(issue.code === "invalid_key" ? issue.path.slice(0, -1) : issue.path, options);
}

/** What the value at `path` inside `root` is, when the caller still has the input. */
function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text", number: "a number", int: "a whole number", bigint: "a whole number", boolean: "true or false",
  object: "an object", array: "a list", date: "a date", null: "empty (null)",
};

const FORMAT_WORDS: Record<string, string> = {
  email: "a valid email address", url: "a valid URL", uuid: "a valid ID", cuid: "a valid ID", cuid2: "a valid ID",
  datetime: "a valid date and time", date: "a valid date", time: "a valid time", ipv4: "a valid IP address",
  ipv6: "a valid IP address", base64: "valid base64", jwt: "a valid token", emoji: "an emoji",
};

const quoteValue = (v: unknown) => (typeof v === "string" ? `“${v}”` : String(v));

/**
 * One sentence for one issue. `label` defaults to issueLabel(issue.path); `input` is the parsed
 * root, used to say how long a too-long text actually is. A schema's own message (e.g. "Give the
 * persona a name") is kept, after the label.
 */
export function humanIssue(issue: z.core.$ZodIssue, { label, input }: { label?: string; input?: unknown } = {}): string {
  const what = label ?? issueLabelOf(issue);
  if (!isZodDefault(issue)) return `${what}: ${issue.message}`;
  const actual = "input" in issue && issue.input !== undefined ? issue.input : valueAt(input, issue.path);
  switch (issue.code) {
    case "too_big": {
      const max = issue.maximum;
      const limit = issue.inclusive === false ? `less than ${n(max)}` : n(max);
      if (issue.origin === "string") {
        const length = typeof actual === "string" ? `${plural(actual.length, "character")}, ` : "";
        return `${what} is too long: ${length}the limit is ${issue.inclusive === false ? limit : plural(max, "character")}`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        const count = Array.isArray(actual) ? `${plural(actual.length, "item")}, ` : "";
        return `${what} has too many items: ${count}the limit is ${n(max)}`;
      }
      if (issue.origin === "file") return `${what} is too large: the limit is ${plural(max, "byte")}`;
      return `${what} must be ${issue.inclusive === false ? `less than ${n(max)}` : `at most ${n(max)}`}`;
    }
    case "too_small": {
      const min = issue.minimum;
      if (issue.origin === "string") {
        if (Number(min) <= 1) return `${what} is required`;
        return `${what} must be at least ${plural(min, "character")}`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return Number(min) <= 1 ? `${what} needs at least one item` : `${what} needs at least ${n(min)} items`;
      }
      return `${what} must be ${issue.inclusive === false ? `more than ${n(min)}` : `at least ${n(min)}`}`;
    }
    case "invalid_type": {
      if (actual === undefined && (issue.message.endsWith("received undefined") || "input" in issue)) return `${what} is required`;
      return `${what} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    }
    case "invalid_format": {
      if (issue.format === "regex") return `${what} is not in the expected format`;
      if (issue.format === "starts_with" || issue.format === "ends_with" || issue.format === "includes") {
        return `${what} is not in the expected format`;
      }
      return `${what} is not ${FORMAT_WORDS[issue.format] ?? `a valid ${humanizeKey(issue.format)}`}`;
    }
    case "invalid_value": {
      const values = issue.values;
      if (values.length === 1) return `${what} must be ${quoteValue(values[0])}`;
      if (values.length <= 8) return `${what} must be one of ${values.map(quoteValue).join(", ")}`;
      return `${what} is not one of the allowed values`;
    }
    case "unrecognized_keys": {
      const keys = issue.keys.map((k) => `“${k}”`).join(", ");
      const where = issue.path.length ? ` in ${what}` : "";
      return `${issue.keys.length === 1 ? "Unknown field" : "Unknown fields"} ${keys}${where}`;
    }
    case "not_multiple_of":
      return `${what} must be a multiple of ${n(issue.divisor)}`;
    case "invalid_key": {
      const key = String(issue.path.at(-1) ?? "");
      const why = issue.issues.find((i) => !isZodDefault(i))?.message;
      return `${what}: “${key}” is not allowed${why ? ` (${why})` : ""}`;
    }
    case "invalid_element":
      return `${what} has an item that is not valid`;
    case "invalid_union": {
      const options = "options" in issue && Array.isArray(issue.options) ? (issue.options as unknown[]) : [];
      if (options.length) return `${what} must be one of ${options.map(quoteValue).join(", ")}`;
      return `${what} is not valid`;
    }
    default:
      return `${what} is not valid`;
  }
}
