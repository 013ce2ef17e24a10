// npm run sim -- --port 4010 [--latency 50] [--api-key KEY] [--host 127.0.0.1]
// Serves the simulator as an OpenAI-compatible endpoint (see docs/simulator.md).
//   npm run sim -- --tables        print the generated tables for docs/simulator.md
//   npm run sim -- --write-docs    rewrite those tables in docs/simulator.md in place
//   npm run sim -- --adversarial [--judge-noise-sd 5 …]   adversarial mode (docs/simulator.md §10; env SIM_ADVERSARIAL=1, SIM_<KNOB>)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { adversarialFromArgs } from "../lib/llm/simulator/adversarial-config";
import { createSimulatorServer } from "../lib/llm/simulator/http-server";
import { SIMULATED_MODEL_NAMES } from "../lib/llm/simulator/models";
import { SIMULATOR_LABEL } from "../lib/llm/simulator/provider";
import { GENERATED_TABLES, renderGeneratedTables } from "../lib/llm/simulator/tables";

function parseArgs(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) continue;
    const [name, inline] = arg.slice(2).split("=", 2);
    const next = argv[i + 1];
    if (inline !== undefined) out.set(name, inline);
    else if (next !== undefined && !next.startsWith("--")) out.set(name, argv[++i]);
    else out.set(name, true);
  }
  return out;
}

function numberArg(args: Map<string, string | true>, name: string, fallback: number): number {
  const v = args.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a non-negative integer`);
    process.exit(2);
  }
  return n;
}

const args = parseArgs(process.argv.slice(2));

if (args.has("tables")) {
  for (const [name, gen] of Object.entries(GENERATED_TABLES)) console.log(`<!-- table:${name} -->\n${gen()}\n<!-- /table:${name} -->\n`);
  process.exit(0);
}
if (args.has("write-docs")) {
  const doc = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "simulator.md");
  writeFileSync(doc, renderGeneratedTables(readFileSync(doc, "utf8")));
  console.log(`Updated ${doc}`);
  process.exit(0);
}

const port = numberArg(args, "port", 4010);
const latencyMs = numberArg(args, "latency", 0);
const apiKey = typeof args.get("api-key") === "string" ? (args.get("api-key") as string) : undefined;
const host = typeof args.get("host") === "string" ? (args.get("host") as string) : "127.0.0.1";

let adversarial: ReturnType<typeof adversarialFromArgs>;
try {
  adversarial = adversarialFromArgs(args, process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const server = createSimulatorServer({ latencyMs, apiKey, adversarial });
server.on("error", (err) => {
  console.error(`Could not start the simulator: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(SIMULATOR_LABEL);
  console.log(`OpenAI-compatible endpoint: http://${host.includes(":") ? `[${host}]` : host}:${actualPort}/v1`);
  console.log(`Models: ${SIMULATED_MODEL_NAMES.join(", ")}${apiKey ? " · API key required" : ""}${latencyMs ? ` · ${latencyMs} ms latency` : ""}`);
  if (adversarial) console.log(`Adversarial mode: ${Object.entries(adversarial).map(([k, v]) => `${k}=${v}`).join(", ")}`);
});

function shutdown() {
  // Hanging test requests ("hang" model) would otherwise keep close() waiting forever.
  server.closeAllConnections();
  server.close(() => process.exit(0));
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
