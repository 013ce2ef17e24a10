// npm run dev — migrations first, so `next dev` finds the tables.
import { bin, mustRun } from "./lib.mjs";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
mustRun(bin("prisma"), ["migrate", "deploy"]);
