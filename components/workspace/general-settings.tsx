"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, Input } from "@/components/ui";
import { useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";
import { useWorkspace } from "./workspace-context";

export function GeneralSettings() {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [slug, setSlug] = useState(workspace.slug);
  const editable = workspace.can("workspace.update");
  const update = useMutation(
    trpc.workspaces.update.mutationOptions({
      onSuccess: async (ws) => {
        toast.success("Workspace saved");
        await queryClient.invalidateQueries();
        if (ws.slug !== workspace.slug) router.replace(`/${ws.slug}/settings`);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);
  const dirty = name !== workspace.name || slug !== workspace.slug;
  return (
    <Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ workspaceId: workspace.id, name, slug });
        }}
      >
        <CardHeader title="Workspace" description={editable ? "The name your team sees and the address of its pages." : "Only admins can change these settings."} />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" htmlFor="ws-name" error={errors.name}>
            <Input id="ws-name" value={name} onChange={(e) => setName(e.target.value)} disabled={!editable} invalid={Boolean(errors.name)} />
          </Field>
          <Field label="URL slug" htmlFor="ws-slug" error={errors.slug} hint={`Pages live at /${slug || "…"}`}>
            <Input id="ws-slug" value={slug} onChange={(e) => setSlug(e.target.value)} disabled={!editable} invalid={Boolean(errors.slug)} />
          </Field>
        </CardBody>
        {editable && (
          <CardFooter>
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              Save changes
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}
