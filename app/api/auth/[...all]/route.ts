// /api/auth/* – sign-up, sign-in, sign-out, session (better-auth)
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

export const { GET, POST } = toNextJsHandler(auth);
