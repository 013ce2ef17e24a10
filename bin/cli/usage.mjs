// What a finished run spent, for the terminal ("1,204 calls · 0.81 M tokens · $0.37"),
// and the notice when it stopped at its --max-calls / --max-cost cap. Pure.

const count = (n) => n.toLocaleString("en-US");
const usd = (x) => (x > 0 && x < 0.01 ? "< $0.01" : `$${x.toFixed(2)}`);

export function usageLine(run) {
  const calls = run.progress.modelCalls;
  const usage = run.usage ?? { promptTokens: 0, completionTokens: 0, costUsd: null };
  const tokens = usage.promptTokens + usage.completionTokens;
  const tokenText = tokens >= 100_000 ? `${(tokens / 1_000_000).toFixed(2)} M tokens` : `${count(tokens)} tokens`;
  const cost = usage.costUsd === null ? "cost unknown (the provider has no prices)" : usd(usage.costUsd);
  return `${count(calls)} call${calls === 1 ? "" : "s"} · ${tokenText} · ${cost} (${count(run.progress.cacheHits)} cache hits)`;
}

/** "Stopped at the cap of 500 calls — the report covers what was answered", or null. */
export function capLine(run) {
  if (!run.caps?.reached) return null;
  const caps = [run.caps.maxCalls !== null ? `${count(run.caps.maxCalls)} calls` : null, run.caps.maxCostUsd !== null ? usd(run.caps.maxCostUsd) : null].filter(Boolean);
  return `Stopped at the cap of ${caps.join(" / ")} — the report covers what was answered`;
}
