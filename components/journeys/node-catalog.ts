import { Bell, Clock, GitBranch, Hourglass, ListPlus, LogOut, Mail, MessageSquare, MousePointerClick, PencilLine, Send, Shuffle, Smartphone, UsersRound, Webhook, Zap, type LucideIcon } from "lucide-react";
import type { TNodeType } from "@/server/journeys/graph/nodes";


// What the palette and the canvas show for each node type: title, icon, group and colour.

export type TNodeGroup = "entry" | "action" | "flow";

export interface TNodeMeta {
  title: string;
  description: string;
  icon: LucideIcon;
  group: TNodeGroup;
}

export const NODE_META: Record<TNodeType, TNodeMeta> = {
  entry_audience: { title: "Read audience", description: "From an audience or list", icon: UsersRound, group: "entry" },
  entry_event: { title: "Business event", description: "When an event happens", icon: Zap, group: "entry" },
  message: { title: "Message", description: "Send a message", icon: Send, group: "action" },
  update_attribute: { title: "Update attribute", description: "Set a profile attribute", icon: PencilLine, group: "action" },
  list: { title: "List update", description: "Add or remove members", icon: ListPlus, group: "action" },
  webhook: { title: "Call webhook", description: "An HTTP request", icon: Webhook, group: "action" },
  wait: { title: "Wait", description: "A duration, date or hour", icon: Hourglass, group: "flow" },
  reaction: { title: "Reaction", description: "Open, click or delivery", icon: MousePointerClick, group: "flow" },
  wait_event: { title: "Wait for event", description: "An event, or a timeout", icon: Clock, group: "flow" },
  condition: { title: "Condition", description: "Branch by rules", icon: GitBranch, group: "flow" },
  random: { title: "Random split", description: "A/B tests by percentage", icon: Shuffle, group: "flow" },
  exit: { title: "Exit", description: "Leave the journey", icon: LogOut, group: "flow" },
};

export const GROUPS: { id: TNodeGroup; title: string; types: TNodeType[] }[] = [
  { id: "entry", title: "Entry", types: ["entry_audience", "entry_event"] },
  { id: "action", title: "Actions", types: ["message", "update_attribute", "list", "webhook"] },
  { id: "flow", title: "Flow", types: ["wait", "reaction", "wait_event", "condition", "random", "exit"] },
];

/** Icon container and accent colours per group. */
export const GROUP_TONES: Record<TNodeGroup | "exit", { icon: string; accent: string }> = {
  entry: { icon: "bg-emerald-50 text-emerald-700 ring-emerald-600/20", accent: "border-t-emerald-500" },
  action: { icon: "bg-brand-50 text-brand-700 ring-brand-600/20", accent: "border-t-brand-500" },
  flow: { icon: "bg-amber-50 text-amber-700 ring-amber-600/25", accent: "border-t-amber-500" },
  exit: { icon: "bg-zinc-100 text-zinc-600 ring-zinc-500/20", accent: "border-t-zinc-400" },
};

/** A step as the run views name it: its label, else its type's title. */
export const stepTitle = (n: { label?: string; type: TNodeType }) => n.label || NODE_META[n.type].title;

export const toneOf = (type: TNodeType) => GROUP_TONES[type === "exit" ? "exit" : NODE_META[type].group];

const KIND_ICONS: Record<string, LucideIcon> = { email: Mail, push: Bell, sms: Smartphone, slack: MessageSquare, webhook: Webhook };
export const kindIcon = (kind: string | undefined): LucideIcon => (kind && KIND_ICONS[kind]) || Send;

/** The node's icon: a message shows its channel's. */
export function iconOf(type: TNodeType, data: Record<string, unknown>): LucideIcon {
  return type === "message" ? kindIcon(typeof data.kind === "string" ? data.kind : undefined) : NODE_META[type].icon;
}
