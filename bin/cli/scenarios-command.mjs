// persona-studio scenarios <persona>: list a spec's scenarios, export them in the
// import's formats, or import a file into the draft through the studio's import
// route (the same parser as the studio's Import button, so nothing half-lands).

import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ApiError, CliError, createClient, EXIT, resolvePersona } from "./client.mjs";
import { usageError } from "./options.mjs";
import { importErrorLines, importFormat, scenarioList, toCsv, toJsonl } from "./scenarios.mjs";

export const SCENARIOS_HELP = `persona-studio scenarios <persona> [options]

Lists the scenarios of a persona (its id, slug or exact name): number, id, the
message shortened, and how many checks each has. Or exports them, or imports a
file of them into the draft.

Options:
  --version N|draft|latest  whose scenarios to list or export (default draft: what
                            the studio edits and --import writes to)
  --export jsonl|csv        print them in the import's format instead of the list:
                            jsonl is one object per line with every field and the
                            checks (ids and labels kept); csv has the import's
                            columns (message, id, note, context, tags, contains,
                            not_contains, regex, max_length, asks_question) and
                            warns on stderr about what CSV cannot carry
  --import FILE             import FILE (.csv or .jsonl; - reads stdin, with --format) into the
                            draft, after its scenarios; a file with any bad line
                            imports nothing, and its errors are printed with their
                            line numbers (exit 2)
  --replace                 with --import: replace the draft's scenarios instead
  --format csv|jsonl        with --import: the file's format when its name does not say
  --workspace ID            instead of PERSONA_STUDIO_WORKSPACE
  --url URL                 instead of PERSONA_STUDIO_URL
  -h, --help                this text

Examples:
  npx persona-studio scenarios support-agent --version latest --export jsonl > scenarios.jsonl
  npx persona-studio scenarios support-agent-v2 --import scenarios.jsonl --replace
`;

const OPTIONS = {
  version: { type: "string" },
  export: { type: "string" },
  import: { type: "string" },
  replace: { type: "boolean", default: false },
  format: { type: "string" },
  workspace: { type: "string" },
  url: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
};

const usage = usageError("scenarios");

async function readText(file) {
  if (file === "-") {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    throw usage(`Cannot read ${file}: ${e.code ?? e.message}`);
  }
}

/** The spec of a saved version, the draft, or the newest version. */
async function specOf(client, persona, version) {
  const base = `/personas/${encodeURIComponent(persona.id)}`;
  if (version === "draft") return { label: "draft", spec: (await client.get(base)).spec };
  const number = version === "latest" ? persona.latestVersion : Number(version);
  if (!(number > 0)) throw new CliError(EXIT.api, `${persona.name} has no saved version yet: save one in the studio, or pass --version draft`);
  return { label: `v${number}`, spec: (await client.get(`${base}/versions/${number}`)).spec };
}

async function importFile(client, persona, file, values, out, err) {
  const format = importFormat(file, values.format);
  if (!format) throw usage(values.format ? `--format is csv or jsonl, not "${values.format}"` : `Say the format of ${file}: name it .csv or .jsonl, or pass --format csv|jsonl`);
  const text = await readText(file);
  if (!text.trim()) throw usage(`${file} is empty`);
  const base = `/personas/${encodeURIComponent(persona.id)}`;
  const { revision } = await client.get(base);
  let result;
  try {
    result = await client.post(`${base}/scenarios/import`, { format, text, revision, mode: values.replace ? "replace" : "append" });
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 422)) throw e;
    const lines = importErrorLines(e.details);
    if (!lines.length) {
      err.write(`persona-studio: ${file} was not imported (nothing changed): ${e.message}\n`);
      return EXIT.usage;
    }
    err.write(`persona-studio: ${file} was not imported (nothing changed) — ${lines.length} problem${lines.length === 1 ? "" : "s"}:\n${lines.join("\n")}\n`);
    return EXIT.usage;
  }
  const total = result.persona.spec.scenarios.length;
  out.write(`Imported ${result.imported} scenario${result.imported === 1 ? "" : "s"} into the draft of ${persona.name} (${values.replace ? "replacing its scenarios" : "after its scenarios"}; ${total} in all, draft revision ${result.persona.revision}).\n`);
  return EXIT.ok;
}

export async function scenarios(argv, { env, out, err, readConfig }) {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    out.write(SCENARIOS_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usage(positionals.length ? `Name one persona, not ${positionals.length}.` : "Name the persona: persona-studio scenarios <persona>.");
  if (values.version !== undefined && !/^(draft|latest|[1-9]\d*)$/.test(values.version)) {
    throw usage(`--version must be a saved version number, draft or latest, not "${values.version}"`);
  }
  if (values.export !== undefined && !["jsonl", "csv"].includes(values.export)) throw usage(`--export is jsonl or csv, not "${values.export}"`);
  if (values.import !== undefined && values.export !== undefined) throw usage("--import and --export do not go together: run one, then the other.");
  if (values.import !== undefined && values.version !== undefined && values.version !== "draft") throw usage("--import always writes to the draft; leave out --version.");
  if (values.import === undefined && (values.replace || values.format !== undefined)) throw usage(`${values.replace ? "--replace" : "--format"} goes with --import FILE.`);
  const client = createClient(readConfig(values, env));
  const persona = await resolvePersona(client, positionals[0]);

  if (values.import !== undefined) return importFile(client, persona, values.import, values, out, err);

  const { label, spec } = await specOf(client, persona, values.version ?? "draft");
  const list = spec.scenarios ?? [];
  if (values.export === "jsonl") {
    out.write(toJsonl(list));
  } else if (values.export === "csv") {
    const { text, lost } = toCsv(list);
    out.write(text);
    for (const l of lost) err.write(`persona-studio: scenario ${l.number} (${l.id}): CSV cannot carry ${l.what.join(", ")}; --export jsonl keeps them\n`);
  } else {
    out.write(`${persona.name} · ${label} · ${list.length} scenario${list.length === 1 ? "" : "s"}\n\n${scenarioList(list)}\n`);
  }
  return EXIT.ok;
}
