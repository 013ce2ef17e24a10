import { twMerge } from "tailwind-merge";

/** Joins class names; later Tailwind utilities win over earlier ones (w-44 over w-full). */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return twMerge(parts.filter(Boolean).join(" "));
}
