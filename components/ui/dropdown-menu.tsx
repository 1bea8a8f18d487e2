"use client";

import Link from "next/link";
import { createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/cn";

const CloseContext = createContext<() => void>(() => {});

export interface DropdownMenuProps {
  trigger: ReactNode;
  triggerLabel?: string;
  triggerClassName?: string;
  align?: "start" | "end";
  className?: string;
  children: ReactNode;
}

const itemsOf = (menu: HTMLElement | null) =>
  Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);

export function DropdownMenu({ trigger, triggerLabel, triggerClassName, align = "end", className, children }: DropdownMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    itemsOf(menuRef.current)[0]?.focus();
    const onPointerDown = (e: MouseEvent) => !rootRef.current?.contains(e.target as Node) && setOpen(false);
    const onEscape = (e: globalThis.KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onPointerDown);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("mousedown", onPointerDown);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Tab") return setOpen(false);
    const items = itemsOf(menuRef.current);
    if (items.length === 0) return;
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    items[(target + items.length) % items.length]?.focus();
  };

  return (
    <div
      ref={rootRef}
      className={cn("relative inline-block text-left", className)}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.preventDefault(); // lets an enclosing Dialog ignore this Escape
        setOpen(false);
        triggerRef.current?.focus();
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
        className={cn(
          "inline-flex h-8 min-w-8 items-center justify-center gap-1.5 rounded-lg px-2 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40 [&_svg]:size-4",
          triggerClassName,
        )}
      >
        {trigger}
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-orientation="vertical"
          onKeyDown={onMenuKeyDown}
          className={cn(
            "absolute z-40 mt-1.5 min-w-48 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg",
            align === "end" ? "right-0 origin-top-right" : "left-0 origin-top-left",
          )}
        >
          <CloseContext value={() => setOpen(false)}>{children}</CloseContext>
        </div>
      ) : null}
    </div>
  );
}

export interface DropdownItemProps {
  onSelect?: () => void;
  href?: string;
  danger?: boolean;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

export function DropdownItem({ onSelect, href, danger, disabled, className, children }: DropdownItemProps) {
  const close = useContext(CloseContext);
  const classes = cn(
    "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left outline-none [&_svg]:size-4 [&_svg]:shrink-0",
    danger ? "text-red-600 hover:bg-red-50 focus:bg-red-50" : "text-zinc-700 hover:bg-zinc-100 focus:bg-zinc-100 focus:text-zinc-900",
    disabled && "pointer-events-none opacity-50",
    className,
  );
  const select = () => {
    if (disabled) return;
    onSelect?.();
    close();
  };
  if (href && !disabled) {
    return <Link href={href} role="menuitem" tabIndex={-1} className={classes} onClick={select}>{children}</Link>;
  }
  return (
    <button type="button" role="menuitem" tabIndex={-1} aria-disabled={disabled || undefined} className={classes} onClick={select}>
      {children}
    </button>
  );
}

export function DropdownLabel({ className, children }: { className?: string; children: ReactNode }) {
  return <div role="presentation" className={cn("px-2.5 pt-2 pb-1 text-xs font-medium text-zinc-500", className)}>{children}</div>;
}

export function DropdownSeparator({ className }: { className?: string }) {
  return <div role="separator" className={cn("-mx-1 my-1 h-px bg-zinc-200", className)} />;
}
