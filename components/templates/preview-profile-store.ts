"use client";
import { useCallback, useSyncExternalStore } from "react";
import type { TPickedProfile } from "./profile-picker";

// "Preview as" survives the preview panel remounting (a save that reloads the template, the
// journey's preview dialog opened again): one choice per workspace for the browser tab.
// `undefined`: nothing chosen yet (the picker then takes the most recent profile).

const listeners = new Set<() => void>();
const memory = new Map<string, TPickedProfile>();
const storageKey = (workspaceId: string) => `parcours.previewAs.${workspaceId}`;

function read(workspaceId: string): TPickedProfile | undefined {
  if (memory.has(workspaceId)) return memory.get(workspaceId);
  try {
    const raw = typeof window === "undefined" ? null : window.sessionStorage.getItem(storageKey(workspaceId));
    if (raw !== null) memory.set(workspaceId, JSON.parse(raw) as TPickedProfile);
  } catch {
    // Storage unavailable: the choice lives for this page only.
  }
  return memory.get(workspaceId);
}

function write(workspaceId: string, profile: TPickedProfile) {
  memory.set(workspaceId, profile);
  try {
    window.sessionStorage.setItem(storageKey(workspaceId), JSON.stringify(profile));
  } catch {
    // Same as above.
  }
  for (const l of listeners) l();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The workspace's "Preview as" profile (null: sample data; undefined: not chosen yet) and its setter. */
export function usePreviewProfile(workspaceId: string): [TPickedProfile | undefined, (p: TPickedProfile) => void] {
  const value = useSyncExternalStore(subscribe, () => read(workspaceId), () => undefined);
  const set = useCallback((p: TPickedProfile) => write(workspaceId, p), [workspaceId]);
  return [value, set];
}
