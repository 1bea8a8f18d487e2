import { cn } from "@/lib/cn";

/** The Parcours mark: a path through three steps. */
export function Logo({ className, withName = true }: { className?: string; withName?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900", className)}>
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path d="M8 22c4 0 4-12 8-12s4 12 8 12" fill="none" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
        <circle cx="8" cy="22" r="2.5" fill="white" />
        <circle cx="16" cy="10" r="2.5" fill="white" />
        <circle cx="24" cy="22" r="2.5" fill="white" />
      </svg>
      {withName && <span className="text-lg">Parcours</span>}
    </span>
  );
}
