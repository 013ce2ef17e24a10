"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import {
  activeSeat, addMember, parseSeatId, removeMember, seatId, seatLabel, setSeat, updateMember, type SeatCandidate,
} from "@/components/panels/panel-spec-edit";
import { usePersonas, useVersions } from "@/lib/query/hooks";
import { PANEL_LIMITS, type PanelDetail, type PanelMember, type PanelSpec } from "@/lib/schemas/panel";

type Props = {
  workspaceId: string;
  spec: PanelSpec;
  served: PanelDetail["members"];
  /** Seats to choose from (null until "Spread seats" has listed them). */
  candidates: SeatCandidate[] | null;
  /** Labels for seats the picker may not offer (a saved seat, an imported plan). */
  knownSeats: SeatCandidate[];
  readOnly: boolean;
  onChange: (edit: (spec: PanelSpec) => PanelSpec) => void;
};

/** Members: which persona (a pinned version or the latest), the label, and the seat under the active plan. */
export function MembersCard({ workspaceId, spec, served, candidates, knownSeats, readOnly, onChange }: Props) {
  const personas = usePersonas(workspaceId, { status: "active", sort: "name" });
  const [pick, setPick] = useState("");
  const personaName = (id: string) => personas.data?.find((p) => p.id === id)?.name;
  const full = spec.members.length >= PANEL_LIMITS.members;

  return (
    <Section
      id="members"
      title={`Members (${spec.members.length})`}
      description={<>Seats shown under the <strong>{spec.activePlan}</strong> plan. A member follows its persona&rsquo;s latest saved version unless pinned.</>}
    >
      {spec.members.length === 0 ? (
        <p className="text-sm text-slate-500">No members yet. Add personas of this workspace below.</p>
      ) : (
        <div className="relative -mx-5 overflow-x-auto" tabIndex={0} role="region" aria-label="Members table">
          <table className="w-full min-w-[44rem] text-sm" aria-label="Members">
            <thead>
              <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                <th className="px-5 py-2 font-medium">Member</th>
                <th className="px-2 py-2 font-medium">Version</th>
                <th className="px-2 py-2 font-medium">Label</th>
                <th className="px-2 py-2 font-medium">Seat</th>
                <th className="px-5 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-50">
              {spec.members.map((m) => {
                const s = served.find((x) => x.key === m.key);
                return (
                  <MemberRow
                    key={m.key}
                    workspaceId={workspaceId}
                    member={m}
                    name={s?.name ?? m.label ?? personaName(m.personaId) ?? m.personaId}
                    archetype={s?.archetype}
                    missing={!!s?.missing}
                    spec={spec}
                    candidates={candidates}
                    knownSeats={knownSeats}
                    readOnly={readOnly}
                    onChange={onChange}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly ? (
        <div className="flex flex-wrap items-center gap-2">
          <Select aria-label="Persona to add" value={pick} onChange={(e) => setPick(e.target.value)} className="w-full sm:w-72" disabled={full}>
            <option value="">{personas.isPending ? "Loading personas…" : "Choose a persona…"}</option>
            {(personas.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>{p.name}{p.latestVersion ? ` (v${p.latestVersion})` : " (no versions)"}</option>
            ))}
          </Select>
          <Button
            disabled={!pick || full}
            onClick={() => {
              const p = personas.data?.find((x) => x.id === pick);
              if (!p) return;
              onChange((s) => addMember(s, { personaId: p.id, name: p.name }));
              setPick("");
            }}
          >
            Add member
          </Button>
          {full ? <span className="text-xs text-slate-500">At most {PANEL_LIMITS.members} members.</span> : null}
        </div>
      ) : null}
    </Section>
  );
}

function MemberRow({
  workspaceId, member, name, archetype, missing, spec, candidates, knownSeats, readOnly, onChange,
}: {
  workspaceId: string; member: PanelMember; name: string; archetype?: string; missing: boolean;
  spec: PanelSpec; candidates: SeatCandidate[] | null; knownSeats: SeatCandidate[]; readOnly: boolean; onChange: Props["onChange"];
}) {
  const versions = useVersions(workspaceId, member.personaId);
  const seat = activeSeat(spec, member.key);
  const options = candidates ?? [];
  const seatKnown = !seat || options.some((c) => seatId(c) === seatId(seat));
  const numbers = (versions.data ?? []).map((v) => v.number);
  if (typeof member.version === "number" && !numbers.includes(member.version)) numbers.push(member.version);

  return (
    <tr className="align-top">
      <td className="px-5 py-2.5">
        <p className="font-medium text-slate-900">{name}</p>
        <p className="text-xs text-slate-500"><code>{member.key}</code>{archetype ? ` · ${archetype}` : ""}</p>
        {missing ? <Badge tone="rose" className="mt-1">Persona or version missing</Badge> : null}
      </td>
      <td className="px-2 py-2.5">
        <Select
          aria-label={`Version of ${name}`}
          className="w-28"
          disabled={readOnly}
          value={String(member.version)}
          onChange={(e) => onChange((s) => updateMember(s, member.key, { version: e.target.value === "latest" ? "latest" : Number(e.target.value) }))}
        >
          <option value="latest">latest</option>
          {numbers.sort((a, b) => b - a).map((n) => <option key={n} value={n}>v{n}</option>)}
        </Select>
      </td>
      <td className="px-2 py-2.5">
        <Input
          aria-label={`Label of ${name}`}
          className="w-40"
          disabled={readOnly}
          maxLength={PANEL_LIMITS.label}
          placeholder="Persona's name"
          value={member.label ?? ""}
          onChange={(e) => onChange((s) => updateMember(s, member.key, { label: e.target.value }))}
        />
      </td>
      <td className="px-2 py-2.5">
        <Select
          aria-label={`Seat of ${name}`}
          className="w-56"
          disabled={readOnly}
          value={seat ? seatId(seat) : ""}
          onChange={(e) => onChange((s) => setSeat(s, member.key, parseSeatId(e.target.value)))}
        >
          <option value="">Workspace default</option>
          {!seatKnown && seat ? <option value={seatId(seat)}>{seatLabel(seat, knownSeats)}</option> : null}
          {options.map((c) => <option key={seatId(c)} value={seatId(c)}>{c.label}</option>)}
        </Select>
        {!candidates ? <p className="mt-1 text-[11px] text-slate-500">Spread seats to list every model</p> : null}
      </td>
      <td className="px-5 py-2.5 text-right">
        {!readOnly ? (
          <Button size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={() => onChange((s) => removeMember(s, member.key))}>Remove</Button>
        ) : null}
      </td>
    </tr>
  );
}
