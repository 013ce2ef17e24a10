import { z } from "zod";
import { CARD_SPEC, CARD_SPEC_VERSION, parseCard, STUDIO_EXTENSION, V1_FIELDS, type CardVersion, type ParsedCard } from "@/lib/interop/card-schema";
import {
  fillPlaceholders, formatMesExample, joinBackground, joinNotes, joinPersonality, LIMITS, parseMesExample,
  shorten, splitBackground, splitNotes, splitPersonality,
} from "@/lib/interop/card-text";
import { InteropError, isRecord, joinPath, parseJson, parseWith, type InteropWarning } from "@/lib/interop/errors";
import { compilePersona } from "@/lib/persona/compile";
import { canonicalJson, fnv1a32 } from "@/lib/probing/traits/hash";
import { emptySpec, personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";

// Character Card V1/V2/V3 ⇄ PersonaSpec. Full table in lib/interop/README.md.
//
//   card field (data.*)        spec field     on import                          on export
//   name                       name and       trimmed; the label and the         characterName, else name
//                              characterName  character's own name
//   personality                archetype      ≤ 600 chars whole; else the        archetype (+ the continued part)
//                                             sentences that fit, the rest as a
//                                             "Personality (continued): " paragraph of background
//   description                background     {{char}}/{{user}} filled in        background minus labelled paragraphs
//   scenario                   background     appended as "Scenario: …"          the "Scenario: " paragraph
//   mes_example                examples       <START> blocks, {{user}}:/{{char}}: examples as <START> blocks
//   creator_notes              notes          first part of notes                notes minus the parts below
//   system_prompt              notes          under a reference heading          compilePersona(spec).prompt
//   tags                       notes          a "Tags: a, b" last line           parsed back from that line
//   everything else            —              kept in `unmapped` (the card)      copied from `base` untouched
//   extensions.persona_studio  the spec       restores the exact spec            the full spec + studio-only data
//     .exportId                —              the persona it came from           the persona's id (when given)
//
// values, boundaries, traitTargets and voice are never inferred from a card.
// On export with a base, a card field whose spec part is unchanged since import
// is written back verbatim (placeholders, length, formatting), so a round trip
// without edits changes nothing but system_prompt and the studio extension.

/** Bump when the shape of `extensions.persona_studio` changes incompatibly. */
export const STUDIO_EXTENSION_VERSION = 1;

/** Card fields the studio writes; everything else in `data` belongs to the card. */
export const CARD_OWNED_FIELDS = ["name", "description", "personality", "scenario", "mes_example", "creator_notes", "tags", "system_prompt"] as const;
type OwnedFields = { [K in (typeof CARD_OWNED_FIELDS)[number]]: K extends "tags" ? string[] : string };

export type CardImport = {
  spec: PersonaSpec;
  version: CardVersion;
  /** The original card, untouched. Pass it back as `base` on export so nothing the studio does not map is lost. */
  unmapped: Record<string, unknown>;
  /** True when the card carried a Persona Studio spec and that spec was restored as is. */
  restoredFromStudio: boolean;
  /** The id of the persona a Persona Studio export came from (extensions.persona_studio.exportId), else null. */
  exportId: string | null;
  warnings: InteropWarning[];
};

export type CardExportOptions = {
  version: "v2" | "v3";
  /** The card this persona was imported from (CardImport.unmapped); its fields are kept. */
  base?: unknown;
  /** Sets V3 modification_date (and creation_date when the base has none). Omitted: dates are left as they are. */
  now?: Date;
  /** The persona's id, written to extensions.persona_studio.exportId so a re-import can update it. */
  exportId?: string;
};

const studioExtensionSchema = z.looseObject({
  formatVersion: z.number().optional(),
  spec: personaSpecSchema,
  cardFieldHashes: z.record(z.string(), z.string()).optional(),
  exportId: z.string().trim().min(1).max(200).optional(),
});

const hashField = (value: unknown) => fnv1a32(canonicalJson(value ?? ""));

function fieldHashes(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(CARD_OWNED_FIELDS.map((k) => [k, hashField(data[k])]));
}

/** A card (JSON text or parsed object) as a spec, plus the card itself for a later export. */
export function importCharacterCard(input: string | unknown): CardImport {
  const parsed = parseCard(typeof input === "string" ? parseJson(input) : input);
  const restored = restoreStudioSpec(parsed);
  const { spec, warnings } = restored ?? mapCardToSpec(parsed);
  return {
    spec,
    exportId: restored?.exportId ?? null,
    version: parsed.version,
    unmapped: structuredClone(parsed.card),
    restoredFromStudio: restored !== null,
    warnings: [...parsed.warnings, ...warnings],
  };
}

function restoreStudioSpec(parsed: ParsedCard): { spec: PersonaSpec; exportId: string | null; warnings: InteropWarning[] } | null {
  const ext = parsed.fields.extensions[STUDIO_EXTENSION];
  if (ext === undefined) return null;
  const field = joinPath(parsed.dataPath, ["extensions", STUDIO_EXTENSION]);
  if (isRecord(ext) && typeof ext.formatVersion === "number" && ext.formatVersion > STUDIO_EXTENSION_VERSION) {
    throw new InteropError(`${field}.formatVersion`, `This card was made by a newer Persona Studio (extension version ${ext.formatVersion})`);
  }
  const { spec, cardFieldHashes, exportId } = parseWith(studioExtensionSchema, ext, field);
  const now = fieldHashes(parsed.data);
  const edited = cardFieldHashes ? CARD_OWNED_FIELDS.filter((k) => k !== "system_prompt" && cardFieldHashes[k] && cardFieldHashes[k] !== now[k]) : [];
  const warnings = edited.map((k) => ({
    field: joinPath(parsed.dataPath, [k]),
    message: `${k} was edited in another tool after Persona Studio exported this card; the studio's spec was restored without that edit`,
  }));
  return { spec, exportId: exportId ?? null, warnings };
}

/** The plain mapping (no studio extension): see the table above. */
function mapCardToSpec({ fields, dataPath }: ParsedCard): { spec: PersonaSpec; warnings: InteropWarning[] } {
  const at = (name: string) => joinPath(dataPath, [name]);
  const warnings: InteropWarning[] = [];
  const name = fields.name.trim();
  const maxName = personaSpecSchema.shape.name.maxLength ?? 120;
  if (name.length > maxName) throw new InteropError(at("name"), `The card's name has ${name.length} characters; a persona name has at most ${maxName}`);
  const charName = fields.nickname.trim() || name;
  const fill = (s: string) => fillPlaceholders(s, charName).trim();

  const { archetype, rest } = splitPersonality(fill(fields.personality));
  if (rest) {
    warnings.push({ field: at("personality"), message: `The personality is longer than ${LIMITS.archetype} characters: the archetype keeps the first sentences, the rest is in the background` });
  }
  let background = joinBackground({ description: fill(fields.description), personalityRest: rest, scenario: fill(fields.scenario) });
  if (background.length > LIMITS.background) {
    warnings.push({ field: at("description"), message: `Description and scenario were shortened to ${LIMITS.background} characters; the full text stays in the card and is written back on export while the background is unchanged` });
    background = shorten(background, LIMITS.background);
  }
  const mes = parseMesExample(fields.mes_example, [charName, name], at("mes_example"));
  warnings.push(...mes.warnings);
  let notes = joinNotes({
    creatorNotes: fields.creator_notes.trim(),
    systemPrompt: fields.system_prompt.trim(),
    tags: fields.tags.map((t) => t.trim()).filter(Boolean),
  });
  if (notes.length > LIMITS.notes) {
    warnings.push({ field: at("creator_notes"), message: `Creator notes, system prompt and tags were shortened to ${LIMITS.notes} characters of notes` });
    notes = shorten(notes, LIMITS.notes);
  }
  const spec = parseWith(personaSpecSchema, { ...emptySpec(name), characterName: name, archetype, background, examples: mes.examples, notes }, "spec");
  return { spec, warnings };
}

/** A card's `name` is the character's: its own name when it has one, else the persona's label. */
const cardName = (spec: PersonaSpec) => spec.characterName?.trim() || spec.name;

function ownedFields(spec: PersonaSpec, base: ParsedCard | null): OwnedFields {
  const bg = splitBackground(spec.background);
  const notes = splitNotes(spec.notes);
  const fresh: OwnedFields = {
    name: cardName(spec),
    description: bg.description,
    personality: joinPersonality(spec.archetype, bg.personalityRest),
    scenario: bg.scenario,
    mes_example: formatMesExample(spec.examples),
    creator_notes: notes.creatorNotes,
    tags: notes.tags,
    system_prompt: compilePersona(spec).prompt,
  };
  if (!base) return fresh;
  // What importing the base gave: where the spec still says the same, the base's own text goes back.
  const was = mapCardToSpec(base).spec;
  const wasBg = splitBackground(was.background);
  const wasNotes = splitNotes(was.notes);
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  const f = base.fields;
  return {
    name: cardName(was) === cardName(spec) ? f.name : fresh.name,
    description: wasBg.description === bg.description ? f.description : fresh.description,
    personality: was.archetype === spec.archetype && wasBg.personalityRest === bg.personalityRest ? f.personality : fresh.personality,
    scenario: wasBg.scenario === bg.scenario ? f.scenario : fresh.scenario,
    mes_example: same(was.examples, spec.examples) ? f.mes_example : fresh.mes_example,
    creator_notes: wasNotes.creatorNotes === notes.creatorNotes ? f.creator_notes : fresh.creator_notes,
    tags: same(wasNotes.tags, notes.tags) ? f.tags : fresh.tags,
    system_prompt: fresh.system_prompt,
  };
}

function emptyData(version: "v2" | "v3"): Record<string, unknown> {
  return {
    name: "", description: "", personality: "", scenario: "", first_mes: "", mes_example: "",
    creator_notes: "", system_prompt: "", post_history_instructions: "", alternate_greetings: [],
    tags: [], creator: "", character_version: "", extensions: {},
    ...(version === "v3" ? { group_only_greetings: [] } : {}),
  };
}

/** Top-level copies some exporters keep for V1 readers; refreshed only where the base has them. */
const MIRRORS: Record<string, string> = { ...Object.fromEntries(V1_FIELDS.map((k) => [k, k])), creatorcomment: "creator_notes", tags: "tags" };

/** A V2 or V3 card for `spec`, merged into `base` (every field the studio does not own is kept). */
export function exportCharacterCard(specInput: PersonaSpec, options: CardExportOptions): Record<string, unknown> {
  const spec = parseWith(personaSpecSchema, specInput, "spec");
  if (options.version !== "v2" && options.version !== "v3") {
    throw new InteropError("version", `Card version must be "v2" or "v3", not ${JSON.stringify(options.version)}`);
  }
  const base = options.base == null ? null : parseCard(structuredClone(options.base), "base");
  const owned = ownedFields(spec, base);

  let top: Record<string, unknown> = {};
  let baseData: Record<string, unknown> = {};
  if (base?.version === "v1") {
    top = base.card;
    baseData = Object.fromEntries(V1_FIELDS.filter((k) => k in base.card).map((k) => [k, base.card[k]]));
  } else if (base) {
    top = base.card;
    baseData = base.data;
  }
  const studio = {
    formatVersion: STUDIO_EXTENSION_VERSION,
    spec,
    traitTargets: spec.traitTargets,
    voice: spec.voice,
    values: spec.values,
    boundaries: spec.boundaries,
    sampleMessages: spec.sampleMessages,
    cardFieldHashes: fieldHashes(owned),
    ...(options.exportId ? { exportId: options.exportId } : {}),
  };
  const seconds = options.now ? Math.floor(options.now.getTime() / 1000) : null;
  const data: Record<string, unknown> = {
    ...emptyData(options.version),
    ...baseData,
    ...owned,
    extensions: { ...(isRecord(baseData.extensions) ? baseData.extensions : {}), [STUDIO_EXTENSION]: studio },
    ...(options.version === "v3" && seconds !== null
      ? { creation_date: typeof baseData.creation_date === "number" ? baseData.creation_date : seconds, modification_date: seconds }
      : {}),
  };
  const card: Record<string, unknown> = { ...top, spec: CARD_SPEC[options.version], spec_version: CARD_SPEC_VERSION[options.version], data };
  for (const [key, source] of Object.entries(MIRRORS)) if (key in top) card[key] = data[source];
  return card;
}
