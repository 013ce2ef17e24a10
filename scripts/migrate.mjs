// npm run db:migrate — apply the migrations of DATABASE_URL's database: SQLite
// (file:…, the default) or PostgreSQL (postgresql://…, its own migrations).
import { migrate } from "./lib.mjs";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
migrate();
