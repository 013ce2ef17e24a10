import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { shareDescription } from "@/components/share/share-description";
import { SharedPersonaPage } from "@/components/share/shared-persona-page";
import { AppError } from "@/lib/http/errors";
import { SHARE_TOKEN_PATTERN, type ShareBundle } from "@/lib/schemas/share";
import { openShare } from "@/lib/services/sharing/open-share";

// The public, read-only page of a share link: no session, the token is the
// only credential. Every failure is the same 404 page. The token never goes
// into metadata (no og:url), and the page asks browsers not to send it on as
// a Referer when a reader follows a link in a comment.

export const dynamic = "force-dynamic";

// One lookup per request: metadata and page share it, so a visit counts once.
const load = cache(async (token: string): Promise<ShareBundle | null> => {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  try {
    return await openShare(token);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
});

type Props = { params: Promise<{ token: string }> };

const PRIVATE = { robots: { index: false, follow: false }, referrer: "no-referrer" } satisfies Metadata;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const bundle = await load((await params).token);
  if (!bundle) return { ...PRIVATE, title: { absolute: "Link not available — Persona Studio" } };
  const title = `${bundle.persona.name} — Persona Studio`;
  const description = shareDescription(bundle);
  return {
    ...PRIVATE,
    title: { absolute: title },
    description,
    openGraph: { title, description, type: "article", siteName: "Persona Studio" },
    twitter: { card: "summary", title, description },
  };
}

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const bundle = await load(token);
  if (!bundle) notFound();
  return <SharedPersonaPage bundle={bundle} token={token} />;
}
