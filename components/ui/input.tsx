import type { ComponentProps } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/cn";

const control =
  "block w-full rounded-lg border border-zinc-200 bg-white text-sm text-zinc-900 shadow-sm transition-colors " +
  "placeholder:text-zinc-400 hover:border-zinc-300 " +
  "focus-visible:border-brand-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40 " +
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 read-only:bg-zinc-50";

const invalidClasses =
  "border-red-500 hover:border-red-500 focus-visible:border-red-500 focus-visible:ring-red-500/30";

export interface InputProps extends ComponentProps<"input"> {
  invalid?: boolean;
}

export function Input({ invalid, className, ...props }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(control, "h-9 px-3", invalid && invalidClasses, className)}
      {...props}
    />
  );
}

export interface TextareaProps extends ComponentProps<"textarea"> {
  invalid?: boolean;
}

export function Textarea({ invalid, className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      aria-invalid={invalid || undefined}
      className={cn(control, "min-h-20 px-3 py-2", invalid && invalidClasses, className)}
      {...props}
    />
  );
}

export interface SelectProps extends ComponentProps<"select"> {
  invalid?: boolean;
}

export function Select({ invalid, className, wrapperClassName, children, ...props }: SelectProps & { wrapperClassName?: string }) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select
        aria-invalid={invalid || undefined}
        className={cn(
          control,
          "h-9 cursor-pointer appearance-none pr-9 pl-3",
          invalid && invalidClasses,
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-zinc-400"
      />
    </div>
  );
}
