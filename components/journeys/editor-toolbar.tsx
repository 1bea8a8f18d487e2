"use client";
import { ArrowLeft, CircleAlert, CircleCheck, Settings2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { JourneyName } from "./journey-name";
import { JourneyStatusBadges, type TJourneyStatusInfo } from "./journey-status";

interface Props {
  journeyId: string;
  name: string;
  description: string | null;
  status: TJourneyStatusInfo;
  readOnly: boolean;
  errorCount: number;
  saveStatus: ReactNode;
  actions: ReactNode;
  onShowChecks: () => void;
  onShowSettings: () => void;
}

/** The editor's top bar: back, name, status, save state, checks, settings and lifecycle actions. */
export function EditorToolbar({ journeyId, name, description, status, readOnly, errorCount, saveStatus, actions, onShowChecks, onShowSettings }: Props) {
  const ws = useWorkspace();
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-3">
      <Link href={`/${ws.slug}/journeys`} aria-label="Back to journeys" className="grid size-8 place-items-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"><ArrowLeft className="size-4" /></Link>
      <div className="flex min-w-0 items-center gap-2">
        <JourneyName key={name} journeyId={journeyId} name={name} description={description} readOnly={readOnly} />
        <JourneyStatusBadges info={status} />
      </div>
      <div className="min-w-0">{saveStatus}</div>
      <div className="ml-auto flex items-center gap-2">
        <Button size="sm" variant="ghost" data-testid="show-checks" onClick={onShowChecks} className={errorCount ? "text-red-700" : "text-emerald-700"}>
          {errorCount ? <CircleAlert /> : <CircleCheck />} {errorCount ? `${errorCount} issue${errorCount > 1 ? "s" : ""}` : "Ready"}
        </Button>
        <Button size="sm" variant="ghost" data-testid="show-settings" onClick={onShowSettings}><Settings2 /> Settings</Button>
        <span className="h-5 w-px bg-zinc-200" />
        {actions}
      </div>
    </header>
  );
}
