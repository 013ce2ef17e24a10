// The production server as `npm start` serves it (scripts/server.mjs), in a child
// process of a bench, and the wait until it answers.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { root } from "../scripts/lib.mjs";

/** scripts/server.mjs's serve() on 127.0.0.1:`port` with `env`, in its own process. */
export function spawnStudio(port: number, env: NodeJS.ProcessEnv, stdio: StdioOptions = "ignore"): ChildProcess {
  const serve = `import("./scripts/server.mjs").then((m) => m.serve({ port: ${port}, hostname: "127.0.0.1" }))`;
  return spawn(process.execPath, ["-e", serve], { cwd: root, env, stdio });
}

/** Resolves once `url` answers below 500 (a health check answers 503 until the database is up); throws after `ms`. */
export async function waitForServer(url: string, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
  }
  throw new Error(`${url} did not come up`);
}
