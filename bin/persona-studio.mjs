#!/usr/bin/env node
// persona-studio — the studio's command line for CI pipelines. Plain Node 20
// (global fetch, node:util parseArgs), no build step and no dependencies, so
// `npx persona-studio …` runs it straight from the repository.
//
//   persona-studio probe <persona> [--version N|draft|latest] [--fail-on kinds] [--pressure [keys]] [--self-report] …
//   persona-studio scenarios <persona> [--export jsonl|csv | --import FILE [--replace]]
//   persona-studio panel <panel> [--ceiling] [--fail-on costume,polarity,indistinguishable] …
//
// It talks to a running studio over the HTTP API with a workspace API token,
// starts a probe run, follows it and exits 0 (passed), 1 (flags matched
// --fail-on, or the scenario checks failed their gate), 2 (usage or
// configuration) or 3 (the API or the run failed).

import { parseArgs } from "node:util";
import { CliError, createClient, EXIT, resolvePersona } from "./cli/client.mjs";
import { checksSummary, checksVerdict, parseMinPassRate } from "./cli/checks.mjs";
import { scenarioTable, scenariosLine } from "./cli/scenarios.mjs";
import { scenarios } from "./cli/scenarios-command.mjs";
import { panel } from "./cli/panel-command.mjs";
import { followRun, TERMINAL, usageError, wholeNumber } from "./cli/options.mjs";
import { framingSummary, pressureBody, pressureSummary, selfReportSummary, withPressureDefault } from "./cli/pressure.mjs";
import { CHECK, flagList, matchingFlags, parseFailOn, progressLine, reportTable, runHeading, settledFlags, verdict } from "./cli/report.mjs";

const HELP = `persona-studio — Persona Studio from the command line (for CI)

Usage:
  persona-studio probe <persona> [options]      run a trait probe and check its flags
  persona-studio probe --help                   the probe options
  persona-studio scenarios <persona> [options]  list, export (JSONL, CSV) or import the
                                                persona's scenarios
  persona-studio scenarios --help               the scenarios options
  persona-studio panel <panel> [options]        probe a whole panel: distances, costume
                                                changes, polarity, blind distinguishability
  persona-studio panel --help                   the panel options
  persona-studio --help                      this text

Configuration (environment):
  PERSONA_STUDIO_URL        the studio's address (default http://localhost:3000)
  PERSONA_STUDIO_TOKEN      an API token (Members & settings → API tokens); required
  PERSONA_STUDIO_WORKSPACE  the token's workspace id; required unless --workspace

Exit codes: 0 passed · 1 flags matched --fail-on (probe and panel), or checks failed (--fail-on check,
--min-pass-rate) · 2 usage or configuration error, or a scenario file the import
rejected · 3 API error (401/403/404/422…) or the run failed, was cancelled or timed out.
`;

const PROBE_HELP = `persona-studio probe <persona> [options]

Starts a probe run of a persona (its id, slug or exact name), follows it, prints
the landing table, the persona's scenarios beside the general landing ("General vs
in your scenarios": the targeted traits and any clear gap), the flags and the
scenario checks, and fails when a flag of the --fail-on kinds appears or the checks
miss their gate.

Flags acknowledged in the studio as "expected for this persona" are printed with
"(acknowledged: reason)" and, like a shift that came with the character type, do
not fail the run unless --strict.

Options:
  --version N|draft|latest  what to probe (default latest: the newest saved version)
  --fail-on KINDS           comma-separated: tension, compromise, leakage, miss,
                            overshoot, caves, drifts-back, says-not-does,
                            does-not-say; or any (every flag kind), or none
                            (default none: report only); add check to fail when
                            any scenario check failed on any persona answer
  --strict                  count acknowledged flags and shifts that came with the
                            character type against --fail-on too
  --min-pass-rate R         fail when the persona passes fewer than R of its
                            scenario checks: 0–1 (0.9) or a percentage (90%);
                            a run that checked nothing fails it
  --traits a,b              traits to watch (default: targeted traits and related ones)
  --budget N                at most N answers per trait (default 60, minimum 6)
  --provider ID             target provider id (default: the workspace default)
  --model M                 target model (default: the provider's default model)
  --max-calls N             hard cap: the run stops issuing model calls before N
                            (cache hits are free) and reports what was answered
  --max-cost USD            hard cap in US dollars, from the providers' prices
                            (both the target and the judge provider need prices)
  --pressure [KEYS]         also run pressure conversations: no value or default
                            (built-in scripts for the persona's targets), or
                            comma-separated script keys (firm-refund,
                            skeptical-authority, concise-detail, cautious-hurry,
                            formal-casual) and persona:<n> for its own script n;
                            prints drift per turn and turns-to-break. Name the
                            persona before a bare --pressure
  --conversations N         conversations per script (2–40, default 8)
  --turns N                 pushes per conversation after the first answer
                            (1–12, default 4)
  --self-report             ask the persona to rate itself on each watched trait
                            and print the gap to how it behaves
  --framing TRAIT           also probe TRAIT's target worded as a role requirement
                            ("the job here, not who you are") and compare leakage
  --no-scenarios            do not ask the persona's scenarios (library items only;
                            no scenario landing, no checks)
  --timeout SECONDS         give up (and cancel the run) after this long (default 1800)
  --json                    print the finished run as JSON instead of the table
  --workspace ID            instead of PERSONA_STUDIO_WORKSPACE
  --url URL                 instead of PERSONA_STUDIO_URL
  -h, --help                this text

Example:
  PERSONA_STUDIO_URL=https://studio.example.com PERSONA_STUDIO_WORKSPACE=… \\
  PERSONA_STUDIO_TOKEN=ps_… npx persona-studio probe support-agent --fail-on tension,leakage
`;

const PROBE_OPTIONS = {
  version: { type: "string" },
  "fail-on": { type: "string", default: "none" },
  strict: { type: "boolean", default: false },
  "min-pass-rate": { type: "string" },
  traits: { type: "string" },
  budget: { type: "string" },
  provider: { type: "string" },
  model: { type: "string" },
  timeout: { type: "string", default: "1800" },
  "max-calls": { type: "string" },
  "max-cost": { type: "string" },
  "no-scenarios": { type: "boolean", default: false },
  pressure: { type: "string" },
  conversations: { type: "string" },
  turns: { type: "string" },
  "self-report": { type: "boolean", default: false },
  framing: { type: "string" },
  json: { type: "boolean", default: false },
  workspace: { type: "string" },
  url: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
};

const usage = usageError("probe");
const positiveInt = (name, value) => wholeNumber(name, value, 1, usage);

function positiveUsd(name, value) {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw usage(`--${name} must be an amount in US dollars above 0, e.g. 2.50, not "${value}"`);
  return n;
}

function readConfig(values, env) {
  const token = env.PERSONA_STUDIO_TOKEN?.trim();
  if (!token) throw usage("Set PERSONA_STUDIO_TOKEN to an API token (Members & settings → API tokens).");
  const workspace = (values.workspace ?? env.PERSONA_STUDIO_WORKSPACE ?? "").trim();
  if (!workspace) throw usage("Set PERSONA_STUDIO_WORKSPACE (or pass --workspace) to the id of the token's workspace.");
  const raw = (values.url ?? env.PERSONA_STUDIO_URL ?? "http://localhost:3000").trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw usage(`PERSONA_STUDIO_URL / --url is not a URL: "${raw}"`);
  }
  return { token, workspace, url: url.origin + url.pathname.replace(/\/+$/, "") };
}

/** "latest" | "draft" | N → what the API takes, once the persona is known. */
function versionOf(value, persona) {
  if (value === "draft") return "draft";
  if (value === "latest") {
    if (persona.latestVersion > 0) return persona.latestVersion;
    throw new CliError(EXIT.api, `${persona.name} has no saved version yet: save one in the studio, or pass --version draft`);
  }
  return Number(value);
}

/** One progress line on stderr: rewritten in place on a terminal, a new line when it changes in CI logs. */
function progressReporter(stream) {
  let printed = "";
  let printedAt = 0;
  return {
    update(run) {
      const line = progressLine(run);
      if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
      else if (line !== printed && (Date.now() - printedAt >= 5000 || TERMINAL.has(run.status))) stream.write(`${line}\n`);
      else return;
      printed = line;
      printedAt = Date.now();
    },
    done() {
      if (stream.isTTY && printed) stream.write("\n");
    },
  };
}

async function probe(argv, env, out, err) {
  const { values, positionals } = parseArgs({ args: withPressureDefault(argv), options: PROBE_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    out.write(PROBE_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usage(positionals.length ? `Name one persona, not ${positionals.length}.` : "Name the persona to probe: persona-studio probe <persona>.");
  let failOn;
  let minPassRate;
  let extras;
  try {
    failOn = parseFailOn(values["fail-on"]);
    extras = pressureBody(values);
    minPassRate = values["min-pass-rate"] === undefined ? undefined : parseMinPassRate(values["min-pass-rate"]);
  } catch (e) {
    throw usage(e.message);
  }
  const timeoutMs = positiveInt("timeout", values.timeout) * 1000;
  if (values.version !== undefined && !/^(draft|latest|[1-9]\d*)$/.test(values.version)) {
    throw usage(`--version must be a saved version number, draft or latest, not "${values.version}"`);
  }
  const budget = values.budget === undefined ? undefined : positiveInt("budget", values.budget);
  const maxCalls = values["max-calls"] === undefined ? undefined : positiveInt("max-calls", values["max-calls"]);
  const maxCostUsd = values["max-cost"] === undefined ? undefined : positiveUsd("max-cost", values["max-cost"]);
  const traits = values.traits?.split(",").map((t) => t.trim()).filter(Boolean);
  const config = readConfig(values, env);
  const client = createClient(config);

  const persona = await resolvePersona(client, positionals[0]);
  const body = {
    version: versionOf(values.version ?? "latest", persona),
    ...(traits?.length ? { traits } : {}),
    ...(budget ? { budgetPerTrait: budget } : {}),
    ...(values.provider ? { targetProviderId: values.provider } : {}),
    ...(values.model ? { targetModel: values.model } : {}),
    ...(maxCalls ? { maxCalls } : {}),
    ...(maxCostUsd ? { maxCostUsd } : {}),
    ...(values["no-scenarios"] ? { scenarios: false } : {}),
    ...extras,
  };
  let run = await client.post(`/personas/${encodeURIComponent(persona.id)}/probe-runs`, body);
  const runPath = `/probe-runs/${encodeURIComponent(run.id)}`;
  const progress = progressReporter(err);
  err.write(`Probing ${persona.name} (${body.version === "draft" ? "draft" : `v${body.version}`}) on ${run.target.simulated ? "the simulator (not a language model)" : run.target.model} — run ${run.id}\n`);

  // Cancels the run when CI stops the job or the timeout hits: its model calls cost money.
  // refresh: the first fetch is the detail, with its (partial) report.
  try {
    run = await followRun({ client, run, runPath, timeoutMs, err, refresh: true, onUpdate: (latest) => progress.update(latest) });
  } finally {
    progress.done();
  }
  if (run.status !== "completed") throw new CliError(EXIT.api, `Run ${run.id} ${run.status}${run.error ? `: ${run.error}` : ""}`);

  const strict = values.strict;
  const matched = matchingFlags(run, failOn, { strict });
  const flagLine = verdict(matched, failOn, { settled: settledFlags(run, failOn, { strict }), strict });
  const checks = checksVerdict(run, { failOnCheck: failOn.includes(CHECK), minPassRate });
  const verdicts = [flagLine, ...checks.lines].filter(Boolean).join("\n");
  if (values.json) {
    out.write(`${JSON.stringify(run, null, 2)}\n`);
    err.write(`${verdicts}\n`);
  } else {
    const summary = checksSummary(run);
    const inScenarios = scenarioTable(run);
    const issue14 = [pressureSummary(run.report), selfReportSummary(run.report), framingSummary(run.report)].filter(Boolean).map((t) => `${t}\n\n`).join("");
    out.write(
      `${runHeading(run)}\n${scenariosLine(run)}\n\n${reportTable(run)}\n\n${inScenarios ? `${inScenarios}\n\n` : ""}${issue14}` +
        `${flagList(run)}\n\n${summary ? `${summary}\n\n` : ""}${verdicts}\n`,
    );
  }
  return matched.length || checks.failed ? EXIT.flagged : EXIT.ok;
}

async function main(argv, { env = process.env, out = process.stdout, err = process.stderr } = {}) {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      (command ? out : err).write(HELP);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === "scenarios") return await scenarios(rest, { env, out, err, readConfig });
    if (command === "panel") return await panel(rest, { env, out, err, readConfig, createClient });
    if (command !== "probe") throw new CliError(EXIT.usage, `Unknown command "${command}". Run "persona-studio --help".`);
    return await probe(rest, env, out, err);
  } catch (e) {
    if (e instanceof CliError) {
      err.write(`persona-studio: ${e.message}\n`);
      return e.exitCode;
    }
    // parseArgs rejects unknown options and missing values with a TypeError carrying a code.
    if (e?.code?.startsWith?.("ERR_PARSE_ARGS")) {
      err.write(`persona-studio: ${e.message}\nRun "persona-studio ${command === "scenarios" || command === "panel" ? command : "probe"} --help" for the options.\n`);
      return EXIT.usage;
    }
    err.write(`persona-studio: unexpected error: ${e?.stack ?? e}\n`);
    return EXIT.api;
  }
}

process.exitCode = await main(process.argv.slice(2));
