import { Badge } from "@/components/ui";

const TONES = { running: "blue", completed: "green", failed: "red", cancelled: "gray" } as const;

export function RunStatusBadge({ status }: { status: keyof typeof TONES }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

/** "maintenance.prune-sign-in-failures" from "parcours-maintenance.prune-sign-in-failures". */
export function shortFnId(fnId: string): string {
  return fnId.replace(/^parcours-/, "");
}
