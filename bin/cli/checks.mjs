// The report's checks section for the terminal (issue 12 §3): the pass rate of
// the persona's scenario checks, which checks failed, and the two gates on it —
// `--fail-on check` (any persona check failed on any answer) and
// `--min-pass-rate R` (the persona's pass rate is below R). Pure.

/** "0.9" | "90%" | "1" → 0.9 | 0.9 | 1. Throws on anything else (a bare "90" is ambiguous). */
export function parseMinPassRate(value) {
  const text = value.trim();
  const percent = /^(\d+(\.\d+)?)%$/.exec(text);
  const n = percent ? Number(percent[1]) / 100 : /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 1)) throw new Error(`--min-pass-rate must be a share between 0 and 1 (e.g. 0.9) or a percentage (e.g. 90%), not "${value}"`);
  return n;
}

const pct = (x) => `${(x * 100).toFixed(x === 1 || x === 0 ? 0 : 1)}%`;
const quote = (s) => `“${s}”`;

/** Persona checks that failed on at least one answer: [{ message, description, passed, total }]. */
export function failedChecks(run) {
  return (run.report.checks?.rows ?? [])
    .filter((r) => r.persona.passed < r.persona.total)
    .map((r) => ({ message: r.message, description: r.description, passed: r.persona.passed, total: r.persona.total }));
}

/** "Checks: 18/20 passed (90.0%, 95% CI 70.0–97.2%) · baseline 12/20", with the failing ones below; null without checks. */
export function checksSummary(run) {
  const checks = run.report.checks;
  if (!checks) return null;
  const p = checks.persona;
  const ci = p.lo !== null && p.hi !== null ? `, 95% CI ${pct(p.lo)}–${pct(p.hi)}` : "";
  const head = p.total === 0
    ? "Checks: nothing was checked (no scenario with checks has a scored answer)"
    : `Checks: ${p.passed}/${p.total} passed (${pct(p.rate)}${ci}) · baseline ${checks.baseline.passed}/${checks.baseline.total}`;
  const failed = failedChecks(run).map((c) => `  ✗ ${quote(c.message)} — ${c.description}: ${c.passed}/${c.total} passed`);
  return [head, ...failed].join("\n");
}

/**
 * The checks gates: `failOnCheck` fails when any persona check failed; `minPassRate` fails when the persona's
 * pass rate is below it — or when nothing was checked (a rate that cannot be read does not pass a minimum).
 * `--fail-on check` with nothing checked passes: no check failed. Returns the lines to print and whether it failed.
 */
export function checksVerdict(run, { failOnCheck = false, minPassRate } = {}) {
  const lines = [];
  let failed = false;
  const checks = run.report.checks;
  const rate = checks && checks.persona.total > 0 ? checks.persona.rate : null;
  const failing = failedChecks(run);
  if (failOnCheck) {
    if (failing.length) {
      failed = true;
      const which = failing.map((c) => `${quote(c.message)} — ${c.description}`).join("; ");
      lines.push(`✗ ${failing.length} check${failing.length === 1 ? "" : "s"} failed (--fail-on check): ${which}`);
    } else {
      lines.push(rate === null ? "✓ No check failed (--fail-on check): the run checked nothing — add checks to the persona's scenarios" : "✓ Every check passed (--fail-on check).");
    }
  }
  if (minPassRate !== undefined) {
    if (rate === null) {
      failed = true;
      lines.push(`✗ --min-pass-rate ${pct(minPassRate)}: the run checked nothing (no scenario with checks has a scored answer), so no pass rate to hold to it`);
    } else if (rate < minPassRate) {
      failed = true;
      const which = failing.map((c) => `${quote(c.message)} — ${c.description} (${c.passed}/${c.total})`).join("; ");
      lines.push(`✗ Checks passed ${pct(rate)}, below --min-pass-rate ${pct(minPassRate)}: ${which}`);
    } else {
      lines.push(`✓ Checks passed ${pct(rate)}, at least --min-pass-rate ${pct(minPassRate)}.`);
    }
  }
  return { failed, lines };
}
