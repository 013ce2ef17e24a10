"use client";
import { createAuthClient } from "better-auth/react";

// Same-origin: the studio serves its own auth routes under /api/auth.
export const authClient = createAuthClient();
