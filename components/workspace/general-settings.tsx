"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { getCountries } from "libphonenumber-js/min";
import { useMemo, useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, Input, Select } from "@/components/ui";
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
  const [country, setCountry] = useState(workspace.defaultCountry);
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    return getCountries().map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
  }, []);
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
  const dirty = name !== workspace.name || slug !== workspace.slug || country !== workspace.defaultCountry;
  return (
    <Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ workspaceId: workspace.id, name, slug, defaultCountry: country });
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
          <Field label="Country of phone numbers" htmlFor="ws-country" error={errors.defaultCountry} hint="Numbers written without a country code, e.g. (555) 060-0099, are read as this country's; all are stored as +15550600099.">
            <Select id="ws-country" data-testid="ws-country" value={country} onChange={(e) => setCountry(e.target.value)} disabled={!editable}>
              {countries.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.code})</option>)}
            </Select>
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
