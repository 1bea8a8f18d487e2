import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export interface TableProps extends ComponentProps<"table"> {
  /** Classes for the scrolling wrapper div (className goes to the <table>). */
  wrapperClassName?: string;
}

export function Table({ className, wrapperClassName, ...props }: TableProps) {
  return (
    <div className={cn("overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm", wrapperClassName)}>
      <table className={cn("min-w-full text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-zinc-200 bg-zinc-50", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-zinc-100", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("transition-colors [tbody>&]:hover:bg-zinc-50/60", className)} {...props} />;
}

export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-4 py-2.5 text-left text-xs font-medium tracking-wide whitespace-nowrap text-zinc-500 uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-zinc-700", className)} {...props} />;
}
