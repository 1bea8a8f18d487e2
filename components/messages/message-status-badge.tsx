import { Badge, type BadgeTone } from "@/components/ui";

const TONES: Record<string, BadgeTone> = {
  queued: "gray", sending: "blue", deferred: "amber", sent: "blue", delivered: "green", failed: "red", suppressed: "amber", bounced: "red", complained: "red",
  opened: "green", clicked: "brand", unsubscribed: "amber", retried: "amber", expired: "gray",
};

export function MessageStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "gray"}>{status}</Badge>;
}
