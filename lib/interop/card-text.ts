import type { InteropWarning } from "@/lib/interop/errors";
import { exampleExchangeSchema, personaSpecSchema } from "@/lib/schemas/persona";

// Text transformations between card fields and spec fields. Every join has a
// split that undoes it (labelled paragraphs), so an export can tell which card
// field a part of the spec came from and write unchanged parts back verbatim.

export const LIMITS = {
  archetype: personaSpecSchema.shape.archetype.maxLength ?? 600,
  background: personaSpecSchema.shape.background.maxLength ?? 4000,
  notes: personaSpecSchema.shape.notes.maxLength ?? 8000,
  user: exampleExchangeSchema.shape.user.maxLength ?? 2000,
  assistant: exampleExchangeSchema.shape.assistant.maxLength ?? 4000,
  /** personaSpecSchema: examples .max(12). */
  examples: 12,
};

export const SCENARIO_LABEL = "Scenario: ";
export const PERSONALITY_LABEL = "Personality (continued): ";
export const SYSTEM_PROMPT_HEADING = "## System prompt from the card (reference only: the studio compiles its own prompt)";
export const TAGS_LABEL = "Tags: ";

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Card placeholders as plain words, because the compiled prompt is sent as is:
 * {{char}}, <BOT>, <char> → the character's name; {{user}}, <USER> → "the user"
 * ("The user" where a sentence starts).
 */
export function fillPlaceholders(text: string, charName: string): string {
  return text
    .replace(/\{\{char\}\}|<bot>|<char>/gi, () => charName)
    .replace(/(^|[.!?]\s+|\n\s*)?(?:\{\{user\}\}|<user>)/gi, (_m, start: string | undefined) =>
      start !== undefined ? `${start}The user` : "the user");
}

/** Cuts at a word boundary so a shortened text does not end mid-word. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return (space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}

/** The personality as archetype: whole when short, else the sentences that fit; the rest goes to background. */
const SENTENCE = /[^.!?…]+(?:[.!?…]+["'”’)\]]*|$)\s*/g;

/** The personality as archetype: whole when short, else the sentences that fit; the rest goes to background. */
export function splitPersonality(personality: string): { archetype: string; rest: string } {
  const text = personality.trim();
  if (text.length <= LIMITS.archetype) return { archetype: text, rest: "" };
  let end = 0;
  for (const match of text.matchAll(SENTENCE)) {
    if (match.index !== end || text.slice(0, end + match[0].length).trimEnd().length > LIMITS.archetype) break;
    end += match[0].length;
  }
  // Always a prefix of the text, so archetype + rest is the whole personality.
  const archetype = (end > 0 ? text.slice(0, end) : shorten(text, LIMITS.archetype)).trim();
  return { archetype, rest: text.slice(archetype.length).trim() };
}

export function joinPersonality(archetype: string, rest: string): string {
  return [archetype.trim(), rest.trim()].filter(Boolean).join(" ");
}

/** Removes a trailing labelled paragraph ("\n\nLabel: …" or the whole text starting with it). */
function takeTrailing(text: string, label: string): [rest: string, taken: string] {
  if (text.startsWith(label)) return ["", text.slice(label.length)];
  const at = text.lastIndexOf(`\n\n${label}`);
  if (at < 0) return [text, ""];
  return [text.slice(0, at), text.slice(at + 2 + label.length)];
}

export type BackgroundParts = { description: string; personalityRest: string; scenario: string };

export function joinBackground(parts: BackgroundParts): string {
  return [
    parts.description,
    parts.personalityRest && PERSONALITY_LABEL + parts.personalityRest,
    parts.scenario && SCENARIO_LABEL + parts.scenario,
  ].filter(Boolean).join("\n\n");
}

export function splitBackground(background: string): BackgroundParts {
  const [withoutScenario, scenario] = takeTrailing(background, SCENARIO_LABEL);
  const [description, personalityRest] = takeTrailing(withoutScenario, PERSONALITY_LABEL);
  return { description: description.trim(), personalityRest: personalityRest.trim(), scenario: scenario.trim() };
}

export type NotesParts = { creatorNotes: string; systemPrompt: string; tags: string[] };

export function joinNotes(parts: NotesParts): string {
  return [
    parts.creatorNotes,
    parts.systemPrompt && `${SYSTEM_PROMPT_HEADING}\n${parts.systemPrompt}`,
    parts.tags.length ? TAGS_LABEL + parts.tags.join(", ") : "",
  ].filter(Boolean).join("\n\n");
}

export function splitNotes(notes: string): NotesParts {
  let [rest, tagLine] = takeTrailing(notes, TAGS_LABEL);
  if (tagLine.includes("\n")) [rest, tagLine] = [notes, ""]; // a "Tags:" paragraph of prose is not the tag line
  const [creatorNotes, systemPrompt] = takeTrailing(rest, `${SYSTEM_PROMPT_HEADING}\n`);
  const tags = tagLine.split(",").map((t) => t.trim()).filter(Boolean);
  return { creatorNotes: creatorNotes.trim(), systemPrompt: systemPrompt.trim(), tags };
}

export type Exchange = { user: string; assistant: string };

/**
 * `mes_example` → exchanges. Blocks start with <START>; a line "{{user}}: …"
 * starts a user turn, "{{char}}: …" (or "<bot>:", or the character's name)
 * a character turn; other lines continue the current turn.
 */
export function parseMesExample(text: string, charNames: string[], field: string): { examples: Exchange[]; warnings: InteropWarning[] } {
  const warnings: InteropWarning[] = [];
  const names = ["\\{\\{char\\}\\}", "<bot>", "<char>", ...charNames.filter(Boolean).map(escapeRegex)];
  const charLine = new RegExp(`^\\s*(?:${names.join("|")})\\s*:\\s?`, "i");
  const userLine = /^\s*(?:\{\{user\}\}|<user>)\s*:\s?/i;
  const fill = (s: string) => fillPlaceholders(s.trim(), charNames[0] ?? "");
  const examples: Exchange[] = [];
  let stray = 0;

  for (const block of text.split(/<start>/i)) {
    type Turn = { who: "user" | "char"; lines: string[] };
    const turns: Turn[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (userLine.test(line)) turns.push({ who: "user", lines: [line.replace(userLine, "")] });
      else if (charLine.test(line)) turns.push({ who: "char", lines: [line.replace(charLine, "")] });
      else if (turns.length) turns[turns.length - 1].lines.push(line);
      else if (line.trim()) stray++;
    }
    let pendingUser: string | null = null;
    let lastInBlock: Exchange | null = null;
    for (const turn of turns) {
      const said = fill(turn.lines.join("\n"));
      if (turn.who === "user") {
        pendingUser = pendingUser === null ? said : `${pendingUser}\n${said}`;
      } else if (pendingUser !== null || !lastInBlock) {
        lastInBlock = { user: pendingUser ?? "", assistant: said };
        examples.push(lastInBlock);
        pendingUser = null;
      } else {
        lastInBlock.assistant = `${lastInBlock.assistant}\n${said}`;
      }
    }
    if (pendingUser !== null) warnings.push({ field, message: "A user line without a reply from the character was left out of the examples" });
  }
  if (stray) warnings.push({ field, message: `${stray} line(s) outside any {{user}}:/{{char}}: turn were left out of the examples` });
  if (examples.some((e) => !e.user)) {
    warnings.push({ field, message: "Some examples have no user line; add one, or the compiled prompt leaves them out" });
  }
  return { examples: limitExamples(examples, field, warnings), warnings };
}

function limitExamples(examples: Exchange[], field: string, warnings: InteropWarning[]): Exchange[] {
  if (examples.length > LIMITS.examples) {
    warnings.push({ field, message: `The card has ${examples.length} example exchanges; the studio keeps the first ${LIMITS.examples}` });
  }
  const kept = examples.slice(0, LIMITS.examples);
  if (kept.some((e) => e.user.length > LIMITS.user || e.assistant.length > LIMITS.assistant)) {
    warnings.push({ field, message: `Example turns longer than ${LIMITS.user} (user) / ${LIMITS.assistant} (character) characters were shortened` });
  }
  return kept.map((e) => ({ user: shorten(e.user, LIMITS.user), assistant: shorten(e.assistant, LIMITS.assistant) }));
}

/** Exchanges → `mes_example`, one <START> block each, in the placeholder form every card tool reads. */
export function formatMesExample(examples: readonly Exchange[]): string {
  return examples
    .filter((e) => e.user.trim() || e.assistant.trim())
    .map((e) => ["<START>", e.user.trim() && `{{user}}: ${e.user.trim()}`, `{{char}}: ${e.assistant.trim()}`].filter(Boolean).join("\n"))
    .join("\n");
}
