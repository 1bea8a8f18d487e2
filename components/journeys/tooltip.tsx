import type { ReactNode } from "react";

/** A hover/focus hint below its child; works around disabled buttons, which get no pointer events. */
export function Tooltip({ tip, children, testId }: { tip?: ReactNode; children: ReactNode; testId?: string }) {
  if (!tip) return <>{children}</>;
  return (
    <span className="group/tip relative inline-flex" tabIndex={0} data-testid={testId}>
      {children}
      <span role="tooltip" className="pointer-events-none absolute top-full right-0 z-50 mt-2 hidden w-64 rounded-lg bg-zinc-900 px-3 py-2 text-xs leading-5 font-normal whitespace-normal text-white shadow-lg group-hover/tip:block group-focus/tip:block">
        {tip}
      </span>
    </span>
  );
}
