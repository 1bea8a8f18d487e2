"use client";
import { Select } from "@/components/ui";
import type { TMembershipRule } from "@/server/audiences/rules";

export interface TAudienceOption {
  id: string;
  name: string;
  kind: string;
}

/** In / not in another saved audience or list. */
export function MembershipRuleRow({ rule, audiences, onChange }: { rule: TMembershipRule; audiences: TAudienceOption[]; onChange: (rule: TMembershipRule) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label="Membership" value={rule.member ? "in" : "not_in"} onChange={(e) => onChange({ ...rule, member: e.target.value === "in" })} wrapperClassName="w-28">
        <option value="in">is in</option>
        <option value="not_in">is not in</option>
      </Select>
      <Select aria-label="Audience" value={rule.audienceId} onChange={(e) => onChange({ ...rule, audienceId: e.target.value })} wrapperClassName="min-w-64">
        <option value="">choose an audience or list…</option>
        {audiences.map((a) => <option key={a.id} value={a.id}>{a.name} {a.kind === "list" ? "(list)" : ""}</option>)}
      </Select>
    </div>
  );
}
