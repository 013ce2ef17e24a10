// A throwaway PostgreSQL cluster for the test suite and the benches: initdb into
// a temporary directory, start it on 127.0.0.1 with durability off (fsync=off:
// a crash of the test machine loses nothing we keep), hand back its URL, and
// stop and delete it when asked. Uses Debian's PostgreSQL (any major version
// whose initdb / pg_ctl are on PATH or under /usr/lib/postgresql/N/bin).
//
//   import { startCluster, findPostgres } from "./pg-cluster.mjs";
//   const cluster = await startCluster();   // { url, stop() }
//
// As root (CI), PostgreSQL refuses to run: the cluster then belongs to the
// `postgres` user that Debian's package creates, and commands run through runuser.
// From the shell: `node scripts/pg-cluster.mjs` starts one and prints its URL,
// then waits; Ctrl+C stops and deletes it.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgres() {
  if (process.env.PG_BIN && existsSync(path.join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin/initdb"))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(base, versions[0], "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function pgRun(bin, command, args) {
  const full = path.join(bin, command);
  const res = isRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", full, ...args], { encoding: "utf8" })
    : spawnSync(full, args, { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${command} failed (${res.status}): ${res.stderr || res.stdout || res.error?.message}`);
  return res.stdout;
}

/**
 * Starts a fresh cluster. Resolves to { url, dataDir, stop() }: url is the
 * superuser's connection string to the "postgres" database.
 */
export async function startCluster({ bin = findPostgres(), port, maxConnections = 300 } = {}) {
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb found). On Debian: apt-get install -y postgresql");
  const dir = mkdtempSync(path.join(os.tmpdir(), "persona-pg-"));
  chmodSync(dir, 0o700);
  if (isRoot) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid)) throw new Error("running as root needs the 'postgres' user (Debian's postgresql package creates it)");
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  port ??= await freePort();
  pgRun(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const options = [
    `-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${dir}`,
    "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
    `-c max_connections=${maxConnections}`, "-c shared_buffers=128MB",
  ].join(" ");
  pgRun(bin, "pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "30", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      pgRun(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, dataDir: data, port, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cluster = await startCluster();
  console.log(cluster.url);
  const bye = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", bye);
  process.on("SIGTERM", bye);
  setInterval(() => {}, 1 << 30);
}
