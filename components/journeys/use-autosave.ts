"use client";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { TDraft } from "./use-journey-draft";

export const AUTOSAVE_MS = 800;

export type TSaveState =
  | { status: "saved"; at: Date | null }
  | { status: "dirty" | "saving" }
  | { status: "error"; message: string }
  | { status: "conflict"; message: string };

const codeOf = (e: unknown) => (e as { data?: { code?: string } } | null)?.data?.code;

/**
 * Saves the draft ~800 ms after the last change, with the revision it was loaded at: a save
 * from a stale tab is refused (CONFLICT) and autosave stops until the page reloads.
 */
export function useAutosave(journeyId: string, draft: TDraft, initialRevision: number, enabled: boolean, onSaved?: () => void) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.journeys.saveDraft.mutationOptions());
  const [state, setState] = useState<TSaveState>({ status: "saved", at: null });
  const revision = useRef(initialRevision);
  const saved = useRef(draft);
  const savedAt = useRef<Date | null>(null);
  const current = useRef(draft);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const stopped = useRef(false);
  const savedCallback = useRef(onSaved);
  current.current = draft;
  savedCallback.current = onSaved;

  const run = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const snapshot = current.current;
    if (snapshot === saved.current || stopped.current) return;
    setState({ status: "saving" });
    const attempt = mutateAsync({ workspaceId: ws.id, journeyId, revision: revision.current, graph: snapshot.graph, settings: snapshot.settings })
      .then((result) => {
        revision.current = result.revision;
        saved.current = snapshot;
        savedAt.current = new Date();
        setState(current.current === snapshot ? { status: "saved", at: savedAt.current } : { status: "dirty" });
        savedCallback.current?.();
      })
      .catch((e: unknown) => {
        if (codeOf(e) === "CONFLICT") {
          stopped.current = true;
          setState({ status: "conflict", message: messageOf(e) });
        } else setState({ status: "error", message: messageOf(e) });
      });
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
    if (current.current !== saved.current && !stopped.current) timer.current = setTimeout(() => void run(), AUTOSAVE_MS);
  }, [mutateAsync, ws.id, journeyId]);

  useEffect(() => {
    if (!enabled || stopped.current) return;
    if (draft === saved.current) {
      // Undone back to what the server has: nothing to save.
      if (!inFlight.current) setState((s) => (s.status === "dirty" ? { status: "saved", at: savedAt.current } : s));
      return;
    }
    setState((s) => (s.status === "saving" ? s : { status: "dirty" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), AUTOSAVE_MS);
    return () => clearTimeout(timer.current);
  }, [draft, enabled, run]);

  // Leaving the page inside the app saves what is pending; closing the tab asks first.
  useEffect(() => () => {
    if (current.current !== saved.current && !stopped.current) void run();
  }, [run]);
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (current.current !== saved.current && !stopped.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  /** Saves now (before publishing or submitting), and resolves once the server has the draft. */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    await run();
    return !stopped.current && current.current === saved.current;
  }, [run]);

  /** After an action that changed the journey on the server: adopt its revision if nothing is pending. */
  const adoptRevision = useCallback((next: number) => {
    if (current.current === saved.current && !inFlight.current) revision.current = next;
  }, []);

  return { state, flush, adoptRevision, retry: () => void run() };
}
