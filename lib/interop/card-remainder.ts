import { parseCard, STUDIO_EXTENSION } from "@/lib/interop/card-schema";
import { CARD_OWNED_FIELDS } from "@/lib/interop/character-card";
import { isRecord } from "@/lib/interop/errors";

// What the studio keeps of an imported card (Persona.imported): the fields it
// does not map, so an export can write them back. The mapped text fields live
// in the spec; keeping their originals would store the card twice (a card's
// description alone can be megabytes, cut to the spec's limits on import).
//
// Mapped fields are emptied rather than removed, so the card keeps its shape:
// an export refreshes the top-level V1 copies only where the card had them.
// `name` stays (a card needs one, and it is short). The studio's own extension
// goes: every export writes a fresh one from the spec.
//
// Exporting over the remainder writes the mapped fields from the spec (with
// `{{char}}`/`{{user}}` filled in); a full card given as `base` still gets its
// unchanged fields back verbatim (exportCharacterCard).

/** Copies of mapped fields that V2/V3 writers keep at the top level for V1 readers. */
const TOP_LEVEL_COPIES = ["description", "personality", "scenario", "mes_example", "creatorcomment", "tags"];

function emptied(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = { ...value };
  for (const key of keys) if (key !== "name" && key in out) out[key] = Array.isArray(out[key]) ? [] : "";
  return out;
}

export function cardRemainder(card: unknown): Record<string, unknown> {
  const parsed = parseCard(card);
  const top = emptied(parsed.card, parsed.version === "v1" ? CARD_OWNED_FIELDS : TOP_LEVEL_COPIES);
  const data = parsed.version === "v1" ? top : emptied(parsed.data, CARD_OWNED_FIELDS);
  if (isRecord(data.extensions) && STUDIO_EXTENSION in data.extensions) {
    const others = { ...data.extensions };
    delete others[STUDIO_EXTENSION];
    data.extensions = others;
  }
  return parsed.version === "v1" ? data : { ...top, data };
}
