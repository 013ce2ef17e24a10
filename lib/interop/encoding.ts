import { InteropError } from "@/lib/interop/errors";

// UTF-8, Latin-1 and base64 for the importers and exporters. On the server
// Node's Buffer does the byte work natively: a 7 MB PNG card must not hold the
// event loop in a JavaScript loop per character. A browser has no Buffer and
// takes the portable path (atob / TextDecoder), so the module still runs there.
// Decoding is strict: a card whose base64 or UTF-8 is damaged must fail with a
// named error, not come back as mojibake.

type NodeBytes = Uint8Array & { toString(encoding: "base64" | "latin1"): string };
type NodeBuffer = { from(input: string, encoding: "base64"): NodeBytes; from(input: Uint8Array): NodeBytes };
/** Node's Buffer when there is one (the server); undefined in a browser. */
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

export function utf8Encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Throws an InteropError on bytes that are not valid UTF-8. */
export function utf8Decode(bytes: Uint8Array, field: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InteropError(field, `${field} is not valid UTF-8 text`);
  }
}

/** ISO-8859-1 bytes as text, one character per byte (PNG tEXt chunks). */
export function latin1Decode(bytes: Uint8Array): string {
  // TextDecoder's "latin1" is windows-1252 (0x80–0x9F differ) and slow in Node; Buffer's is the real thing.
  return nodeBuffer?.from(bytes).toString("latin1") ?? new TextDecoder("windows-1252").decode(bytes);
}

export function bytesToBase64(bytes: Uint8Array): string {
  const native = nodeBuffer?.from(bytes).toString("base64");
  if (native !== undefined) return native;
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const NOT_BASE64 = /[^A-Za-z0-9+/\-_]/;

/** Strict base64 (standard or URL-safe, padding optional, whitespace ignored). */
export function base64ToBytes(text: string, field: string): Uint8Array {
  const clean = /\s/.test(text) ? text.replace(/\s+/g, "") : text;
  const padding = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  const body = clean.slice(0, clean.length - padding);
  const invalid = NOT_BASE64.exec(body)?.[0];
  if (invalid !== undefined || body.length % 4 === 1 || (padding > 0 && clean.length % 4 !== 0)) {
    const why = invalid !== undefined ? `contains "${invalid}"` : "has the wrong length";
    throw new InteropError(field, `${field} is not valid base64 (it ${why})`);
  }
  // Validated above, so Node's lenient decoder and atob agree with the strict reading.
  const native = nodeBuffer?.from(body, "base64");
  if (native !== undefined) return new Uint8Array(native.buffer, native.byteOffset, native.byteLength);
  const binary = atob(body.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
