// Removes API keys from text that came from (or is about) a model endpoint.
// Pure: no I/O, no environment. lib/llm/provider-error.ts decides which keys are
// "in play"; this decides what counts as an echo of one.
//
// An echo is more than the exact key: servers print prefixes, suffixes and
// masks ("sk-abc…xyz", "sk-proj-****wxyz"), wrap long keys over lines, quote
// them. So a key is compared with the text ignoring whitespace and quotes, any
// shared run of MIN_ECHO characters is hidden, a mask that starts like the key
// and ends like it is hidden, and a hidden spot grows to the whole key-like
// word around it (a key with a typo or one extra character is still hidden).

export const REDACTED = "[redacted]";

/** A run this long shared with a key is an echo (a key's 6 characters are not a word of English). */
export const MIN_ECHO = 6;

/** Keys this short cannot be told apart from ordinary words: only a whole-word match is hidden. */
const MIN_PARTIAL_KEY = 4;

/** Skipped when comparing: a key split by whitespace or wrapped in quotes is still the key. */
const SKIP = /[\s"'`\u00a0\u200b-\u200d\u2060\ufeff]/;

/** Characters a key (or a mask of one) is made of: a hidden spot grows over them (not over "=", "/" or ".", which end labels, paths and sentences). */
const KEYISH = /[A-Za-z0-9_\-+~*•…·]/;

/** The part of a mask that stands for the hidden middle of a key. */
const MASK_RUN = /\*{2,}|•+|…|\.{3,}|·{2,}|x{4,}|X{4,}|#{3,}/g;

/** Keys nobody told us about still look like keys. */
const KEY_PATTERNS = [
  /\b(?:sk|pk|rk)[-_][A-Za-z0-9_-]{16,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

export type Secret = string | null | undefined;

function normalizeKeys(secrets: readonly Secret[]): { compact: string[]; short: string[] } {
  const compact = new Set<string>();
  const short = new Set<string>();
  for (const raw of secrets) {
    if (!raw) continue;
    const k = [...raw].filter((c) => !SKIP.test(c)).join("").toLowerCase();
    if (k.length >= MIN_PARTIAL_KEY) compact.add(k);
    else if (k.length > 0) short.add(k);
  }
  return { compact: [...compact], short: [...short] };
}

/** Marks every run of ≥ min characters the text (whitespace and quotes skipped) shares with the key. */
function markSharedRuns(text: string, key: string, hide: Uint8Array) {
  const idx: number[] = [];
  let view = "";
  for (let i = 0; i < text.length; i++) {
    if (SKIP.test(text[i])) continue;
    idx.push(i);
    view += text[i].toLowerCase();
  }
  const min = Math.min(MIN_ECHO, key.length);
  let prev = new Uint16Array(key.length + 1);
  let cur = new Uint16Array(key.length + 1);
  for (let i = 0; i < view.length; i++) {
    for (let j = 0; j < key.length; j++) {
      const run = view[i] === key[j] ? prev[j] + 1 : 0;
      cur[j + 1] = run;
      if (run >= min) hide.fill(1, idx[i - min + 1], idx[i] + 1);
    }
    [prev, cur] = [cur, prev];
  }
}

/** "sk-abc…xyz": what precedes the mask starts the key, what follows ends it. */
function markMasks(text: string, key: string, hide: Uint8Array) {
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(MASK_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    let p = 0;
    for (let l = Math.min(key.length - 1, start); l > 0; l--) {
      if (lower.slice(start - l, start) === key.slice(0, l)) {
        p = l;
        break;
      }
    }
    let q = 0;
    for (let l = Math.min(key.length - 1, lower.length - end); l > 0; l--) {
      if (lower.slice(end, end + l) === key.slice(key.length - l)) {
        q = l;
        break;
      }
    }
    if (p + q >= MIN_ECHO) hide.fill(1, start - p, end + q);
  }
}

function markShortKeys(text: string, keys: string[], hide: Uint8Array) {
  if (keys.length === 0) return;
  for (const m of text.matchAll(/[A-Za-z0-9_\-+/=.~]+/g)) {
    if (keys.includes(m[0].toLowerCase())) hide.fill(1, m.index, m.index + m[0].length);
  }
}

/** A hidden spot covers the whole key-like word it sits in. */
function growToWords(text: string, hide: Uint8Array) {
  for (let i = 0; i < text.length; i++) {
    if (!hide[i]) continue;
    let a = i;
    while (a > 0 && !hide[a - 1] && KEYISH.test(text[a - 1])) hide[--a] = 1;
    let b = i;
    while (b + 1 < text.length && hide[b + 1]) b++;
    while (b + 1 < text.length && KEYISH.test(text[b + 1])) hide[++b] = 1;
    i = b;
  }
}

function replaceMarked(text: string, hide: Uint8Array): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (!hide[i]) {
      out += text[i];
      continue;
    }
    out += REDACTED;
    while (i + 1 < text.length && hide[i + 1]) i++;
  }
  return out;
}

/**
 * The text with every echo of the given keys, and anything else that looks
 * like an API key, replaced by "[redacted]". Keys are compared without case.
 */
export function redactSecrets(text: string, secrets: readonly Secret[]): string {
  const { compact, short } = normalizeKeys(secrets);
  const hide = new Uint8Array(text.length);
  for (const key of compact) {
    markSharedRuns(text, key, hide);
    markMasks(text, key, hide);
  }
  markShortKeys(text, short, hide);
  for (const pattern of KEY_PATTERNS) {
    for (const m of text.matchAll(pattern)) hide.fill(1, m.index, m.index + m[0].length);
  }
  growToWords(text, hide);
  return replaceMarked(text, hide);
}

/** One line, at most `max` characters (an ellipsis says it was cut). */
export function clip(text: string, max: number): string {
  const line = text.replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
