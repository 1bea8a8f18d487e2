"use client";
import { useId, useState } from "react";
import { Input, Select } from "@/components/ui";
import type { TAttributeRule } from "@/server/audiences/rules";
import { OP_LABELS, OPS_BY_TYPE, parseValue, type TAttributeOp, type TValueType } from "./rule-draft";

export interface TAttributeKey {
  key: string;
  type: TValueType;
}

/** One attribute condition: key, an operator fitting the key's type, and typed value inputs. */
export function AttributeRuleRow({ rule, keys, onChange }: { rule: TAttributeRule; keys: TAttributeKey[]; onChange: (rule: TAttributeRule) => void }) {
  const listId = useId();
  const type = keys.find((k) => k.key === rule.key)?.type ?? "string";
  const ops = OPS_BY_TYPE[type];
  const setKey = (key: string) => {
    const nextType = keys.find((k) => k.key === key)?.type ?? "string";
    const op = OPS_BY_TYPE[nextType].includes(rule.op) ? rule.op : OPS_BY_TYPE[nextType][0]!;
    onChange({ ...rule, key, op, value: undefined, values: undefined, to: undefined });
  };
  const setOp = (op: TAttributeOp) => onChange({ ...rule, op, value: undefined, values: undefined, to: undefined });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input aria-label="Attribute" placeholder="attribute" list={listId} value={rule.key} onChange={(e) => setKey(e.target.value)} className="w-44" />
      <datalist id={listId}>{keys.map((k) => <option key={k.key} value={k.key}>{k.type}</option>)}</datalist>
      <Select aria-label="Operator" value={ops.includes(rule.op) ? rule.op : ""} onChange={(e) => setOp(e.target.value as TAttributeOp)} wrapperClassName="w-44">
        {!ops.includes(rule.op) && <option value="">choose…</option>}
        {ops.map((op) => <option key={op} value={op}>{OP_LABELS[op]}</option>)}
      </Select>
      <ValueInputs key={`${rule.op}:${type}`} rule={rule} type={type} onChange={onChange} />
    </div>
  );
}

function ValueInputs({ rule, type, onChange }: { rule: TAttributeRule; type: TValueType; onChange: (rule: TAttributeRule) => void }) {
  const [raw, setRaw] = useState(rule.op === "one_of" ? (rule.values ?? []).join(", ") : rule.value === undefined ? "" : String(rule.value));
  const [rawTo, setRawTo] = useState(rule.to === undefined ? "" : String(rule.to));
  const inputType = type === "number" ? "number" : type === "date" && rule.op !== "within_last_days" ? "date" : "text";
  switch (rule.op) {
    case "exists":
    case "not_exists":
      return null;
    case "one_of":
      return (
        <Input aria-label="Values" placeholder="comma-separated values" className="min-w-56 flex-1" value={raw}
          onChange={(e) => (setRaw(e.target.value), onChange({ ...rule, values: e.target.value.split(",").map((v) => parseValue(v, type)).filter((v) => v !== undefined) }))} />
      );
    case "between":
      return (
        <span className="flex items-center gap-2 text-sm text-zinc-500">
          <Input aria-label="From" type="number" className="w-28" value={raw} onChange={(e) => (setRaw(e.target.value), onChange({ ...rule, value: parseValue(e.target.value, "number") }))} />
          and
          <Input aria-label="To" type="number" className="w-28" value={rawTo} onChange={(e) => (setRawTo(e.target.value), onChange({ ...rule, to: parseValue(e.target.value, "number") }))} />
        </span>
      );
    case "within_last_days":
      return (
        <span className="flex items-center gap-2 text-sm text-zinc-500">
          <Input aria-label="Days" type="number" min={1} className="w-24" value={raw} onChange={(e) => (setRaw(e.target.value), onChange({ ...rule, value: parseValue(e.target.value, "number") }))} />
          days
        </span>
      );
  }
  if (type === "boolean") {
    return (
      <Select aria-label="Value" value={rule.value === undefined ? "" : String(rule.value)} onChange={(e) => onChange({ ...rule, value: parseValue(e.target.value, "boolean") })} wrapperClassName="w-28">
        <option value="">choose…</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </Select>
    );
  }
  return (
    <Input aria-label="Value" type={inputType} className="w-48" value={raw} placeholder="value"
      onChange={(e) => (setRaw(e.target.value), onChange({ ...rule, value: parseValue(e.target.value, type === "date" ? "string" : type) }))} />
  );
}
