import type { ElementContent, Root, RootContent } from "hast";
import { mentionRanges } from "@/lib/review/mentions";

// Rehype plugin: wraps "@handle" of known members in
// <span data-mention="handle">, using the same matching as findMentions so a
// highlighted name is exactly a notified one. Runs after sanitising — the spans
// it adds are built here, never from the comment's text.

export type RehypeMentionsOptions = { handles: readonly string[]; className?: string };

// Inside code a mention is quoted, not addressed; inside a link it would nest.
const SKIP = new Set(["a", "code", "pre", "script", "style"]);

export function rehypeMentions({ handles, className }: RehypeMentionsOptions) {
  const known = new Set(handles.map((h) => h.toLowerCase()));
  return (tree: Root) => {
    if (known.size > 0) walk(tree, known, className);
  };
}

function walk(parent: { children: (RootContent | ElementContent)[] }, handles: ReadonlySet<string>, className?: string) {
  parent.children = parent.children.flatMap((child): (RootContent | ElementContent)[] => {
    if (child.type === "element") {
      if (!SKIP.has(child.tagName)) walk(child, handles, className);
      return [child];
    }
    return child.type === "text" ? split(child.value, handles, className) : [child];
  });
}

function split(value: string, handles: ReadonlySet<string>, className?: string): ElementContent[] {
  const ranges = mentionRanges(value, handles);
  if (ranges.length === 0) return [{ type: "text", value }];
  const out: ElementContent[] = [];
  let at = 0;
  for (const { start, end, handle } of ranges) {
    if (start > at) out.push({ type: "text", value: value.slice(at, start) });
    out.push({
      type: "element",
      tagName: "span",
      properties: { className: className ? className.split(/\s+/) : undefined, dataMention: handle },
      children: [{ type: "text", value: value.slice(start, end) }],
    });
    at = end;
  }
  if (at < value.length) out.push({ type: "text", value: value.slice(at) });
  return out;
}
