import { diffWordsWithSpace } from "diff";

// Word-level differences between two answers to the same message, for the compare
// workbench. Pure, so it runs in the browser on every finished pair and is unit-tested.
// Each side keeps its own text: the left shows what only it said (and what both said),
// the right likewise, so the two columns read as two answers, not one merged diff.

export type AnswerSegment = { text: string; changed: boolean };

export type AnswerDiff = {
  left: AnswerSegment[];
  right: AnswerSegment[];
  /** Words that appear only on the left / only on the right. */
  onlyLeft: number;
  onlyRight: number;
  identical: boolean;
};

const words = (text: string) => (text.match(/\S+/g) ?? []).length;

/** Appends, merging with the previous segment of the same kind so the DOM stays small. */
function push(out: AnswerSegment[], text: string, changed: boolean) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.changed === changed) last.text += text;
  else out.push({ text, changed });
}

export function diffAnswers(left: string, right: string): AnswerDiff {
  const out: AnswerDiff = { left: [], right: [], onlyLeft: 0, onlyRight: 0, identical: left === right };
  if (out.identical) {
    push(out.left, left, false);
    push(out.right, right, false);
    return out;
  }
  for (const part of diffWordsWithSpace(left, right)) {
    // Whitespace-only changes (a line break against a space) are not a difference a reader cares about.
    const blank = part.value.trim() === "";
    if (part.removed) {
      push(out.left, part.value, !blank);
      out.onlyLeft += words(part.value);
    } else if (part.added) {
      push(out.right, part.value, !blank);
      out.onlyRight += words(part.value);
    } else {
      push(out.left, part.value, false);
      push(out.right, part.value, false);
    }
  }
  out.left = bridgeSpaces(out.left);
  out.right = bridgeSpaces(out.right);
  return out;
}

/**
 * "x" + " " + "y", both changed, read as one marked phrase: the shared space between them
 * joins the mark. Then every mark starts and ends on a word: spaces around it stay unmarked.
 */
function bridgeSpaces(segs: AnswerSegment[]): AnswerSegment[] {
  const bridged: AnswerSegment[] = [];
  segs.forEach((s, i) => {
    const between = !s.changed && s.text.trim() === "" && segs[i - 1]?.changed && segs[i + 1]?.changed;
    push(bridged, s.text, s.changed || !!between);
  });
  const out: AnswerSegment[] = [];
  for (const s of bridged) {
    if (!s.changed) {
      push(out, s.text, false);
      continue;
    }
    const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
    push(out, lead, false);
    push(out, body, true);
    push(out, trail, false);
  }
  return out;
}

/** A short sentence for screen readers and the row header: how far apart the answers are. */
export function describeAnswerDiff(d: AnswerDiff, leftName: string, rightName: string): string {
  if (d.identical) return "The two answers are identical.";
  const w = (n: number) => `${n} word${n === 1 ? "" : "s"}`;
  return `${w(d.onlyLeft)} only in ${leftName}, ${w(d.onlyRight)} only in ${rightName}.`;
}
