import { z } from "zod";

// Top-level paths of the app that a workspace slug would shadow.
const RESERVED = new Set([
  "api", "sign-in", "sign-up", "sign-out", "invite", "new-workspace", "t", "_next", "settings",
  "admin", "static", "public", "docs", "favicon.ico", "v1", "icon.svg",
]);

export const ZSlug = z
  .string()
  .trim()
  .min(2, "Slug must be at least 2 characters")
  .max(48, "Slug must be at most 48 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes")
  .refine((s) => !RESERVED.has(s), "This slug is reserved");

export const ZWorkspaceName = z.string().trim().min(1, "Name is required").max(80, "Name must be at most 80 characters");

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const candidate = slug.length >= 2 ? slug : `workspace-${slug}`.replace(/-+$/, "");
  return RESERVED.has(candidate) ? `${candidate}-workspace` : candidate;
}
