import { readJsonReply } from "@/lib/probing/judge/json-reply";

// Strict reading of a judge's reply. Anything off — a missing or extra key, a
// score out of range or not an integer — is a failure with a precise reason,
// which the run retries and then records. Never a silent zero.

export type JudgeScores = Record<string, number | null>;
export type JudgeOutput = { ok: true; scores: JudgeScores; refusal: boolean } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  if (typeof v === "number") return String(v);
  return `a ${typeof v}`;
}

function scoreProblem(key: string, v: unknown): string | null {
  if (v === null) return null;
  if (typeof v !== "number") return `scores.${key} must be an integer 0–100 or null, got ${describe(v)}`;
  if (!Number.isInteger(v)) return `scores.${key} must be an integer, got ${v}`;
  if (v < 0 || v > 100) return `scores.${key} is out of range 0–100: ${v}`;
  return null;
}

export function parseJudgeOutput(text: string, traitKeys: readonly string[]): JudgeOutput {
  let data: unknown;
  try {
    data = readJsonReply(text);
  } catch {
    const start = text.trim().slice(0, 40);
    return { ok: false, reason: `judge output is not valid JSON (starts with ${JSON.stringify(start)})` };
  }
  if (!isRecord(data)) return { ok: false, reason: `judge output must be a JSON object, got ${describe(data)}` };

  const problems: string[] = [];
  for (const key of Object.keys(data)) if (key !== "scores" && key !== "refusal") problems.push(`unexpected top-level key "${key}"`);
  if (!Object.hasOwn(data, "refusal")) problems.push(`missing "refusal"`);
  else if (typeof data.refusal !== "boolean") problems.push(`"refusal" must be a boolean, got ${describe(data.refusal)}`);

  const entries: [string, number | null][] = [];
  if (!Object.hasOwn(data, "scores")) problems.push(`missing "scores"`);
  else if (!isRecord(data.scores)) problems.push(`"scores" must be an object, got ${describe(data.scores)}`);
  else {
    const got = data.scores;
    const wanted = [...new Set(traitKeys)];
    for (const key of wanted) {
      if (!Object.hasOwn(got, key)) { problems.push(`scores is missing trait "${key}"`); continue; }
      const problem = scoreProblem(key, got[key]);
      if (problem) problems.push(problem);
      else entries.push([key, got[key] as number | null]);
    }
    for (const key of Object.keys(got)) if (!wanted.includes(key)) problems.push(`scores has unexpected trait "${key}"`);
  }

  if (problems.length) return { ok: false, reason: problems.join("; ") };
  return { ok: true, scores: Object.fromEntries(entries), refusal: data.refusal as boolean };
}
