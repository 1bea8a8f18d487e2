/**
 * The role matrix: every action a workspace member can take, and the roles allowed to.
 * Every tRPC procedure and REST route names one of these (or "public" / "signedIn" / "operator"
 * for procedures outside a workspace); server/trpc/permissions.test.ts holds them to it.
 */
export const ROLES = ["admin", "approver", "manager", "viewer"] as const;
export type TRole = (typeof ROLES)[number];

const everyone = ROLES;

export const PERMISSIONS = {
  "workspace.read": everyone,
  "workspace.update": ["admin"],
  "members.read": everyone,
  "members.manage": ["admin"],
  "apiKeys.read": ["admin"],
  "apiKeys.manage": ["admin"],
  /** Outgoing webhook endpoints, their secrets and delivery log. */
  "webhooks.read": ["admin"],
  "webhooks.manage": ["admin"],
  "audit.read": ["admin"],
  "profiles.read": everyone,
  "profiles.delete": ["admin"],
  "events.read": everyone,
  "events.manage": ["admin", "manager"],
  "audiences.read": everyone,
  "audiences.manage": ["admin", "manager"],
  "channels.read": everyone,
  "channels.manage": ["admin"],
  "templates.read": everyone,
  "templates.manage": ["admin", "manager"],
  "messages.read": everyone,
  "messages.send": ["admin", "manager"],
  /** Mark a campaign or a journey message exempt from frequency caps. */
  "messages.exemptFromCaps": ["admin"],
  "suppressions.manage": ["admin"],
  /** Subscription topics: create, rename, default opt-in/opt-out, archive. */
  "topics.manage": ["admin"],
  /** Change a profile's consents from its page (recorded with source "admin"). */
  "consents.manage": ["admin", "manager"],
  "campaigns.read": everyone,
  "campaigns.manage": ["admin", "manager"],
  "campaigns.approve": ["admin", "approver"],
  "journeys.read": everyone,
  "journeys.manage": ["admin", "manager"],
  "journeys.approve": ["admin", "approver"],
  "profiles.markTest": ["admin", "manager"],
  "settings.approval": ["admin"],
  "runs.read": ["admin"],
  "runs.manage": ["admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;
/**
 * "operator": instance-wide changes (indexes on the shared profiles table), for the emails in
 * PARCOURS_OPERATORS only, whatever their workspace roles (server/auth/operators.ts).
 */
export type TProcedureAccess = TPermission | "public" | "signedIn" | "operator";

export function can(role: TRole, permission: TPermission): boolean {
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

/** What a role may do, for the UI to hide controls (the server still checks). */
export function permissionsOf(role: TRole): TPermission[] {
  return (Object.keys(PERMISSIONS) as TPermission[]).filter((p) => can(role, p));
}

export const ROLE_LABELS: Record<TRole, { label: string; description: string }> = {
  admin: { label: "Admin", description: "Everything, including members, channels and API keys" },
  approver: { label: "Approver", description: "Approves or rejects campaigns and journeys; reads everything" },
  manager: { label: "Manager", description: "Creates and edits audiences, content, campaigns and journeys" },
  viewer: { label: "Viewer", description: "Reads everything, changes nothing" },
};
