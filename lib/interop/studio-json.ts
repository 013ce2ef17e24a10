import { z } from "zod";
import { InteropError, isRecord, parseJson, parseWith } from "@/lib/interop/errors";
import { personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";

// Persona Studio's own file: the spec exactly as stored, plus (optionally) the
// version history. Lossless by construction: the spec is written as is and read
// back through personaSpecSchema. The clock is passed in so exports are
// reproducible in tests. `persona.exportId` (the persona's id, optional so
// older files stay readable at formatVersion 1) lets an import find the
// persona it came from and update it instead of adding a copy.

export const STUDIO_FORMAT = "persona-studio";
export const STUDIO_FORMAT_VERSION = 1;

const dateText = z.union([z.date().transform((d) => d.toISOString()), z.string().min(1)]);

const versionInputSchema = z.object({
  number: z.number().int().min(1),
  message: z.string(),
  spec: personaSpecSchema,
  createdAt: dateText,
  authorName: z.string(),
});

const exportId = z.string().trim().min(1).max(200);

const exportInputSchema = z.object({
  exportId: exportId.optional(),
  name: z.string().trim().min(1, "Give the persona a name"),
  spec: personaSpecSchema,
  exportedAt: dateText,
  versions: z.array(versionInputSchema).optional(),
});

export type StudioJsonVersion = z.output<typeof versionInputSchema>;
export type StudioJsonExportInput = z.input<typeof exportInputSchema>;

export type StudioJson = {
  format: typeof STUDIO_FORMAT;
  formatVersion: typeof STUDIO_FORMAT_VERSION;
  exportedAt: string;
  persona: { exportId?: string; name: string; spec: PersonaSpec };
  versions?: StudioJsonVersion[];
};

const studioJsonSchema = z.object({
  exportedAt: z.string(),
  persona: z.object({ exportId: exportId.optional(), name: z.string().trim().min(1, "is missing"), spec: personaSpecSchema }),
  versions: z.array(versionInputSchema.extend({ createdAt: z.string() })).optional(),
});

export type StudioJsonImport = {
  /** The id of the persona the file was exported from (absent in older files). */
  exportId: string | null;
  name: string;
  spec: PersonaSpec;
  versions: StudioJsonVersion[];
  exportedAt: string;
};

/** The export object; `JSON.stringify(result, null, 2)` is the file. */
export function exportStudioJson(input: StudioJsonExportInput): StudioJson {
  const { exportId: id, name, spec, exportedAt, versions } = parseWith(exportInputSchema, input, "");
  return {
    format: STUDIO_FORMAT,
    formatVersion: STUDIO_FORMAT_VERSION,
    exportedAt,
    persona: { ...(id ? { exportId: id } : {}), name, spec },
    ...(versions ? { versions } : {}),
  };
}

/** Reads a Persona Studio export (its text or the parsed object). */
export function importStudioJson(input: string | unknown): StudioJsonImport {
  const value = typeof input === "string" ? parseJson(input) : input;
  if (!isRecord(value)) throw new InteropError("json", "A Persona Studio export is a JSON object");
  if (value.format !== STUDIO_FORMAT) {
    throw new InteropError("format", `Not a Persona Studio export: "format" is ${JSON.stringify(value.format) ?? "missing"}, expected "${STUDIO_FORMAT}"`);
  }
  if (value.formatVersion !== STUDIO_FORMAT_VERSION) {
    const newer = typeof value.formatVersion === "number" && value.formatVersion > STUDIO_FORMAT_VERSION;
    throw new InteropError(
      "formatVersion",
      newer
        ? `This file was made by a newer Persona Studio (format version ${value.formatVersion}); this one reads version ${STUDIO_FORMAT_VERSION}`
        : `formatVersion must be ${STUDIO_FORMAT_VERSION}, not ${JSON.stringify(value.formatVersion) ?? "missing"}`,
    );
  }
  const parsed = parseWith(studioJsonSchema, value, "");
  return { exportId: parsed.persona.exportId ?? null, name: parsed.persona.name, spec: parsed.persona.spec, versions: parsed.versions ?? [], exportedAt: parsed.exportedAt };
}
