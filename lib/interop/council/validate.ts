import { memberKey, type CouncilMember } from "@/lib/interop/council/member";
import type { SeatPlan } from "@/lib/interop/council/seat-plan";
import { COUNCIL_LIMITS, type CouncilIssue, type Seat } from "@/lib/schemas/council";

// A whole council: the member files together, and optionally a seat plan.
//
// - Members are known by key (name without "council-"); two files with one key is an error.
// - polarity_pairs name other members' keys. A pair naming a member not in the
//   set is an error by default. The project's own files name partners across its
//   18 members (Socrates lists feynman and watts), so importing a subset of them
//   needs `externalPairs: "warning"`.
// - Pairs are undirected: Socrates → feynman and Feynman → socrates are one pair.
// - triads name triad *domains* ("ethics"), not members, as in the project; the
//   members naming the same domain form that triad. A triad with fewer than three
//   members in the set is a warning (part of it was left out).
// - A seat for a member not in the set is an error. A member with no seat uses
//   the plan's fallback (a warning says so), or has no seat (a warning too).
// - strategy.avoid_pair_collocation: a polarity pair on the same provider is a
//   warning (the project never seats a pair on one provider), not an error.
// - strategy.provider_spread_first: seats per provider differing by more than one
//   is a warning.

export type CouncilValidation = {
  ok: boolean;
  errors: CouncilIssue[];
  warnings: CouncilIssue[];
  /** Member keys in file order. */
  members: string[];
  /** Undirected polarity pairs between members of the set, each [a, b] with a < b, sorted. */
  pairs: [string, string][];
  /** Triad domain → member keys (in member order), for domains at least one member names. */
  triads: Record<string, string[]>;
  /** Member key → its seat (the plan's seat, or the fallback), when a plan was given. */
  seats: Record<string, Seat & { fallback?: boolean }>;
};

export type CouncilValidationOptions = {
  /** How to treat a polarity pair naming a member outside the set; default "error". */
  externalPairs?: "error" | "warning";
};

export function validateCouncil(members: readonly CouncilMember[], plan?: SeatPlan | null, options: CouncilValidationOptions = {}): CouncilValidation {
  const errors: CouncilIssue[] = [];
  const warnings: CouncilIssue[] = [];
  const fileOf = (m: CouncilMember) => (m.fileName ? { file: m.fileName } : {});
  const planFile = plan?.fileName ? { file: plan.fileName } : {};

  if (members.length > COUNCIL_LIMITS.members) {
    errors.push({ field: "members", message: `A council has at most ${COUNCIL_LIMITS.members} members; this one has ${members.length}` });
  }
  const byKey = new Map<string, CouncilMember>();
  for (const m of members) {
    const key = memberKey(m);
    const earlier = byKey.get(key);
    if (earlier) {
      errors.push({ ...fileOf(m), field: "name", message: `Two members are called "${key}"${earlier.fileName ? ` (also ${earlier.fileName})` : ""}` });
    } else byKey.set(key, m);
  }
  const keys = [...byKey.keys()];

  const pairSet = new Map<string, [string, string]>();
  for (const m of members) {
    const key = memberKey(m);
    (m.frontMatter.council.polarity_pairs ?? []).forEach((raw, i) => {
      const other = memberKey(raw);
      const field = `council.polarity_pairs.${i}`;
      if (other === key) {
        errors.push({ ...fileOf(m), field, message: `${key} is listed as its own polarity pair` });
      } else if (!byKey.has(other)) {
        const issue = { ...fileOf(m), field, message: `${key}'s polarity pair "${raw}" is not a member of this council` };
        (options.externalPairs === "warning" ? warnings : errors).push(issue);
      } else {
        const pair: [string, string] = key < other ? [key, other] : [other, key];
        pairSet.set(pair.join("\u0000"), pair);
      }
    });
  }
  const pairs = [...pairSet.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));

  const triads: Record<string, string[]> = {};
  for (const key of keys) {
    for (const domain of byKey.get(key)!.frontMatter.council.triads ?? []) {
      const list = (triads[domain] ??= []);
      if (!list.includes(key)) list.push(key);
    }
  }
  for (const [domain, list] of Object.entries(triads)) {
    if (list.length < 3) {
      warnings.push({ field: `triads.${domain}`, message: `Triad "${domain}" has ${list.length} of its members in this council (${list.join(", ")})` });
    }
  }

  const seats: CouncilValidation["seats"] = {};
  if (plan) {
    const data = plan.data;
    for (const seatKey of Object.keys(data.seats)) {
      if (!byKey.has(memberKey(seatKey))) {
        errors.push({ ...planFile, field: `seats.${seatKey}`, message: `The seat plan seats "${seatKey}", who is not a member of this council` });
      }
    }
    for (const key of keys) {
      const seat = data.seats[key] ?? data.seats[`council-${key}`];
      if (seat) seats[key] = seat;
      else if (data.fallback) {
        seats[key] = { ...data.fallback, fallback: true };
        warnings.push({ ...planFile, field: `seats.${key}`, message: `${key} has no seat; it sits on the fallback (${data.fallback.provider} / ${data.fallback.model})` });
      } else warnings.push({ ...planFile, field: `seats.${key}`, message: `${key} has no seat and the plan has no fallback` });
    }
    if (data.strategy?.avoid_pair_collocation) {
      for (const [a, b] of pairs) {
        const sa = seats[a];
        const sb = seats[b];
        if (!sa || !sb || sa.provider !== sb.provider) continue;
        const where = sa.model === sb.model ? `${sa.provider} / ${sa.model}` : `${sa.provider} (${sa.model} and ${sb.model})`;
        warnings.push({ ...planFile, field: `seats.${b}`, message: `Polarity pair ${a} and ${b} both sit on ${where}, although the strategy avoids pair collocation` });
      }
    }
    if (data.strategy?.provider_spread_first) {
      const counts = new Map<string, number>();
      for (const seat of Object.values(seats)) counts.set(seat.provider, (counts.get(seat.provider) ?? 0) + 1);
      const values = [...counts.values()];
      if (values.length > 1 && Math.max(...values) - Math.min(...values) > 1) {
        const spread = [...counts].map(([p, n]) => `${p} ${n}`).join(", ");
        warnings.push({ ...planFile, field: "strategy.provider_spread_first", message: `Seats are not spread evenly across providers (${spread})` });
      }
    }
  }
  return { ok: errors.length === 0, errors, warnings, members: keys, pairs, triads, seats };
}
