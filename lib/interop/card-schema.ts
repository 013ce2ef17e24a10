import { z } from "zod";
import { InteropError, isRecord, joinPath, missingOr, parseWith, type InteropWarning } from "@/lib/interop/errors";

// Recognises Character Card V1 (flat), V2 (chara_card_v2) and V3
// (chara_card_v3) and validates the fields the studio reads. Fields it does not
// read are not validated at all: they are kept as they are and written back on
// export, so a quirk in, say, a lorebook never blocks an import.
//
// Missing or null text fields count as empty (tools in the wild omit them);
// a value of the wrong type is an error naming the field. `name` is required.

export type CardVersion = "v1" | "v2" | "v3";

export const CARD_SPEC = { v2: "chara_card_v2", v3: "chara_card_v3" } as const;
export const CARD_SPEC_VERSION = { v2: "2.0", v3: "3.0" } as const;

/** The studio's namespace inside `data.extensions`. */
export const STUDIO_EXTENSION = "persona_studio";

const text = z.string({ error: missingOr("text") }).nullish().transform((v) => v ?? "");

const cardFieldsSchema = z.object({
  name: z.string({ error: missingOr("text") }),
  description: text,
  personality: text,
  scenario: text,
  mes_example: text,
  creator_notes: text,
  system_prompt: text,
  nickname: text,
  tags: z
    .array(z.string({ error: missingOr("text") }), { error: missingOr("a list of text") })
    .nullish()
    .transform((v) => v ?? []),
  extensions: z
    .record(z.string(), z.unknown(), { error: missingOr("an object") })
    .nullish()
    .transform((v) => v ?? {}),
});

export type CardFields = z.output<typeof cardFieldsSchema>;

export type ParsedCard = {
  version: CardVersion;
  /** The card object as given (not copied). */
  card: Record<string, unknown>;
  /** Where the card's fields live: `card.data` for V2/V3, the card itself for V1. */
  data: Record<string, unknown>;
  /** Dotted path of `data` in the input, for error fields: "data" or "" (V1), prefixed. */
  dataPath: string;
  fields: CardFields;
  warnings: InteropWarning[];
};

/** The six fields of a V1 card; V2/V3 exporters also mirror them at the top level. */
export const V1_FIELDS = ["name", "description", "personality", "scenario", "first_mes", "mes_example"] as const;

/** Validates a card object; `prefix` names where it sits ("" for an imported card, "base" for an export's base). */
export function parseCard(input: unknown, prefix = ""): ParsedCard {
  const at = (field: string) => joinPath(prefix, [field]);
  if (!isRecord(input)) throw new InteropError(prefix || "card", "A character card is a JSON object");
  const warnings: InteropWarning[] = [];
  const spec = input.spec;
  let version: CardVersion;

  if (spec === undefined) {
    if (isRecord(input.data)) {
      version = "v2";
      warnings.push({ field: at("spec"), message: 'The card has no "spec"; it was read as a Character Card V2' });
    } else {
      version = "v1";
    }
  } else if (spec === CARD_SPEC.v2) {
    version = "v2";
  } else if (spec === CARD_SPEC.v3) {
    version = "v3";
    const minor = Number.parseFloat(String(input.spec_version));
    if (minor > 3) {
      warnings.push({ field: at("spec_version"), message: `The card uses V3 spec_version ${String(input.spec_version)}; fields this studio does not know are kept as they are` });
    }
  } else {
    throw new InteropError(
      at("spec"),
      `Unknown card spec ${JSON.stringify(spec)}: expected "${CARD_SPEC.v2}" or "${CARD_SPEC.v3}" (or a V1 card without "spec")`,
    );
  }

  if (version !== "v1" && !isRecord(input.data)) {
    throw new InteropError(at("data"), `A ${version.toUpperCase()} card keeps its fields in a "data" object, and this one has none`);
  }
  const data = version === "v1" ? input : (input.data as Record<string, unknown>);
  const dataPath = version === "v1" ? prefix : at("data");
  const fields = parseWith(cardFieldsSchema, data, dataPath);
  if (!fields.name.trim()) throw new InteropError(joinPath(dataPath, ["name"]), "The card has no name");
  return { version, card: input, data, dataPath, fields, warnings };
}
