"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, Input } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";

export function CreateWorkspaceForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation(trpc.workspaces.create.mutationOptions({ onSuccess: (ws) => router.push(`/${ws.slug}`) }));
  const errors = fieldErrorsOf(create.error);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name });
      }}
    >
      {create.error && !Object.keys(errors).length && <p role="alert" className="text-sm text-red-600">{create.error.message}</p>}
      <Field label="Workspace name" htmlFor="workspace-name" error={errors.name ?? errors.slug} hint="Usually your company or product. You can rename it later.">
        <Input id="workspace-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Acme Inc." invalid={Boolean(errors.name)} autoFocus />
      </Field>
      <Button type="submit" className="w-full" loading={create.isPending}>Create workspace</Button>
    </form>
  );
}
