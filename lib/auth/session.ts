import "server-only";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";

/** For server components: the current session or null. */
export async function currentSession() {
  return auth.api.getSession({ headers: await headers() });
}
