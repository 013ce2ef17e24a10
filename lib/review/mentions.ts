// @mentions in review comments. Pure and browser-safe: the composer uses it
// for autocomplete, the comment service to decide who to notify, and the
// markdown renderer (through rehype-mentions) to highlight the same mentions.

export type Mentionable = { userId: string; name: string; email: string };
export type MentionRange = { start: number; end: number; handle: string };

/** "Ada.Lovelace+x@ex.com" → "ada.lovelace": the email's local part without its +tag. */
export function mentionHandle(email: string): string {
  const at = email.lastIndexOf("@");
  const local = (at === -1 ? email : email.slice(0, at)).split("+")[0];
  // NFKD splits "é" into "e" + accent, so the accent is what gets dropped.
  return local.normalize("NFKD").toLowerCase().replace(/[^a-z0-9._-]/g, "");
}

// A mention starts at the beginning or after a character that cannot sit inside
// an email address or a URL path ("ada@x.com", "example.com/@ada" are not mentions).
// The handle is taken whole — the lookahead stops the engine from backtracking to
// a shorter prefix — and trailing separators are trimmed in code afterwards.
// A capture group instead of a lookbehind keeps older Safari able to parse it.
const MENTION = /(^|[^\p{L}\p{N}@.+%/\\-])@([a-z0-9._-]+)(?![\p{L}\p{N}._@-])/giu;
const AUTOCOMPLETE = /(?:^|[^\p{L}\p{N}@.+%/\\-])@([a-z0-9._-]*)$/iu;

/**
 * Where `text` mentions one of `handles` (lower-case). "@ada." and "@ada)" mention
 * "ada"; "@ada-smith" does not unless "ada-smith" is a handle itself.
 */
export function mentionRanges(text: string, handles: ReadonlySet<string>): MentionRange[] {
  const ranges: MentionRange[] = [];
  for (const match of text.matchAll(MENTION)) {
    let handle = match[2].toLowerCase();
    while (!handles.has(handle) && /[._-]$/.test(handle)) handle = handle.slice(0, -1);
    if (!handle || !handles.has(handle)) continue;
    const start = match.index + match[1].length;
    ranges.push({ start, end: start + 1 + handle.length, handle });
  }
  return ranges;
}

/**
 * userIds of the members mentioned in a markdown comment body, in order of first
 * mention. Code (inline and fenced) is skipped: quoting "@ada" there names nobody.
 * Members who share a handle are all mentioned by it.
 */
export function findMentions(body: string, members: readonly Mentionable[]): string[] {
  const byHandle = new Map<string, string[]>();
  for (const m of members) {
    const handle = mentionHandle(m.email);
    if (handle) byHandle.set(handle, [...(byHandle.get(handle) ?? []), m.userId]);
  }
  const ids = new Set<string>();
  for (const { handle } of mentionRanges(blankCode(body), new Set(byHandle.keys()))) {
    for (const id of byHandle.get(handle) ?? []) ids.add(id);
  }
  return [...ids];
}

/**
 * The partial handle being typed when the text before the caret ends in "@…"
 * ("" right after the "@"), or null when the caret is not in a mention.
 */
export function mentionQuery(textBeforeCaret: string): string | null {
  return AUTOCOMPLETE.exec(textBeforeCaret)?.[1] ?? null;
}

// Code is replaced by spaces rather than removed so that text on either side
// does not join up into something that looks like a mention or an email.
function blankCode(body: string): string {
  return blankInlineCode(blankFences(body));
}

function blankFences(body: string): string {
  const lines = body.split("\n");
  let fence: { char: string; length: number } | null = null;
  return lines
    .map((line) => {
      if (fence) {
        const close = /^ {0,3}(`+|~+)\s*$/.exec(line);
        if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
        return "";
      }
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (!open) return line;
      fence = { char: open[1][0], length: open[1].length };
      return "";
    })
    .join("\n");
}

// CommonMark code spans: a run of n backticks closes only at the next run of exactly n.
function blankInlineCode(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("`", i);
    if (open === -1) break;
    const n = runLength(text, open);
    let close = -1;
    for (let j = text.indexOf("`", open + n); j !== -1; ) {
      const m = runLength(text, j);
      if (m === n) { close = j; break; }
      j = text.indexOf("`", j + m);
    }
    if (close === -1) {
      out += text.slice(i, open + n);
      i = open + n;
    } else {
      out += text.slice(i, open) + " ".repeat(close + n - open);
      i = close + n;
    }
  }
  return out + text.slice(i);
}

function runLength(text: string, at: number): number {
  let end = at;
  while (text[end] === "`") end++;
  return end - at;
}
