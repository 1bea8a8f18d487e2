"use client";
import { FileText, LayoutDashboard, Megaphone, Radio, Route, Send, Settings, UsersRound, Users, Zap } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

// Only sections that work are listed; later capabilities add their entries here.
const SECTIONS = [
  { path: "", label: "Overview", icon: LayoutDashboard, exact: true },
  { path: "/profiles", label: "Profiles", icon: Users, exact: false },
  { path: "/audiences", label: "Audiences", icon: UsersRound, exact: false },
  { path: "/templates", label: "Templates", icon: FileText, exact: false },
  { path: "/campaigns", label: "Campaigns", icon: Megaphone, exact: false },
  { path: "/journeys", label: "Journeys", icon: Route, exact: false },
  { path: "/events", label: "Events", icon: Zap, exact: false },
  { path: "/messages", label: "Messages", icon: Send, exact: false },
  { path: "/channels", label: "Channels", icon: Radio, exact: false },
  { path: "/settings", label: "Settings", icon: Settings, exact: false },
];

export function SidebarNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="space-y-0.5">
      {SECTIONS.map(({ path, label, icon: Icon, exact }) => {
        const href = `/${slug}${path}`;
        const active = exact ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
              active && "bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200",
            )}
          >
            <Icon className={cn("size-4", active ? "text-brand-600" : "text-zinc-400")} />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
