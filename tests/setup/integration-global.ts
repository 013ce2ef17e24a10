import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// tests/.tmp holds one directory per integration test file (see integration-db.ts),
// each removed by its own file when it finishes. Here we only sweep away what a
// crashed run left behind; a concurrent run's fresh directories are left alone.
const TMP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.tmp");
const STALE_MS = 60 * 60 * 1000;

export default function setup() {
  mkdirSync(TMP_ROOT, { recursive: true });
  for (const entry of readdirSync(TMP_ROOT)) {
    const full = path.join(TMP_ROOT, entry);
    if (Date.now() - statSync(full).mtimeMs > STALE_MS) rmSync(full, { recursive: true, force: true });
  }
}
