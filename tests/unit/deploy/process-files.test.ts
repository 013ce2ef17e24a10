import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The example process files (deploy/) name npm scripts and environment variables:
// a renamed script or a variable nobody reads would leave a team with a unit that
// fails at 3 a.m. These checks keep the files honest against package.json and the code.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

const procfile = Object.fromEntries(
  read("deploy/Procfile").split("\n").filter((l) => /^[a-z]+:/.test(l)).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
);
const web = read("deploy/systemd/persona-studio-web.service");
const worker = read("deploy/systemd/persona-studio-worker@.service");
const directives = (unit: string, key: string) => unit.split("\n").filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));

/** The npm scripts a command line runs: `npm start`, `npm test`, `npm run X`. */
function npmScripts(command: string): string[] {
  return [...command.matchAll(/\bnpm (?:run (\S+)|(start|test))\b/g)].map((m) => m[1] ?? m[2]);
}

describe("deploy/Procfile and the systemd units", () => {
  const commands = [...Object.values(procfile), ...directives(web, "ExecStart"), ...directives(worker, "ExecStartPre"), ...directives(worker, "ExecStart")];

  it("run only npm scripts that package.json defines", () => {
    const named = commands.flatMap(npmScripts);
    expect(named).toEqual(expect.arrayContaining(["start", "worker", "db:migrate"]));
    for (const name of named) expect(scripts, `npm script "${name}"`).toHaveProperty([name]);
  });

  it("keep probe runs out of the web processes and in N workers (a template unit)", () => {
    expect(Object.keys(procfile).sort()).toEqual(["web", "worker"]);
    expect(procfile.web).toMatch(/PROBE_WORKER=off .*npm start/);
    expect(npmScripts(procfile.worker)).toContain("worker");
    expect(directives(web, "Environment")).toContain("PROBE_WORKER=off");
    expect(directives(web, "ExecStart")).toEqual(["/usr/bin/npm start"]);
    expect(directives(worker, "ExecStart")).toEqual(["/usr/bin/npm run worker"]);
    expect(worker).toMatch(/Description=.*%i/); // persona-studio-worker@1, @2, …
  });

  it("read their environment from one file whose variables the studio reads", () => {
    for (const unit of [web, worker]) expect(directives(unit, "EnvironmentFile")).toEqual(["/etc/persona-studio/env"]);
    const example = read("deploy/persona-studio.env.example");
    const names = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(["DATABASE_URL", "BETTER_AUTH_SECRET", "PERSONA_STUDIO_SECRET", "BETTER_AUTH_URL"]));
    expect(example).toMatch(/^DATABASE_URL=postgresql:\/\//m);
    const code = ["lib", "scripts"].flatMap((dir) => sources(path.join(root, dir))).concat(["instrumentation.ts"].map((f) => path.join(root, f)));
    const text = code.map((f) => readFileSync(f, "utf8")).join("\n");
    for (const name of names) expect(text.includes(name), `${name} is read somewhere in lib/ or scripts/`).toBe(true);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}
