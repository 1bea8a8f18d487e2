import { CORE_KINDS, type TChannelKind, type TChannelPlugin } from "@/plugins/sdk";
import { channelPlugins } from "@/plugins";
import { AppError } from "@/server/errors";

/** Every channel kind: the core's and those plugins bring. */
export function allKinds(): TChannelKind[] {
  const kinds = new Map<string, TChannelKind>(Object.values(CORE_KINDS).map((k) => [k.id, k as TChannelKind]));
  for (const plugin of channelPlugins) if (plugin.channelKind) kinds.set(plugin.channelKind.id, plugin.channelKind as TChannelKind);
  return [...kinds.values()];
}

/** The kind a new configuration of `plugin` sends: its own, or the chosen one for a sink of any kind. */
export function resolveKinds(plugin: TChannelPlugin, requested?: string): string {
  if (plugin.meta.kind !== "*") {
    if (requested && requested !== plugin.meta.kind) throw new AppError("BAD_REQUEST", `${plugin.meta.name} sends ${plugin.meta.kind}, not ${requested}`, "kind");
    return plugin.meta.kind;
  }
  if (!requested) throw new AppError("BAD_REQUEST", "Choose which channel this configuration captures", "kind");
  if (!allKinds().some((k) => k.id === requested)) throw new AppError("BAD_REQUEST", `Unknown channel kind "${requested}"`, "kind");
  return requested;
}
