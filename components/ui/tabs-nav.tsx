import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export interface TabsNavItem {
  href: string;
  label: string;
  active: boolean;
}

export interface TabsNavProps extends ComponentProps<"nav"> {
  items: TabsNavItem[];
}

export function TabsNav({ items, className, "aria-label": ariaLabel = "Sections", ...props }: TabsNavProps) {
  return (
    <nav aria-label={ariaLabel} className={cn("border-b border-zinc-200", className)} {...props}>
      <ul className="-mb-px flex gap-5 overflow-x-auto">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.active ? "page" : undefined}
              className={cn(
                "inline-flex items-center border-b-2 px-0.5 pt-1 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                "focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40",
                item.active
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
