// bench/import-png — how long importing a large PNG character card holds the
// event loop, against the least any import must do.
//
// One run, same machine. A PNG card of about --mb megabytes (default 7.7, as in
// issue 10) carrying the same card twice, as exporters write it (V3 in ccv3, V2
// in chara): a long description, a lorebook of a few thousand entries, non-ASCII
// text throughout. Measured, each the median of --runs:
//   baseline  Buffer.from(base64) — decoding the upload, which every import does;
//   import    what the import route runs synchronously before its database write:
//             decode the upload, read the PNG, map the card, keep its unmapped
//             fields and serialise them for Persona.imported.
//   (for context: JSON.parse of one card's text, which no card import can skip.)
// All are synchronous, so their duration is the time the event loop is blocked.
// Prints them and the ratio import ÷ baseline. Usage: npm run bench:import [-- --mb 7.7 --runs 5]

import { performance } from "node:perf_hooks";
import { cardRemainder, importFile, writePngCard } from "../lib/interop";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGET_MB = arg("mb", 7.7);
const RUNS = arg("runs", 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A card whose JSON is about `bytes` long. */
function bigCard(spec: "chara_card_v2" | "chara_card_v3", bytes: number) {
  const entries = Array.from({ length: 2000 }, (_, i) => ({
    keys: [`place ${i}`, `地名 ${i}`], content: `Entry ${i}: the night market by the river, où l'on parle bas. `.repeat(3),
    enabled: true, insertion_order: i, id: i, extensions: {},
  }));
  const lorebook = JSON.stringify(entries).length;
  const sentence = "{{char}} hosts a night-shift radio show in 東京 and answers {{user}}'s calls between songs. ";
  const description = sentence.repeat(Math.max(1, Math.floor((bytes - lorebook) / Buffer.byteLength(sentence))));
  return {
    spec, spec_version: spec === "chara_card_v3" ? "3.0" : "2.0",
    data: {
      name: "Zoë", description, personality: "warm, wry and unhurried", scenario: "It is 3 a.m.", first_mes: "You're on the air.",
      mes_example: "<START>\n{{user}}: I can't sleep.\n{{char}}: Then stay for a song.", creator_notes: "Cosy.", system_prompt: "",
      tags: ["radio", "night"], alternate_greetings: ["Line two, you're on."], character_book: { name: "Lore", entries },
      extensions: { talkativeness: "0.5" },
    },
  };
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function main() {
  // base64 of the card JSON is 4/3 of it, and there are two copies.
  const perCard = (TARGET_MB * 1e6 * 3) / 8;
  const png = writePngCard({ v2: bigCard("chara_card_v2", perCard), v3: bigCard("chara_card_v3", perCard) });
  const upload = Buffer.from(png).toString("base64");
  console.log(`PNG card: ${(png.length / 1e6).toFixed(2)} MB (upload ${(upload.length / 1e6).toFixed(2)} MB of base64), ${RUNS} runs each`);

  const cardText = JSON.stringify(bigCard("chara_card_v3", perCard));
  const baseline: number[] = [];
  const parses: number[] = [];
  const imports: number[] = [];
  let stored = 0;
  for (let i = 0; i < RUNS; i++) {
    baseline.push(time(() => Buffer.from(upload, "base64")));
    parses.push(time(() => JSON.parse(cardText)));
    imports.push(time(() => {
      const decoded = Buffer.from(upload, "base64");
      const file = importFile("big.png", new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength));
      if (file.format !== "png-card") throw new Error(`read as ${file.format}`);
      stored = JSON.stringify({ format: file.format, card: cardRemainder(file.unmapped) }).length;
    }));
  }
  const b = median(baseline);
  const m = median(imports);
  console.log(`baseline  Buffer.from(base64)        ${ms(b)}`);
  console.log(`(context) JSON.parse of one card      ${ms(median(parses))}`);
  console.log(`import    decode + read + map + keep  ${ms(m)}   (Persona.imported: ${(stored / 1024).toFixed(0)} KB)`);
  console.log(`ratio     import ÷ baseline           ${(m / b).toFixed(1)}×`);
}

main();
