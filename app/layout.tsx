import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/shell/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Persona Studio", template: "%s · Persona Studio" },
  description: "Compose LLM personas as character types, preview them live, and measure where they land.",
  icons: { icon: "/icon.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next.js puts the CSP nonce from proxy.ts
  // on its scripts only while rendering, so a page prerendered at build time
  // (the 404 page, say) would have scripts the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
