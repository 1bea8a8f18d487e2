"use client";
import { Field, Select } from "@/components/ui";
import { AudiencePicker } from "./audience-picker";
import { str, type TNodeFormProps } from "./form-types";

/** List update: add the profile to a static list, or remove it. */
export function ListForm({ data, lookups, errors, onChange }: TNodeFormProps) {
  return (
    <div className="space-y-4">
      <Field label="Action" htmlFor="field-list-action">
        <Select id="field-list-action" data-testid="field-list-action" value={str(data.action) || "add"} onChange={(e) => onChange({ ...data, action: e.target.value })}>
          <option value="add">Add to the list</option>
          <option value="remove">Remove from the list</option>
        </Select>
      </Field>
      <AudiencePicker label="List" testId="field-list" only="list" audiences={lookups.audiences} value={str(data.listId)} onChange={(listId) => onChange({ ...data, listId })} error={errors.listId} />
    </div>
  );
}
