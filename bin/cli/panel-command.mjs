// persona-studio panel <panel>: probe a whole panel (the divergence report, or
// the ceiling experiment with --ceiling), follow it, print the pairs and the
// panel flags, and fail CI when a flag of the --fail-on kinds appears
// (costume changes, polarity pairs that fail to diverge, members the judge
// cannot tell apart).

import { parseArgs } from "node:util";
import { CliError, EXIT } from "./client.mjs";
import { followRun, usageError, wholeNumber as wholeOption } from "./options.mjs";
import { matchingPanelFlags, panelFlagList, panelHeading, panelProgressLine, panelTables, panelVerdict, parsePanelFailOn } from "./panel.mjs";

export const PANEL_HELP = `persona-studio panel <panel> [options]

Probes every member of a panel (its id, slug or exact name) on the same items,
follows the run, prints each pair's distance and status, the effective number of
distinct positions, the blind distinguishability of each pair and the panel's
flags, and fails when a flag of the --fail-on kinds appears.

Options:
  --ceiling                 the ceiling experiment: the single-model plan and the
                            routed plan on the same items, with the diversity gain
                            (both plans must exist: Spread seats in the studio)
  --version N|current       a saved panel version, or current (default): the panel
                            as it stands
  --fail-on KINDS           comma-separated: costume (members that land the same
                            although their prompts differ), polarity (a declared
                            pair that fails to diverge on its axis),
                            indistinguishable (the judge cannot tell two members'
                            answers apart); or any, or none (default: report only)
  --items N                 library items per watched trait (default 20, 6–100)
  --traits a,b              traits to watch (default: the members' targets and
                            related traits)
  --answers-per-pair N      blind distinguishability: answers per pair (default 8;
                            0 turns it off)
  --max-calls N             hard cap on model calls for the whole panel probe
  --timeout SECONDS         give up (and cancel the run) after this long (default 3600)
  --json                    print the run and its report as JSON instead of tables
  --workspace ID            instead of PERSONA_STUDIO_WORKSPACE
  --url URL                 instead of PERSONA_STUDIO_URL
  -h, --help                this text

Example:
  npx persona-studio panel council --ceiling --fail-on costume,polarity
`;

const OPTIONS = {
  ceiling: { type: "boolean", default: false },
  version: { type: "string" },
  "fail-on": { type: "string", default: "none" },
  items: { type: "string" },
  traits: { type: "string" },
  "answers-per-pair": { type: "string" },
  "max-calls": { type: "string" },
  timeout: { type: "string", default: "3600" },
  json: { type: "boolean", default: false },
  workspace: { type: "string" },
  url: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
};

const usage = usageError("panel");
const wholeNumber = (name, value, min) => wholeOption(name, value, min, usage);

const describePanel = (p) => `  ${p.slug}  (${p.name}, ${p.memberCount} members; id ${p.id})`;

/** A panel named by id, slug or exact name (case-insensitive); errors list the candidates. */
export async function resolvePanel(client, wanted) {
  const list = await client.get("/panels");
  const lower = wanted.toLowerCase();
  for (const same of [(p) => p.id === wanted, (p) => p.slug.toLowerCase() === lower, (p) => p.name.toLowerCase() === lower]) {
    const found = list.filter(same);
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new CliError(EXIT.api, `"${wanted}" names ${found.length} panels; use a slug or id:\n${found.map(describePanel).join("\n")}`);
  }
  throw new CliError(EXIT.api, `No panel matches "${wanted}" (by id, slug or exact name) in this workspace.${list.length ? `\nPanels:\n${list.slice(0, 10).map(describePanel).join("\n")}` : ""}`);
}

export async function panel(argv, { env, out, err, readConfig, createClient }) {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    out.write(PANEL_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usage(positionals.length ? `Name one panel, not ${positionals.length}.` : "Name the panel to probe: persona-studio panel <panel>.");
  let failOn;
  try {
    failOn = parsePanelFailOn(values["fail-on"]);
  } catch (e) {
    throw usage(e.message);
  }
  if (values.version !== undefined && !/^(current|[1-9]\d*)$/.test(values.version)) throw usage(`--version must be a saved panel version number or current, not "${values.version}"`);
  const timeoutMs = wholeNumber("timeout", values.timeout, 1) * 1000;
  const traits = values.traits?.split(",").map((t) => t.trim()).filter(Boolean);
  const body = {
    experiment: values.ceiling ? "ceiling" : "divergence",
    ...(values.version && values.version !== "current" ? { version: Number(values.version) } : {}),
    ...(values.items !== undefined ? { itemsPerTrait: wholeNumber("items", values.items, 6) } : {}),
    ...(traits?.length ? { traits } : {}),
    ...(values["answers-per-pair"] !== undefined ? { answersPerPair: wholeNumber("answers-per-pair", values["answers-per-pair"], 0) } : {}),
    ...(values["max-calls"] !== undefined ? { maxCalls: wholeNumber("max-calls", values["max-calls"], 1) } : {}),
  };
  const client = createClient(readConfig(values, env));
  const found = await resolvePanel(client, positionals[0]);
  const base = `/panels/${encodeURIComponent(found.id)}/runs`;
  let run = await client.post(base, body);
  const runPath = `${base}/${encodeURIComponent(run.id)}`;
  err.write(`${panelHeading(run)} — run ${run.id}\n`);

  // Cancels the member runs when CI stops the job or the timeout hits: their model calls cost money.
  let printed = "";
  run = await followRun({
    client, run, runPath, timeoutMs, err, noun: "panel run",
    onUpdate: (latest) => {
      const line = panelProgressLine(latest);
      if (line !== printed) err.write(`${line}\n`);
      printed = line;
    },
  });
  if (run.status !== "completed") throw new CliError(EXIT.api, `Panel run ${run.id} ${run.status}: open it in the studio for the member runs' errors`);
  const report = await client.get(`${runPath}/report`);
  const matched = matchingPanelFlags(report, failOn);
  const verdict = panelVerdict(matched, failOn);
  if (values.json) {
    out.write(`${JSON.stringify({ run, report }, null, 2)}\n`);
    if (verdict) err.write(`${verdict}\n`);
  } else {
    out.write(`${panelTables(report)}\n\n${panelFlagList(report)}\n${report.notes.length ? `\n${report.notes.map((n) => `Note: ${n}`).join("\n")}\n` : ""}${verdict ? `\n${verdict}\n` : ""}`);
  }
  return matched.length ? EXIT.flagged : EXIT.ok;
}
