"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, Input, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";

type TCapDraft = { on: boolean; max: string; hours: string };
const CHANNELS = [["email", "Email"], ["sms", "SMS"], ["push", "Push"]] as const;
const capDraft = (cap: { max: number; hours: number } | null | undefined, max = 3): TCapDraft => ({ on: Boolean(cap), max: String(cap?.max ?? max), hours: String(cap?.hours ?? 24) });
const capOf = (d: TCapDraft) => (d.on ? { max: Number(d.max), hours: Number(d.hours) } : null);

/** "at most N per H hours" with its switch. */
function CapFields({ label, name, value, onChange, error }: { label: string; name: string; value: TCapDraft; onChange: (d: TCapDraft) => void; error?: string }) {
  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2 text-sm font-medium text-zinc-800"><input type="checkbox" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} className="size-4" /> {label}</label>
      <div className="flex items-center gap-2 text-sm whitespace-nowrap text-zinc-600">
        at most <Input aria-label={`${name} messages`} type="number" min={1} className="w-20" value={value.max} disabled={!value.on} onChange={(e) => onChange({ ...value, max: e.target.value })} />
        per <Input aria-label={`${name} hours`} type="number" min={1} className="w-20" value={value.hours} disabled={!value.on} onChange={(e) => onChange({ ...value, hours: e.target.value })} /> hours
      </div>
      {error && <p role="alert" className="text-xs text-red-600">{error}</p>}
    </div>
  );
}

/** Workspace-wide marketing rules: frequency caps, quiet hours, expiry of deferred messages (transactional messages skip them). */
export function SendingRulesCard() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.channels.settings.queryOptions({ workspaceId: ws.id }));
  const [cap, setCap] = useState(capDraft(null));
  const [channelCaps, setChannelCaps] = useState<Record<string, TCapDraft>>({});
  const [quiet, setQuiet] = useState({ on: false, start: "21:00", end: "08:00" });
  const [zone, setZone] = useState("UTC");
  const [expiry, setExpiry] = useState("72");
  useEffect(() => {
    if (!current.data) return;
    const d = current.data;
    setCap(capDraft(d.frequencyCap));
    setChannelCaps(Object.fromEntries(CHANNELS.map(([kind]) => [kind, capDraft(d.channelCaps[kind], 1)])));
    setQuiet({ on: Boolean(d.quietHours), start: d.quietHours?.start ?? "21:00", end: d.quietHours?.end ?? "08:00" });
    setZone(d.defaultTimezone);
    setExpiry(String(d.deferredExpiryHours));
  }, [current.data]);
  const save = useMutation(trpc.channels.updateSettings.mutationOptions({ onSuccess: () => (toast.success("Sending rules saved"), queryClient.invalidateQueries({ queryKey: trpc.channels.settings.queryKey() })) }));
  const errors = fieldErrorsOf(save.error);
  const errorOf = (path: string) => errors[`${path}.max`] ?? errors[`${path}.hours`];
  const canManage = ws.can("channels.manage");
  const submit = () => {
    // Caps of other channels (a plugin's kind set through the API) are kept as they are.
    const kept = Object.fromEntries(Object.entries(current.data?.channelCaps ?? {}).filter(([kind]) => !CHANNELS.some(([k]) => k === kind)));
    const perChannel = Object.fromEntries(CHANNELS.flatMap(([kind]) => (channelCaps[kind]?.on ? [[kind, capOf(channelCaps[kind])!]] : [])));
    save.mutate({
      workspaceId: ws.id,
      settings: { frequencyCap: capOf(cap), channelCaps: { ...kept, ...perChannel }, quietHours: quiet.on ? { start: quiet.start, end: quiet.end } : null, defaultTimezone: zone, deferredExpiryHours: Number(expiry) },
    });
  };
  return (
    <Card>
      <CardHeader title="Sending rules" description="Apply to marketing messages from campaigns and journeys; transactional messages skip them. Suppressed addresses never receive anything. A message held back by a cap or quiet hours is deferred, and sent when its window opens." />
      <CardBody>
        <fieldset disabled={!canManage} className="grid gap-6 md:grid-cols-3">
          <CapFields label="Frequency cap, all channels" name="All channels" value={cap} onChange={setCap} error={errorOf("settings.frequencyCap")} />
          <div className="space-y-3">
            <label className="flex items-center gap-2 text-sm font-medium text-zinc-800"><input type="checkbox" checked={quiet.on} onChange={(e) => setQuiet({ ...quiet, on: e.target.checked })} className="size-4" /> Quiet hours (profile&apos;s time zone)</label>
            <div className="flex items-center gap-2 text-sm text-zinc-600">
              from <Input aria-label="Quiet from" type="time" className="w-32" value={quiet.start} disabled={!quiet.on} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} />
              to <Input aria-label="Quiet until" type="time" className="w-32" value={quiet.end} disabled={!quiet.on} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} />
            </div>
            {(errors["settings.quietHours.end"] ?? errors["settings.quietHours.start"]) && <p role="alert" className="text-xs text-red-600">{errors["settings.quietHours.end"] ?? errors["settings.quietHours.start"]}</p>}
          </div>
          <Field label="Time zone for profiles without one" htmlFor="default-zone" error={errors["settings.defaultTimezone"]}>
            <TimeZoneSelect id="default-zone" value={zone} onChange={setZone} invalid={Boolean(errors["settings.defaultTimezone"])} />
          </Field>
          {CHANNELS.map(([kind, label]) => (
            <CapFields key={kind} label={`${label} cap`} name={label} value={channelCaps[kind] ?? capDraft(null, 1)} onChange={(d) => setChannelCaps({ ...channelCaps, [kind]: d })} error={errorOf(`settings.channelCaps.${kind}`)} />
          ))}
          <Field label="Deferred messages expire after (hours)" htmlFor="deferred-expiry" error={errors["settings.deferredExpiryHours"]} hint="Campaign and API-triggered messages still deferred after this long are not sent (status expired). Journeys set their own in their settings.">
            <Input id="deferred-expiry" type="number" min={1} max={720} className="w-28" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
          </Field>
        </fieldset>
      </CardBody>
      {canManage && <CardFooter><Button onClick={submit} loading={save.isPending}>Save rules</Button></CardFooter>}
    </Card>
  );
}
