import { InteropError } from "@/lib/interop/errors";

// UTF-8 and base64 without node's Buffer, so every interop module also runs in
// the browser. Decoding is strict: a card whose base64 or UTF-8 is damaged must
// fail with a named error, not come back as mojibake.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));
// Some writers use the URL-safe alphabet; both decode to the same bytes.
LOOKUP.set("-", 62);
LOOKUP.set("_", 63);

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

export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : "=";
  }
  return out;
}

/** Strict base64 (standard or URL-safe, padding optional, whitespace ignored). */
export function base64ToBytes(text: string, field: string): Uint8Array {
  const clean = text.replace(/\s+/g, "");
  const body = clean.replace(/={1,2}$/, "");
  const invalid = [...body].find((c) => !LOOKUP.has(c));
  if (invalid !== undefined || body.length % 4 === 1 || (clean.length !== body.length && clean.length % 4 !== 0)) {
    const why = invalid !== undefined ? `contains "${invalid}"` : "has the wrong length";
    throw new InteropError(field, `${field} is not valid base64 (it ${why})`);
  }
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (const c of body) {
    buffer = ((buffer << 6) | LOOKUP.get(c)!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
