import { utf8Decode } from "@/lib/interop/encoding";
import { assertJsonDepth, InteropError, isRecord } from "@/lib/interop/errors";
import { hasPngSignature } from "@/lib/interop/png-card";
import { STUDIO_FORMAT } from "@/lib/interop/studio-json";

// Which importer a file needs. Content decides; the file name only sharpens
// error messages (a ".json" that is not JSON is an error, a ".txt" starting
// with "{" that is not JSON is just a prompt).

export type InteropFormat = "png-card" | "card-json" | "studio-json" | "plain-prompt";

const CARD_KEYS = ["description", "personality", "first_mes", "mes_example", "scenario"];

function looksLikeCard(value: Record<string, unknown>): boolean {
  if (typeof value.spec === "string" || isRecord(value.data)) return true;
  return typeof value.name === "string" && CARD_KEYS.some((k) => k in value);
}

/** The text of a file given as bytes or text, without a byte-order mark; an InteropError for binary files. */
export function fileText(fileName: string, content: Uint8Array | string): string {
  if (typeof content === "string") return content.replace(/^\uFEFF/, "");
  const unreadable = () =>
    new InteropError("file", `"${fileName}" is a binary file Persona Studio cannot import. Import a PNG character card, a card or Persona Studio .json, or a .txt/.md prompt`);
  let text: string;
  try {
    text = utf8Decode(content, "file");
  } catch {
    throw unreadable();
  }
  if (text.includes("\u0000")) throw unreadable();
  return text.replace(/^\uFEFF/, "");
}

export function detectFormat(fileName: string, content: Uint8Array | string): InteropFormat {
  if (content instanceof Uint8Array && hasPngSignature(content)) return "png-card";
  if (/\.png$/i.test(fileName)) throw new InteropError("png.signature", `"${fileName}" is named .png but is not a PNG image`);
  const text = fileText(fileName, content);
  const isJsonName = /\.json$/i.test(fileName);
  if (!isJsonName && !text.trimStart().startsWith("{")) return "plain-prompt";

  assertJsonDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!isJsonName) return "plain-prompt";
    throw new InteropError("json", `"${fileName}" is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (isRecord(value) && value.format === STUDIO_FORMAT) return "studio-json";
  if (isRecord(value) && looksLikeCard(value)) return "card-json";
  throw new InteropError("json", `"${fileName}" is JSON but neither a Persona Studio export ("format": "${STUDIO_FORMAT}") nor a character card ("spec": "chara_card_v2"/"chara_card_v3")`);
}
