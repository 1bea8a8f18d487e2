"use client";
import { Field, Input, Select, Textarea } from "@/components/ui";
import { str, type TNodeFormProps } from "./form-types";

/** Call webhook: an HTTP request with an optional body (Liquid personalises it). */
export function WebhookForm({ node, data, errors, onChange }: TNodeFormProps) {
  const method = str(data.method) || "POST";
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-[6.5rem_1fr] gap-3">
        <Field label="Method" htmlFor="field-webhook-method" error={errors.method}>
          <Select id="field-webhook-method" data-testid="field-webhook-method" value={method} onChange={(e) => onChange({ ...data, method: e.target.value })}>
            {["POST", "PUT", "GET"].map((m) => <option key={m}>{m}</option>)}
          </Select>
        </Field>
        <Field label="URL" htmlFor="field-webhook-url" error={errors.url}>
          <Input id="field-webhook-url" data-testid="field-webhook-url" type="url" placeholder="https://example.com/hooks/journey" value={str(data.url)} invalid={Boolean(errors.url)} onChange={(e) => onChange({ ...data, url: e.target.value }, `${node.id}.url`)} />
        </Field>
      </div>
      {method !== "GET" && (
        <Field label="Body" htmlFor="field-webhook-body" error={errors.body} hint={<>JSON or text; tags such as <code>{"{{ profile.email }}"}</code> are personalised.</>}>
          <Textarea id="field-webhook-body" data-testid="field-webhook-body" rows={6} className="font-mono text-xs" value={str(data.body)} onChange={(e) => onChange({ ...data, body: e.target.value }, `${node.id}.body`)} placeholder={'{ "email": "{{ profile.email }}" }'} />
        </Field>
      )}
    </div>
  );
}
