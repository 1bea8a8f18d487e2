"use client";
import { Layers, Plus, Trash2, UsersRound, Zap } from "lucide-react";
import { Button, Select } from "@/components/ui";
import { cn } from "@/lib/cn";
import type { TRule, TRuleGroup } from "@/server/audiences/rules";
import { AttributeRuleRow, type TAttributeKey } from "./attribute-rule-row";
import { EventRuleRow } from "./event-rule-row";
import { MembershipRuleRow, type TAudienceOption } from "./membership-rule-row";
import { newAttributeRule, newEventRule, newGroup, newMembershipRule, uidOf } from "./rule-draft";

export interface TBuilderOptions {
  keys: TAttributeKey[];
  eventNames: string[];
  audiences: TAudienceOption[];
}

const MAX_DEPTH = 3;

/** An AND/OR group of rules, nested groups included. */
export function RuleGroupEditor({ group, options, onChange, onRemove, depth = 0 }: { group: TRuleGroup; options: TBuilderOptions; onChange: (g: TRuleGroup) => void; onRemove?: () => void; depth?: number }) {
  const setRule = (index: number, rule: TRule) => onChange({ ...group, rules: group.rules.map((r, i) => (i === index ? rule : r)) });
  const removeRule = (index: number) => onChange({ ...group, rules: group.rules.filter((_, i) => i !== index) });
  const add = (rule: TRule) => onChange({ ...group, rules: [...group.rules, rule] });
  const joiner = group.combinator === "and" ? "AND" : "OR";
  return (
    <div className={cn("space-y-3", depth > 0 && "rounded-xl border border-dashed border-zinc-300 bg-zinc-50/60 p-3")} data-testid={depth === 0 ? "rule-root" : "rule-group"}>
      <div className="flex items-center justify-between gap-2">
        <div className="flex items-center gap-2 text-sm text-zinc-600">
          <span>Match</span>
          <Select aria-label={depth === 0 ? "Match" : "Group match"} value={group.combinator} onChange={(e) => onChange({ ...group, combinator: e.target.value as "and" | "or" })} wrapperClassName="w-24">
            <option value="and">all</option>
            <option value="or">any</option>
          </Select>
          <span>of these conditions</span>
        </div>
        {onRemove && <Button size="sm" variant="ghost" onClick={onRemove} aria-label="Remove group"><Trash2 className="size-4" /></Button>}
      </div>
      {group.rules.length === 0 && <p className="rounded-lg bg-white px-3 py-4 text-sm text-zinc-500 ring-1 ring-zinc-200">No conditions: {depth === 0 ? "everyone in the workspace matches" : "this group matches everyone"}. Add one below.</p>}
      {group.rules.map((rule, index) => (
        <div key={uidOf(rule) || index}>
          {index > 0 && <div className="mb-2 ml-3 text-[11px] font-semibold tracking-wide text-brand-700">{joiner}</div>}
          {rule.kind === "group" ? (
            <RuleGroupEditor group={rule} options={options} depth={depth + 1} onChange={(g) => setRule(index, g)} onRemove={() => removeRule(index)} />
          ) : (
            <div className="flex items-start gap-2 rounded-lg bg-white p-2.5 shadow-sm ring-1 ring-zinc-200" data-testid="rule-row">
              <div className="min-w-0 flex-1">
                {rule.kind === "attribute" && <AttributeRuleRow rule={rule} keys={options.keys} onChange={(r) => setRule(index, r)} />}
                {rule.kind === "event" && <EventRuleRow rule={rule} eventNames={options.eventNames} onChange={(r) => setRule(index, r)} />}
                {rule.kind === "membership" && <MembershipRuleRow rule={rule} audiences={options.audiences} onChange={(r) => setRule(index, r)} />}
              </div>
              <Button size="sm" variant="ghost" onClick={() => removeRule(index)} aria-label="Remove condition"><Trash2 className="size-4" /></Button>
            </div>
          )}
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={() => add(newAttributeRule())}><Plus className="size-3.5" /> Attribute</Button>
        <Button size="sm" variant="secondary" onClick={() => add(newEventRule())}><Zap className="size-3.5" /> Event</Button>
        <Button size="sm" variant="secondary" onClick={() => add(newMembershipRule())}><UsersRound className="size-3.5" /> Audience or list</Button>
        {depth < MAX_DEPTH && <Button size="sm" variant="secondary" onClick={() => add(newGroup(group.combinator === "and" ? "or" : "and", [newAttributeRule()]))}><Layers className="size-3.5" /> Group</Button>}
      </div>
    </div>
  );
}
