import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/interop/council runs in the browser too (tests/unit/interop/purity.test.ts covers only the top folder).

const root = path.resolve(__dirname, "../../../../lib/interop/council");
const sources = readdirSync(root).filter((f) => f.endsWith(".ts"));

describe("lib/interop/council purity", () => {
  it.each(sources)("%s imports nothing server-only and reads no clock", (file) => {
    const src = readFileSync(path.join(root, file), "utf8");
    expect(src).not.toMatch(/from "(node:|fs|path|zlib|crypto|server-only|@\/lib\/(db|services|jobs|llm|http))/);
    expect(src).not.toMatch(/\bfetch\(|Date\.now\(|new Date\(\)|Buffer\./);
  });
});
