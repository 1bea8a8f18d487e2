"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Field, Input, SecretOnceDialog } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";
import { WEBHOOK_EVENT_TYPES, type TWebhookEventType } from "@/server/webhooks/event-types";

export function CreateEndpointDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [types, setTypes] = useState<TWebhookEventType[]>(["message.sent", "message.delivered"]);
  const create = useMutation(trpc.webhooks.create.mutationOptions({ onSuccess: onCreated }));
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setUrl("");
    setDescription("");
    onClose();
  };
  const toggle = (type: TWebhookEventType) => setTypes((t) => (t.includes(type) ? t.filter((x) => x !== type) : [...t, type]));
  return (
    <SecretOnceDialog
      open={open}
      onClose={close}
      title="Add a webhook endpoint"
      secretTitle="Copy the signing secret"
      secretDescription="This is the only time the secret is shown (an admin can reveal or rotate it later). Verify each request's webhook-signature with it."
      secret={create.data ? { value: create.data.secret, label: `Signing secret of ${create.data.url}` } : null}
      formId="create-endpoint-form"
      submitLabel="Add endpoint"
      pending={create.isPending}
    >
      <form
        id="create-endpoint-form"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ workspaceId: workspace.id, url, description, eventTypes: types });
        }}
      >
        <Field label="URL" htmlFor="endpoint-url" error={errors.url} hint="A public https URL; private and internal addresses are refused.">
          <Input id="endpoint-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/parcours-webhooks" invalid={Boolean(errors.url)} />
        </Field>
        <Field label="Description" htmlFor="endpoint-description" error={errors.description}>
          <Input id="endpoint-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Events</legend>
          {errors.eventTypes && <p className="mt-1 text-sm text-red-600">{errors.eventTypes}</p>}
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-zinc-700">
                <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} /> <span className="font-mono text-xs">{type}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>
    </SecretOnceDialog>
  );
}
