import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A form-level error above the fields; renders nothing without a message. */
export function FormAlert({ children, className }: { children?: ReactNode; className?: string }) {
  if (!children) return null;
  return <p role="alert" className={cn("rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700", className)}>{children}</p>;
}
