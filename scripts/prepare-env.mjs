// npm run dev — migrations first, so `next dev` finds the tables.
import { migrate } from "./lib.mjs";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
migrate();
