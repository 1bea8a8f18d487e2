"use client";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Field, Input, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { str, type TNodeFormProps } from "./form-types";

type TValueType = "text" | "number" | "boolean";
const typeOf = (v: unknown): TValueType => (typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "text");

/** Update attribute: set one profile attribute to a value (text may use Liquid). */
export function AttributeForm({ node, data, errors, onChange }: TNodeFormProps) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const listId = useId();
  const keys = useQuery(trpc.profiles.attributeKeys.queryOptions({ workspaceId: ws.id }));
  const type = typeOf(data.value);
  const setType = (t: TValueType) => onChange({ ...data, value: t === "number" ? Number(data.value) || 0 : t === "boolean" ? true : String(data.value ?? "") });
  return (
    <div className="space-y-4">
      <Field label="Attribute" htmlFor="field-attribute-key" error={errors.key} hint="An existing attribute, or a new one.">
        <Input id="field-attribute-key" data-testid="field-attribute-key" list={listId} value={str(data.key)} invalid={Boolean(errors.key)} placeholder="e.g. loyaltyTier" onChange={(e) => onChange({ ...data, key: e.target.value }, `${node.id}.key`)} />
        <datalist id={listId}>{[...new Set((keys.data ?? []).map((k) => k.key))].map((k) => <option key={k} value={k} />)}</datalist>
      </Field>
      <div className="grid grid-cols-[8rem_1fr] gap-3">
        <Field label="Type" htmlFor="field-attribute-type">
          <Select id="field-attribute-type" data-testid="field-attribute-type" value={type} onChange={(e) => setType(e.target.value as TValueType)}>
            <option value="text">Text</option>
            <option value="number">Number</option>
            <option value="boolean">Yes / no</option>
          </Select>
        </Field>
        <Field label="Value" htmlFor="field-attribute-value" error={errors.value}>
          {type === "boolean" ? (
            <Select id="field-attribute-value" data-testid="field-attribute-value" value={String(data.value)} onChange={(e) => onChange({ ...data, value: e.target.value === "true" })}>
              <option value="true">true</option>
              <option value="false">false</option>
            </Select>
          ) : (
            <Input id="field-attribute-value" data-testid="field-attribute-value" type={type === "number" ? "number" : "text"} value={type === "number" ? (Number.isFinite(data.value) ? String(data.value) : "") : str(data.value)}
              onChange={(e) => onChange({ ...data, value: type === "number" ? Number(e.target.value) : e.target.value }, `${node.id}.value`)} />
          )}
        </Field>
      </div>
    </div>
  );
}
