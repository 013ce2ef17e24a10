import { flagCounts } from "@/components/probes/flag-acknowledgement";
import type { ShareBundle } from "@/lib/schemas/share";

// The share page's description (metadata and link previews): who the persona
// is, the version, and what probing found — open flags only, counted as the
// report's counts line counts them (flagCounts): flags acknowledged as expected
// for the persona and leaks that came with the character type are not open.

/** "A veteran ER triage nurse · v3 · Measured: 2 open flags, 3 acknowledged" */
export function shareDescription(b: Pick<ShareBundle, "persona" | "compiledPrompt" | "version" | "report">): string {
  const lead = b.persona.archetype.trim() || firstSentence(b.compiledPrompt);
  const landing = b.report ? `Measured: ${measured(b.report.report.flags)}` : "No probe report yet";
  return [clip(lead, 160), `v${b.version.number}`, landing].filter(Boolean).join(" · ");
}

function measured(flags: NonNullable<ShareBundle["report"]>["report"]["flags"]): string {
  const { head, rest } = flagCounts(flags);
  return [head === "No open flags" ? "no open flags" : head, ...rest].join(", ");
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
