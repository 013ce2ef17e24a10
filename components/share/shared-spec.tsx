import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { PageSection } from "@/components/share/page-section";
import { traitNamer } from "@/components/share/trait-name";
import type { ShareBundle } from "@/lib/schemas/share";
import { findTrait } from "@/lib/traits/catalog";

// The spec of the shared version, field by field, in the words the editor
// uses. Designer notes are not in the bundle, so they cannot appear here.

type Spec = ShareBundle["spec"];

export function SharedSpec({ spec, reportRows }: { spec: Spec; reportRows?: readonly { key: string; name: string }[] }) {
  const nameOf = traitNamer(reportRows);
  const targets = Object.entries(spec.traitTargets).sort(([, a], [, b]) => b - a);
  return (
    <PageSection id="persona" title="The persona" description="The spec this version was saved with.">
      <Card>
        <dl className="divide-y divide-slate-100">
          <Row label="Name">{spec.name}</Row>
          <Row label="Character type">{spec.archetype ? <span className="font-medium text-slate-900">{spec.archetype}</span> : <None />}</Row>
          <Row label="Background">{spec.background ? <p className="whitespace-pre-wrap">{spec.background}</p> : <None />}</Row>
          <Row label="Values"><Bullets items={spec.values} /></Row>
          <Row label="Voice">
            <span className="capitalize">{spec.voice.register}</span> register · {spec.voice.length} answers
            {spec.voice.tone ? <span className="block text-slate-600">Tone: {spec.voice.tone}</span> : null}
          </Row>
          <Row label="Boundaries"><Bullets items={spec.boundaries} /></Row>
          <Row label="Trait targets">
            {targets.length ? (
              <ul className="space-y-3" aria-label="Trait targets">
                {targets.map(([key, value]) => <TargetBar key={key} name={nameOf(key)} description={findTrait(key)?.description} value={value} />)}
              </ul>
            ) : <None />}
          </Row>
          <Row label="Example exchanges">
            {spec.examples.length ? (
              <ol className="space-y-3">
                {spec.examples.map((ex, i) => (
                  <li key={i} className="space-y-1.5 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5">
                    <p className="whitespace-pre-wrap"><span className="font-medium text-slate-900">User: </span>{ex.user}</p>
                    <p className="whitespace-pre-wrap"><span className="font-medium text-brand-700">{spec.name}: </span>{ex.assistant}</p>
                  </li>
                ))}
              </ol>
            ) : <None />}
          </Row>
          <Row label="Sample messages">
            {spec.sampleMessages.length ? (
              <ol className="list-decimal space-y-1 pl-5 marker:text-slate-400 marker:tabular-nums">
                {spec.sampleMessages.map((m, i) => <li key={i} className="whitespace-pre-wrap">{m}</li>)}
              </ol>
            ) : <None />}
          </Row>
        </dl>
      </Card>
    </PageSection>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-5 py-3.5 text-sm sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-6">
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-700">{children}</dd>
    </div>
  );
}

const None = () => <span className="text-slate-500">—</span>;

function Bullets({ items }: { items: string[] }) {
  if (!items.length) return <None />;
  return <ul className="list-disc space-y-1 pl-5 marker:text-slate-300">{items.map((v, i) => <li key={i}>{v}</li>)}</ul>;
}

/** Target 0–100 on a track, with the midpoint (no preference) marked. */
function TargetBar({ name, description, value }: { name: string; description?: string; value: number }) {
  return (
    <li>
      <div className="flex items-baseline justify-between gap-3">
        <span className="font-medium text-slate-900">{name}</span>
        <span className="tabular-nums text-slate-600">{value}</span>
      </div>
      <div className="relative mt-1 h-1.5 rounded-full bg-slate-100" role="img" aria-label={`${name}: target ${value} of 100`}>
        <div className="absolute inset-y-0 left-0 rounded-full bg-brand-600" style={{ width: `${value}%` }} />
        <div className="absolute -top-0.5 h-2.5 w-px bg-slate-300" style={{ left: "50%" }} aria-hidden />
      </div>
      {description ? <p className="mt-1 text-xs text-slate-500">{description}</p> : null}
    </li>
  );
}
