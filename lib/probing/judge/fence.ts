// The answer under judgement is untrusted text: it may contain "</answer>" to
// end the fence early and write instructions outside it. Every answer/question
// tag inside it — any case, any spacing — is escaped, so the only real tags in
// the judge's user message are the ones we put there.

const TAG = /<(\s*\/?\s*(?:answer|question)\b)/gi;

export function escapeFenceTags(text: string): string {
  return text.replace(TAG, "&lt;$1");
}

export function fence(tag: "answer" | "question", text: string): string {
  return `<${tag}>\n${escapeFenceTags(text)}\n</${tag}>`;
}
