"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, Input, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";

/** Workspace-wide marketing rules: frequency cap and quiet hours (transactional messages skip both). */
export function SendingRulesCard() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.channels.settings.queryOptions({ workspaceId: ws.id }));
  const [cap, setCap] = useState({ on: false, max: "3", hours: "24" });
  const [quiet, setQuiet] = useState({ on: false, start: "21:00", end: "08:00" });
  const [zone, setZone] = useState("UTC");
  useEffect(() => {
    if (!current.data) return;
    const d = current.data;
    setCap({ on: Boolean(d.frequencyCap), max: String(d.frequencyCap?.max ?? 3), hours: String(d.frequencyCap?.hours ?? 24) });
    setQuiet({ on: Boolean(d.quietHours), start: d.quietHours?.start ?? "21:00", end: d.quietHours?.end ?? "08:00" });
    setZone(d.defaultTimezone);
  }, [current.data]);
  const save = useMutation(trpc.channels.updateSettings.mutationOptions({ onSuccess: () => (toast.success("Sending rules saved"), queryClient.invalidateQueries({ queryKey: trpc.channels.settings.queryKey() })) }));
  const errors = fieldErrorsOf(save.error);
  const canManage = ws.can("channels.manage");
  const submit = () =>
    save.mutate({
      workspaceId: ws.id,
      settings: { frequencyCap: cap.on ? { max: Number(cap.max), hours: Number(cap.hours) } : null, quietHours: quiet.on ? { start: quiet.start, end: quiet.end } : null, defaultTimezone: zone },
    });
  return (
    <Card>
      <CardHeader title="Sending rules" description="Apply to marketing messages from campaigns and journeys; transactional messages skip them. Suppressed addresses never receive anything." />
      <CardBody>
        <fieldset disabled={!canManage} className="grid gap-6 md:grid-cols-3">
          <div className="space-y-3">
            <label className="flex items-center gap-2 text-sm font-medium text-zinc-800"><input type="checkbox" checked={cap.on} onChange={(e) => setCap({ ...cap, on: e.target.checked })} className="size-4" /> Frequency cap</label>
            <div className="flex items-center gap-2 text-sm whitespace-nowrap text-zinc-600">
              at most <Input aria-label="Messages" type="number" min={1} className="w-20" value={cap.max} disabled={!cap.on} onChange={(e) => setCap({ ...cap, max: e.target.value })} />
              per <Input aria-label="Hours" type="number" min={1} className="w-20" value={cap.hours} disabled={!cap.on} onChange={(e) => setCap({ ...cap, hours: e.target.value })} /> hours
            </div>
            {(errors["settings.frequencyCap.max"] ?? errors["settings.frequencyCap.hours"]) && <p role="alert" className="text-xs text-red-600">{errors["settings.frequencyCap.max"] ?? errors["settings.frequencyCap.hours"]}</p>}
          </div>
          <div className="space-y-3">
            <label className="flex items-center gap-2 text-sm font-medium text-zinc-800"><input type="checkbox" checked={quiet.on} onChange={(e) => setQuiet({ ...quiet, on: e.target.checked })} className="size-4" /> Quiet hours (profile&apos;s time zone)</label>
            <div className="flex items-center gap-2 text-sm text-zinc-600">
              from <Input aria-label="Quiet from" type="time" className="w-32" value={quiet.start} disabled={!quiet.on} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} />
              to <Input aria-label="Quiet until" type="time" className="w-32" value={quiet.end} disabled={!quiet.on} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} />
            </div>
            {(errors["settings.quietHours.end"] ?? errors["settings.quietHours.start"]) && <p role="alert" className="text-xs text-red-600">{errors["settings.quietHours.end"] ?? errors["settings.quietHours.start"]}</p>}
          </div>
          <Field label="Time zone for profiles without one" htmlFor="default-zone" error={errors["settings.defaultTimezone"]}>
            <Input id="default-zone" value={zone} onChange={(e) => setZone(e.target.value)} placeholder="Europe/Paris" />
          </Field>
        </fieldset>
      </CardBody>
      {canManage && <CardFooter><Button onClick={submit} loading={save.isPending}>Save rules</Button></CardFooter>}
    </Card>
  );
}
