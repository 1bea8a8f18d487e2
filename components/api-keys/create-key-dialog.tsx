"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Field, Input, SecretOnceDialog, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";

const KIND_HINTS = {
  write: "For apps and websites sending profiles and events (ingestion only). Safe to ship in a client.",
  secret: "For your servers: API-triggered campaigns, profiles. Never put it in a browser or an app.",
} as const;

export function CreateKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"write" | "secret">("write");
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: onCreated }));
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setName("");
    onClose();
  };
  return (
    <SecretOnceDialog
      open={open}
      onClose={close}
      title="Create an API key"
      secretTitle="Copy your new key"
      secretDescription="This is the only time the key is shown. Store it somewhere safe."
      secret={create.data ? { value: create.data.key, label: `${create.data.name} (${create.data.kind} key)` } : null}
      formId="create-key-form"
      submitLabel="Create key"
      pending={create.isPending}
    >
      <form
        id="create-key-form"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ workspaceId: workspace.id, name, kind });
        }}
      >
        <Field label="Name" htmlFor="key-name" error={errors.name} hint="Where it is used, e.g. “Website” or “Billing service”">
          <Input id="key-name" value={name} onChange={(e) => setName(e.target.value)} invalid={Boolean(errors.name)} />
        </Field>
        <Field label="Kind" htmlFor="key-kind" hint={KIND_HINTS[kind]}>
          <Select id="key-kind" value={kind} onChange={(e) => setKind(e.target.value as "write" | "secret")}>
            <option value="write">Write key</option>
            <option value="secret">Secret key</option>
          </Select>
        </Field>
      </form>
    </SecretOnceDialog>
  );
}
