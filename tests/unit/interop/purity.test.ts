import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/interop runs in the browser as well as on the server: no database, no
// network, no file system, no node built-ins, no clock.

const root = path.resolve(__dirname, "../../../lib/interop");
const sources = readdirSync(root).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));

describe("lib/interop purity", () => {
  it.each(sources)("%s imports nothing server-only and reads no clock", (file) => {
    const src = readFileSync(path.join(root, file), "utf8");
    expect(src).not.toMatch(/from "(node:|fs|path|zlib|crypto|server-only|@\/lib\/(db|services|jobs|llm|http))/);
    expect(src).not.toMatch(/\bfetch\(|Date\.now\(|new Date\(\)|Buffer\./);
  });
});
