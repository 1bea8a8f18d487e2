import { Bell, Inbox, Mail, MessageSquare, Send, Smartphone, Webhook, type LucideIcon } from "lucide-react";

const ICONS: Record<string, LucideIcon> = { inbox: Inbox, mail: Mail, "message-square": MessageSquare, bell: Bell, smartphone: Smartphone, webhook: Webhook, send: Send };

/** A plugin's icon by its lucide name (meta.icon), with a neutral fallback. */
export function PluginIcon({ name, className }: { name: string; className?: string }) {
  const Icon = ICONS[name] ?? Send;
  return <Icon className={className} aria-hidden />;
}
