import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="max-w-sm text-sm text-slate-500">This page does not exist, or it belongs to a workspace you are not a member of.</p>
      <Link href="/" className="mt-2 text-sm font-medium text-brand-600 hover:text-brand-700">Go to your workspace →</Link>
    </main>
  );
}
