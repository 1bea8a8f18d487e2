"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, Input, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";

/** How many days the workspace keeps finished workflow runs (1-365); admins change it. */
export function RunRetentionCard() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const setting = useQuery(trpc.runs.retention.queryOptions({ workspaceId: ws.id }));
  const [days, setDays] = useState("");
  useEffect(() => {
    if (setting.data) setDays(String(setting.data.days));
  }, [setting.data]);
  const save = useMutation(
    trpc.runs.setRetention.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Finished runs are kept ${r.days} days`);
        void queryClient.invalidateQueries({ queryKey: trpc.runs.retention.queryKey({ workspaceId: ws.id }) });
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const editable = ws.can("workspace.update");
  return (
    <Card className="mt-6">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ workspaceId: ws.id, days: Number(days) });
        }}
      >
        <CardHeader title="Workflow runs" description="Completed, failed and cancelled runs are deleted with their timeline after this many days, every night. Running runs are kept." />
        <CardBody>
          <Field label="Keep finished runs (days)" htmlFor="run-retention-days" error={errors.days} hint="From 1 to 365 days." className="w-64">
            <Input id="run-retention-days" type="number" min={1} max={365} step={1} value={days} onChange={(e) => setDays(e.target.value)} disabled={!editable || setting.isLoading} invalid={Boolean(errors.days)} />
          </Field>
          {!editable && <p className="mt-2 text-xs text-zinc-500">Only admins can change this.</p>}
        </CardBody>
        {editable && (
          <CardFooter>
            <Button type="submit" loading={save.isPending} disabled={String(setting.data?.days ?? "") === days}>
              Save
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}
