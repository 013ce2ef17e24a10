import { ADVERSARIAL_DEFAULTS, ADVERSARIAL_KNOBS, type AdversarialOptions } from "@/lib/llm/simulator/adversarial";

// Adversarial mode from the command line or the environment (scripts/sim.ts):
//   --adversarial                 every knob at ADVERSARIAL_DEFAULTS
//   --judge-noise-sd 8 …          one knob (kebab-case of its name); implies adversarial mode
//   SIM_ADVERSARIAL=1, SIM_JUDGE_NOISE_SD=8 …   the same from the environment (flags win)
// A knob set alone starts from all-off, so `--judge-rounding 10` is a judge that only rounds.

export const knobFlag = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const knobEnv = (k: string) => `SIM_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function knobValue(k: keyof AdversarialOptions, raw: string): number | null {
  if (k === "judgeBlankScore" && (raw === "null" || raw === "none")) return null;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) throw new Error(`--${knobFlag(k)} needs a number, got "${raw}"`);
  if (k === "independentSampling" && (raw === "true" || raw === "false")) return raw === "true" ? 1 : 0;
  const rate = k === "independentSampling" || k === "halo" || k === "scaleCompression" || k === "judgeStickiness" || k.endsWith("Rate");
  if (rate && (n < 0 || n > 1)) throw new Error(`--${knobFlag(k)} must be between 0 and 1`);
  if (!rate && k !== "verbosityBias" && n < 0) throw new Error(`--${knobFlag(k)} must not be negative`);
  return n;
}

/** undefined when adversarial mode is off; throws a readable error on a bad value. */
export function adversarialFromArgs(
  args: ReadonlyMap<string, string | true>,
  env: Readonly<Record<string, string | undefined>> = {},
): Partial<AdversarialOptions> | undefined {
  const on = args.has("adversarial") || /^(1|true|yes|on)$/i.test(env.SIM_ADVERSARIAL ?? "");
  const set: Partial<Record<keyof AdversarialOptions, number | null>> = {};
  for (const k of ADVERSARIAL_KNOBS) {
    const flag = args.get(knobFlag(k));
    const raw = typeof flag === "string" ? flag : env[knobEnv(k)];
    if (flag === true) throw new Error(`--${knobFlag(k)} needs a value`);
    if (raw !== undefined) set[k] = knobValue(k, raw);
  }
  if (!on && Object.keys(set).length === 0) return undefined;
  return { ...(on ? ADVERSARIAL_DEFAULTS : {}), ...set } as Partial<AdversarialOptions>;
}
