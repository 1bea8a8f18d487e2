"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Dialog, Field, FormAlert, Input, Select, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { PluginIcon } from "./plugin-icon";
import { SettingsFields } from "./settings-fields";

export interface TEditedConfiguration {
  id: string;
  name: string;
  pluginId: string;
  kind: string;
  settings: Record<string, unknown>;
  isDefault: boolean;
  rateLimitPerSecond: number | null;
}

const MASK = "••••••••";

/** Add a configuration (pick a provider, then fill its generated form) or edit one. */
export function ConfigurationDialog({ open, editing, onClose }: { open: boolean; editing: TEditedConfiguration | null; onClose: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const providers = useQuery(trpc.channels.providers.queryOptions({ workspaceId: ws.id }));
  const [pluginId, setPluginId] = useState(editing?.pluginId ?? "");
  const [name, setName] = useState(editing?.name ?? "");
  const [kind, setKind] = useState(editing?.kind ?? "email");
  const [settings, setSettings] = useState<Record<string, unknown>>(editing?.settings ?? {});
  const [isDefault, setIsDefault] = useState(editing?.isDefault ?? false);
  const [rate, setRate] = useState(editing?.rateLimitPerSecond ? String(editing.rateLimitPerSecond) : "");
  const done = (verb: string) => () => {
    toast.success(`Configuration ${verb}`);
    void queryClient.invalidateQueries({ queryKey: trpc.channels.pathKey() });
    onClose();
  };
  const create = useMutation(trpc.channels.create.mutationOptions({ onSuccess: done("added") }));
  const update = useMutation(trpc.channels.update.mutationOptions({ onSuccess: done("saved") }));
  const save = editing ? update : create;
  const errors = fieldErrorsOf(save.error);
  const plugin = providers.data?.plugins.find((p) => p.id === pluginId);
  const submit = () => {
    if (!plugin) return;
    const clean = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v === MASK ? "" : v]));
    const configuration = { name, pluginId, kind: plugin.kind === "*" ? kind : undefined, settings: clean, isDefault, rateLimitPerSecond: rate ? Number(rate) : null };
    if (editing) update.mutate({ workspaceId: ws.id, configurationId: editing.id, configuration });
    else create.mutate({ workspaceId: ws.id, configuration });
  };
  const footer = plugin && (
    <>
      {!editing && <Button variant="ghost" onClick={() => setPluginId("")}>Back</Button>}
      <Button variant="secondary" onClick={onClose}>Cancel</Button>
      <Button onClick={submit} loading={save.isPending}>{editing ? "Save" : "Add configuration"}</Button>
    </>
  );
  return (
    <Dialog open={open} onClose={onClose} title={plugin ? `${editing ? "Edit" : "New"} ${plugin.name} configuration` : "Choose a provider"} description={plugin?.description} footer={footer} className="max-w-xl">
      {!plugin ? (
        <ul className="grid gap-2 sm:grid-cols-2">
          {providers.data?.plugins.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => (setPluginId(p.id), setName(p.name))} className="flex h-full w-full items-start gap-3 rounded-lg border border-zinc-200 p-3 text-left hover:border-brand-300 hover:bg-brand-50/40">
                <PluginIcon name={p.icon} className="mt-0.5 size-5 text-brand-600" />
                <span>
                  <span className="block text-sm font-medium text-zinc-900">{p.name}</span>
                  <span className="block text-xs text-zinc-500">{p.kind === "*" ? "any channel" : p.kind} · {p.description}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="space-y-4">
          <Field label="Name" htmlFor="configuration-name" error={errors.name ?? errors["configuration.name"]}>
            <Input id="configuration-name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          {plugin.kind === "*" && !editing && (
            <Field label="Channel" htmlFor="configuration-kind" error={errors.kind}>
              <Select id="configuration-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {providers.data?.kinds.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
              </Select>
            </Field>
          )}
          <SettingsFields fields={plugin.fields} values={settings} onChange={setSettings} errors={errors} editing={Boolean(editing)} />
          <Field label="Rate limit (messages per second, optional)" htmlFor="configuration-rate" error={errors["configuration.rateLimitPerSecond"]}>
            <Input id="configuration-rate" type="number" min={1} value={rate} onChange={(e) => setRate(e.target.value)} placeholder="no limit" />
          </Field>
          <label className="flex items-center gap-2 text-sm text-zinc-800">
            <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} className="size-4 rounded border-zinc-300" />
            Default for its channel (used when a campaign or journey does not pick one)
          </label>
          {save.error && !Object.keys(errors).length && <FormAlert>{messageOf(save.error)}</FormAlert>}
        </div>
      )}
    </Dialog>
  );
}
