// Import and export of personas in other formats. Pure and browser-safe: no
// database, network or file system; callers pass bytes or text in and get
// bytes or text out. See README.md for the card ⇄ spec mapping.

export { InteropError, type InteropWarning } from "@/lib/interop/errors";
export {
  exportStudioJson, importStudioJson, STUDIO_FORMAT, STUDIO_FORMAT_VERSION,
  type StudioJson, type StudioJsonExportInput, type StudioJsonImport, type StudioJsonVersion,
} from "@/lib/interop/studio-json";
export {
  exportCharacterCard, importCharacterCard, CARD_OWNED_FIELDS, STUDIO_EXTENSION_VERSION,
  type CardExportOptions, type CardImport,
} from "@/lib/interop/character-card";
export { CARD_SPEC, STUDIO_EXTENSION, type CardVersion } from "@/lib/interop/card-schema";
export { cardRemainder } from "@/lib/interop/card-remainder";
export {
  exportPngCard, hasPngSignature, importPngCard, readPngCard, writePngCard, type CardChunk, type PngCardImport,
} from "@/lib/interop/png-card";
export { placeholderPng } from "@/lib/interop/png-placeholder";
export { exportPlainPrompt, importPlainPrompt, nameFromPrompt, DEFAULT_IMPORTED_NAME } from "@/lib/interop/plain-prompt";
export { exportPromptfoo, DEFAULT_PROMPTFOO_PROVIDER, TARGET_TOLERANCE, type PromptfooExportInput } from "@/lib/interop/promptfoo";
export { detectFormat, type InteropFormat } from "@/lib/interop/detect";
export { importFile, type ImportedFile } from "@/lib/interop/import-file";
