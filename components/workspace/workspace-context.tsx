"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { TPermission, TRole } from "@/server/auth/permissions";

export interface TWorkspaceContext {
  id: string;
  name: string;
  slug: string;
  /** Country of phone numbers written without a country code. */
  defaultCountry: string;
  role: TRole;
  permissions: TPermission[];
}

const WorkspaceContext = createContext<TWorkspaceContext | null>(null);

export function WorkspaceProvider({ value, children }: { value: TWorkspaceContext; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): TWorkspaceContext & { can: (p: TPermission) => boolean } {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace outside a workspace page");
  return { ...value, can: (p) => value.permissions.includes(p) };
}
