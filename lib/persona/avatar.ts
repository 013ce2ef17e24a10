// The generated persona avatar: the persona's initials on a colour picked from
// its id, so it is stable (renaming changes the letters, never the colour) and
// the same in the UI (this SVG) and on the PNG card (the server renders this
// SVG to PNG). Every palette colour keeps white text at ≥ 4.5:1 (WCAG AA),
// checked in tests/unit/avatar.test.ts.

export const AVATAR_PALETTE = [
  "#4338ca", "#0f766e", "#b91c1c", "#7e22ce", "#1d4ed8", "#c2410c", "#15803d", "#be185d", "#334155", "#a16207",
] as const;

/** FNV-1a over the UTF-16 code units: a tiny stable hash, not security. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function avatarColour(personaId: string): string {
  return AVATAR_PALETTE[hash(personaId) % AVATAR_PALETTE.length];
}

/** Up to two letters: the first of the first two words ("Nurse Ada" → "NA"), by code point, never mixing Latin with another script. */
export function avatarInitials(name: string): string {
  const words = name.trim().split(/[\s\-_.]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const first = (w: string) => Array.from(w).find((c) => /[\p{L}\p{N}]/u.test(c)) ?? "";
  const [a, b] = words.slice(0, 2).map(first);
  // Two letters only from one script: a font that draws the first is then likely to draw the second ("Zoë 東京" → "Z", not "Z" and a missing glyph).
  const latin = (c: string) => /\p{Script=Latin}|\p{N}/u.test(c);
  const letters = (b && latin(a) === latin(b) ? a + b : a ?? "").toLocaleUpperCase();
  return letters || "?";
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A square SVG (any size: it scales); the text is centred for one or two letters. */
export function avatarSvg(personaId: string, name: string, size = 512): string {
  const initials = avatarInitials(name);
  const font = initials.length > 1 ? 0.4 : 0.5;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">`
    + `<rect width="100" height="100" fill="${avatarColour(personaId)}"/>`
    + `<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-weight="600" font-size="${font * 100}" fill="#ffffff">${escapeXml(initials)}</text>`
    + `</svg>`;
}

/** WCAG relative-luminance contrast of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
