import { InteropError, isRecord, parseWith } from "@/lib/interop/errors";
import { readYamlMapping, sameData, writeYaml, zodIssues } from "@/lib/interop/council/yaml-text";
import { COUNCIL_LIMITS, seatPlanSchema, type CouncilIssue, type SeatPlanData } from "@/lib/schemas/council";

// A seat plan: which provider and model each member sits on, and how seats were
// meant to be spread. Format as in github.com/0xNyk/council-of-high-intelligence
// configs/provider-model-slots.example.yaml:
//
//   profile: exploration-orthogonal
//   strategy: { provider_spread_first: true, avoid_pair_collocation: true, … }
//   seats:
//     socrates: { provider: anthropic, model: …, reasoning_mode: analytical }
//   fallback: { provider: openai, model: … }
//
// Unknown keys anywhere (reasoning_mode, exec_method, base_url, api_key_env,
// force_counterfactual_if_consensus_gt, …) are kept in their order. The text is
// written back verbatim (comments included) while the data is unchanged.
// `api_key_env` names an environment variable, never a key; the plan holds no secrets.

export type SeatPlan = {
  data: SeatPlanData;
  fileName?: string;
  /** The YAML as read; written back as is while `data` still says the same. */
  text?: string;
};

export type SeatPlanParse = { ok: true; plan: SeatPlan } | { ok: false; errors: CouncilIssue[] };

/** Reads a seat-plan YAML. Errors name the line and field; nothing throws. */
export function parseSeatPlan(input: string, fileName?: string): SeatPlanParse {
  const file = fileName ? { file: fileName } : {};
  if (typeof input !== "string") return { ok: false, errors: [{ ...file, field: "file", message: "A seat plan must be text" }] };
  if (input.length > COUNCIL_LIMITS.seatPlanChars) {
    return { ok: false, errors: [{ ...file, field: "file", message: `The seat plan has ${input.length} characters; at most ${COUNCIL_LIMITS.seatPlanChars}` }] };
  }
  const text = input.replace(/^\uFEFF/, "");
  const yaml = readYamlMapping(text, { ...file, firstLine: 1, field: "file" });
  if (!yaml.ok) return yaml;
  const checked = seatPlanSchema.safeParse(yaml.value);
  if (!checked.success) return { ok: false, errors: zodIssues(checked.error, { ...file, prefix: "", value: yaml.value, locate: yaml.locate }) };
  return { ok: true, plan: { data: yaml.value as SeatPlanData, ...(fileName ? { fileName } : {}), text } };
}

/** The plan as YAML. Throws InteropError naming the field when the plan is not valid. */
export function writeSeatPlan(plan: SeatPlan): string {
  if (!isRecord(plan) || !isRecord(plan.data)) throw new InteropError("file", "A seat plan needs data");
  parseWith(seatPlanSchema, plan.data, "");
  if (plan.text !== undefined) {
    const before = readYamlMapping(plan.text, { firstLine: 1, field: "file" });
    if (before.ok && sameData(before.value, plan.data)) return plan.text;
  }
  return writeYaml(plan.data);
}
