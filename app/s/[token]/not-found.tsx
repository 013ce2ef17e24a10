import Link from "next/link";

// One answer for every way a link can fail (never existed, expired, revoked,
// its persona deleted), so the page tells a visitor nothing about which.

export default function ShareNotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">Persona Studio · shared link</p>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">This link is not available</h1>
      <p className="max-w-sm text-sm text-slate-500">
        This link does not exist, has expired or was revoked. Ask the person who shared it for a new one.
      </p>
      <Link href="/" className="mt-4 text-xs font-medium text-slate-500 hover:text-slate-700">Made with Persona Studio</Link>
    </main>
  );
}
