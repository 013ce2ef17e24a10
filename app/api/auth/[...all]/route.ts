// /api/auth/* – sign-up, sign-in, sign-out, session (better-auth behind our guards:
// body cap, same-origin writes, sign-in throttle, password policy — lib/auth/auth-route.ts)
import { authGet, authPost } from "@/lib/auth/auth-route";

export const GET = (request: Request) => authGet(request);
export const POST = (request: Request) => authPost(request);

export * from "@/lib/http/method-not-allowed";
