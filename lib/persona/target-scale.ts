// One scale for target and landing (issue 11 §5). The compiler turns a 0–100
// target into one of five instructions ("Always …", "Usually …", "Balance it",
// "Usually <low pole>", "Always <low pole>"), so every target inside a band
// gives the model the same words: 85 and 100 compile to the same prompt. A
// landing is therefore judged against the instruction actually given — the
// band's range of targets — never against a precision the prompt does not
// carry. Compiling continuously would change every existing persona's prompt
// (and invalidate caches and what saved versions mean), so the bands stay.
// Pure: the compiler, the probe services and the report read the same table.

export type TraitBand = "always_high" | "usually_high" | "balanced" | "usually_low" | "always_low";

/** The targets one instruction covers (inclusive), and the word the UI uses for it. */
export type InstructedRange = { band: TraitBand; lo: number; hi: number; word: string; label: string };

const BANDS: readonly { band: TraitBand; lo: number; hi: number; word: string }[] = [
  { band: "always_high", lo: 85, hi: 100, word: "always" },
  { band: "usually_high", lo: 65, hi: 84, word: "usually" },
  { band: "balanced", lo: 36, hi: 64, word: "balanced" },
  { band: "usually_low", lo: 16, hi: 35, word: "usually not" },
  { band: "always_low", lo: 0, hi: 15, word: "never" },
];

export function traitBand(target: number): TraitBand {
  if (target >= 85) return "always_high";
  if (target >= 65) return "usually_high";
  if (target > 35) return "balanced";
  if (target > 15) return "usually_low";
  return "always_low";
}

/** The instruction a target compiles to, as the range of targets that share it: 70 → usually (65–84). */
export function instructedRange(target: number): InstructedRange {
  const band = traitBand(target);
  const b = BANDS.find((x) => x.band === band)!;
  return { band, lo: b.lo, hi: b.hi, word: b.word, label: `${b.word} (${b.lo}–${b.hi})` };
}

/** Every band, strongest high first (the range check asks one target from each: RANGE_LEVELS). */
export function instructedBands(): InstructedRange[] {
  return BANDS.map((b) => instructedRange(b.lo));
}

/** The levels a range check asks: one target in each band (0, 25, 50, 75, 100). */
export const RANGE_LEVELS = [0, 25, 50, 75, 100] as const;
