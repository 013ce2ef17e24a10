/**
 * The JSON of a structured-output reply: some servers wrap it in a ```json fence
 * even when asked for a schema. Throws SyntaxError when it is not JSON. Pure, so
 * both the judge reader here and lib/llm's parseJsonOutput use it.
 */
export function readJsonReply(text: string): unknown {
  return JSON.parse(text.trim().replace(/^```(?:json)?\s*/i, "").replace(/```$/, "").trim());
}
