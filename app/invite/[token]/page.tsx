import Link from "next/link";
import { InviteResponse } from "@/components/inbox/invite-response";
import { SkipLink } from "@/components/ui/skip-link";
import { currentSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation" };

// /invite/{token}: the link in an invitation mail. Signed out, it sends the
// visitor to sign in or sign up and back here; signed in, it shows the
// invitation and lets the invited account accept or decline.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await currentSession();
  const back = encodeURIComponent(`/invite/${token}`);
  return (
    <div className="min-h-screen bg-slate-50">
      <SkipLink />
      <header className="flex items-center gap-2.5 px-6 py-5 text-[15px] font-semibold">
        <img src="/icon.svg" alt="" className="h-7 w-7" /> Persona Studio
      </header>
      <main id="main" tabIndex={-1} className="flex justify-center px-4 pb-16 pt-6 focus:outline-none sm:pt-12">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {session ? (
            <InviteResponse token={token} signedInAs={session.user.email} />
          ) : (
            <div className="space-y-4">
              <h1 className="text-xl font-semibold tracking-tight">You have been invited to a workspace</h1>
              <p className="text-sm text-slate-600">
                Sign in with the email address the invitation was sent to — or create an account with it — to see who invited you and to accept or decline.
              </p>
              <div className="flex flex-wrap gap-2">
                <Link href={`/sign-in?next=${back}`} className="inline-flex items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">Sign in</Link>
                <Link href={`/sign-up?next=${back}`} className="inline-flex items-center rounded-md px-3 py-2 text-sm font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Create an account</Link>
              </div>
            </div>
          )}
        </div>
      </main>
    </div>
  );
}
