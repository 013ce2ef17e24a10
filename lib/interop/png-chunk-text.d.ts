// png-chunk-text ships without types. Only what lib/interop uses; see
// node_modules/png-chunk-text/{encode,decode}.js (Latin-1 only, no NUL bytes).
declare module "png-chunk-text" {
  type PngChunk = { name: string; data: Uint8Array };
  /** A tEXt chunk; throws on non-Latin-1 text, NUL bytes or a keyword of 80+ characters. */
  export function encode(keyword: string, content: string): PngChunk;
  /** Keyword and text of a tEXt chunk's data; throws on a NUL byte in the text. */
  export function decode(data: Uint8Array | PngChunk): { keyword: string; text: string };
}
