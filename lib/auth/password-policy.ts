import "server-only";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

// Which passwords the studio accepts (sign-up, change, reset). Strength comes from
// zxcvbn — a maintained estimator with frequency lists of leaked passwords, common
// words, names, keyboard patterns and sequences — not from a list of our own.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordVerdict = { ok: true } | { ok: false; message: string };

let zxcvbn: Promise<ZxcvbnFactory> | null = null;

/**
 * Loaded and built on first use: the dictionaries are large, ranking them takes a
 * moment, and every module that imports the auth config (which reads the length
 * limits above) would otherwise carry them.
 */
function estimator(): Promise<ZxcvbnFactory> {
  zxcvbn ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return zxcvbn;
}

/**
 * Accepts a password or says why not, in words a person can act on ("This is a
 * heavily used password. Add more words that are less common."). `context` is what
 * the studio knows about the person (email, name): a password built from it is weak.
 */
export async function checkPassword(password: string, context: string[] = []): Promise<PasswordVerdict> {
  if (password.length < PASSWORD_MIN_LENGTH) return { ok: false, message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  if (password.length > PASSWORD_MAX_LENGTH) return { ok: false, message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  const inputs = [...context.flatMap(words), "persona", "studio", "personastudio"];
  const result = (await estimator()).check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const why = result.feedback.warning ?? "It would be guessed quickly.";
  const tip = result.feedback.suggestions[0] ?? "A few unrelated words make a strong password that is easy to remember.";
  return { ok: false, message: `This password is too easy to guess. ${why} ${tip}` };
}

/** "ada.lovelace@example.com" → ["ada.lovelace@example.com", "ada.lovelace", "ada", "lovelace"]: zxcvbn matches each as a word. */
function words(value: string): string[] {
  const v = value.trim().toLowerCase();
  if (!v) return [];
  const local = v.split("@")[0];
  return [...new Set([v, local, ...local.split(/[^a-z0-9]+/), ...v.split(/\s+/)].filter((w) => w.length >= 3))];
}
