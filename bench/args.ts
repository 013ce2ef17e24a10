// Command-line flags of the benches: `--name value`, `--quick`. A bad value
// stops the bench with exit code 2 and says which flag, rather than running on NaN.

/** The value after `--name`, or undefined when the flag is absent. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** A switch such as `--quick`. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** `--name 40`: a positive integer, or the fallback when absent. */
export function intArg(name: string, fallback: number): number {
  const v = arg(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} needs a positive integer`);
  return n;
}

/** `--name 5,10`: numbers separated by commas, or the fallback when absent. */
export function listArg(name: string, fallback: number[]): number[] {
  const v = arg(name);
  if (v === undefined) return fallback;
  const xs = v.split(",").map(Number);
  if (xs.some((x) => !Number.isFinite(x))) fail(`--${name} needs numbers separated by commas`);
  return xs;
}
