import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { shareDescription } from "@/components/share/share-description";
import { SharedPanelPage } from "@/components/panels/shared-panel-page";
import { SharedPersonaPage } from "@/components/share/shared-persona-page";
import { AppError } from "@/lib/http/errors";
import { SHARE_TOKEN_PATTERN } from "@/lib/schemas/share";
import { openAnyShare } from "@/lib/services/sharing/open-share";

// The public, read-only page of a share link: no session, the token is the
// only credential. Every failure is the same 404 page. The token never goes
// into metadata (no og:url), and the page asks browsers not to send it on as
// a Referer when a reader follows a link in a comment.

export const dynamic = "force-dynamic";

// One lookup per request: metadata and page share it, so a visit counts once.
// A persona's link or a panel's: the link says which (openAnyShare).
const load = cache(async (token: string): Promise<Awaited<ReturnType<typeof openAnyShare>> | null> => {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  try {
    return await openAnyShare(token);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
});

type Props = { params: Promise<{ token: string }> };

const PRIVATE = { robots: { index: false, follow: false }, referrer: "no-referrer" } satisfies Metadata;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await load((await params).token);
  if (!shared) return { ...PRIVATE, title: { absolute: "Link not available — Persona Studio" } };
  const title = `${shared.kind === "panel" ? shared.bundle.panel.name : shared.bundle.persona.name} — Persona Studio`;
  const description = shared.kind === "panel"
    ? `A panel of ${shared.bundle.members.length} personas${shared.bundle.panel.description ? `: ${shared.bundle.panel.description.slice(0, 150)}` : ""}`
    : shareDescription(shared.bundle);
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
  const shared = await load(token);
  if (!shared) notFound();
  return shared.kind === "panel" ? <SharedPanelPage bundle={shared.bundle} /> : <SharedPersonaPage bundle={shared.bundle} token={token} />;
}
