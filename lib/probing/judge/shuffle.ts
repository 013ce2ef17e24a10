/**
 * Fisher–Yates shuffle with an injected rng (values in [0, 1)), so a run's
 * judge prompts are reproducible from its seed. Returns a new array.
 */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    // Clamp: a sloppy rng returning exactly 1 (or a tiny negative) must not index out of range.
    const j = Math.min(i, Math.max(0, Math.floor(rng() * (i + 1))));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
