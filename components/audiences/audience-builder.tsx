"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Card, CardBody, CardHeader, Field, FormAlert, Input, Textarea, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import type { TRuleGroup } from "@/server/audiences/rules";
import { AudiencePreview } from "./audience-preview";
import { newAttributeRule, newGroup, withUids } from "./rule-draft";
import { RuleGroupEditor } from "./rule-group-editor";
import { useBuilderOptions } from "./use-builder-options";

export interface TSavedRulesAudience {
  id: string;
  name: string;
  description: string | null;
  rules: TRuleGroup;
}

/** Name, rules and a live count: creates a rules audience, or edits one. */
export function AudienceBuilder({ audience }: { audience?: TSavedRulesAudience }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const options = useBuilderOptions(audience?.id);
  const [name, setName] = useState(audience?.name ?? "");
  const [description, setDescription] = useState(audience?.description ?? "");
  const [rules, setRules] = useState<TRuleGroup>(() => (audience ? withUids(audience.rules) : newGroup("and", [newAttributeRule()])));
  const onSuccess = (saved: { id: string }) => {
    toast.success(audience ? "Audience saved" : "Audience created");
    void queryClient.invalidateQueries({ queryKey: trpc.audiences.pathKey() });
    if (!audience) router.push(`/${ws.slug}/audiences/${saved.id}`);
  };
  const create = useMutation(trpc.audiences.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.audiences.update.mutationOptions({ onSuccess }));
  const save = audience ? update : create;
  const errors = fieldErrorsOf(save.error);
  const canEdit = ws.can("audiences.manage");
  const submit = () => {
    const input = { kind: "rules" as const, name, description: description || undefined, rules };
    if (audience) update.mutate({ workspaceId: ws.id, audienceId: audience.id, audience: input });
    else create.mutate({ workspaceId: ws.id, audience: input });
  };
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
      <div className="space-y-6">
        <Card>
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" htmlFor="audience-name" error={errors["audience.name"] ?? errors.name}>
              <Input id="audience-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. West coast millennials" disabled={!canEdit} />
            </Field>
            <Field label="Description" htmlFor="audience-description" hint="Optional: who this is for.">
              <Textarea id="audience-description" rows={1} className="min-h-9" value={description} onChange={(e) => setDescription(e.target.value)} disabled={!canEdit} />
            </Field>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Conditions" description="Attributes, behaviour (events) and membership of other audiences, combined with AND / OR groups." />
          <CardBody>
            <fieldset disabled={!canEdit} className="min-w-0">
              <RuleGroupEditor group={rules} options={options} onChange={setRules} />
            </fieldset>
          </CardBody>
        </Card>
        {save.error && <FormAlert>{messageOf(save.error)}</FormAlert>}
        {canEdit && (
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => router.push(`/${ws.slug}/audiences`)}>Cancel</Button>
            <Button onClick={submit} disabled={save.isPending}>{save.isPending ? "Saving…" : audience ? "Save audience" : "Create audience"}</Button>
          </div>
        )}
      </div>
      <AudiencePreview rules={rules} />
    </div>
  );
}
