import { importCharacterCard, type CardImport } from "@/lib/interop/character-card";
import { detectFormat, fileText } from "@/lib/interop/detect";
import { InteropError, type InteropWarning } from "@/lib/interop/errors";
import { importPlainPrompt } from "@/lib/interop/plain-prompt";
import { importPngCard, type CardChunk } from "@/lib/interop/png-card";
import { importStudioJson, type StudioJsonVersion } from "@/lib/interop/studio-json";
import type { PersonaSpec } from "@/lib/schemas/persona";

// One entry point for an uploaded file: detect the format, run its importer.

export type ImportedFile =
  | { format: "studio-json"; spec: PersonaSpec; versions: StudioJsonVersion[]; exportId: string | null; warnings: InteropWarning[] }
  | ({ format: "card-json" } & CardImport)
  | ({ format: "png-card"; chunk: CardChunk } & CardImport)
  | { format: "plain-prompt"; spec: PersonaSpec; exportId: null; warnings: InteropWarning[] };

export function importFile(fileName: string, content: Uint8Array | string, options: { name?: string } = {}): ImportedFile {
  if (typeof content !== "string" && !(content instanceof Uint8Array)) {
    throw new InteropError("file", "Expected the file's bytes or text");
  }
  const format = detectFormat(fileName, content);
  switch (format) {
    case "png-card":
      return { format, ...importPngCard(content as Uint8Array) };
    case "studio-json": {
      const { spec, versions, exportId } = importStudioJson(fileText(fileName, content));
      return { format, spec, versions, exportId, warnings: [] };
    }
    case "card-json":
      return { format, ...importCharacterCard(fileText(fileName, content)) };
    case "plain-prompt":
      return { format, spec: importPlainPrompt(fileText(fileName, content), options.name), exportId: null, warnings: [] };
  }
}
