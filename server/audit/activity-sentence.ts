import type { TAuditDiff } from "@/db/schema/audit";

/** Nouns for the entity types the audit log records ("the campaign “Spring sale”"). */
const NOUN: Record<string, string> = {
  campaign: "the campaign", journey: "the journey", audience: "the audience", template: "the template", "channel-configuration": "the channel",
  "event-definition": "the business event", subscription_topic: "the subscription topic", "api-key": "the API key", profile: "the profile",
  workspace: "the workspace", attribute: "the attribute", suppression: "the suppression of", run: "a workflow run", workflow: "the workflows",
  member: "", invite: "", brand: "the brand kit", csv_import: "the import",
};

/** Past-tense verbs by the action's last part; `{x}` is where the object goes when it is not last. */
const VERB: Record<string, string> = {
  create: "created", update: "edited", edit: "edited", delete: "deleted", submit: "submitted {x} for review", approve: "approved", reject: "rejected",
  activate: "activated", pause: "paused", resume: "resumed", stop: "stopped", complete: "completed", publish: "published", close: "closed",
  "test-on": "turned on test mode for", "test-off": "turned off test mode for", "test-send": "sent test profiles into", "test-fire": "tried a reaction or event in",
  "test-skip": "skipped a wait in", test: "sent a test through", revoke: "revoked", invite: "invited", "invite-revoke": "withdrew the invitation of", join: "joined",
  remove: "removed", "role-change": "changed the role of", "make-admin": "made {x} an admin", index: "indexed", unindex: "stopped indexing", consent: "changed the subscriptions of",
  merge: "merged", "mark-test": "marked {x} as a test profile", cancel: "cancelled", retry: "retried", "advance-clock": "moved the workflow clock forward", add: "added", run: "ran maintenance on",
};

export type TActivityEntry = { action: string; entityType: string; diff: TAuditDiff };

const quoted = (name: string | null) => (name ? `“${name}”` : "");

/** The name the entry's own diff carries (a created or renamed thing), if any. */
export function nameInDiff(diff: TAuditDiff): string | null {
  const n = diff.name ?? diff.email;
  const v = n?.to ?? n?.from;
  return typeof v === "string" ? v : null;
}

/** "created the campaign “Spring sale”": what an entry did, in words, with the thing's name (no ids, no JSON). */
export function activitySentence(entry: TActivityEntry, name: string | null): string {
  const diff = entry.diff as Record<string, { from?: unknown; to?: unknown }>;
  if (entry.action === "settings.approval") return diff.approvalRequired?.to ? "turned campaign approval on" : "turned campaign approval off";
  if (entry.action === "messaging-settings.update") return "changed the sending rules";
  if (entry.action === "workspace.update" && diff.name) return `renamed the workspace to ${quoted(String(diff.name.to))}`;
  const verb = VERB[entry.action.split(".").at(-1) ?? ""] ?? entry.action.split(".").at(-1)!.replace(/-/g, " ");
  const noun = NOUN[entry.entityType] ?? `the ${entry.entityType.replace(/[-_]/g, " ")}`;
  const object = [noun, quoted(name)].filter(Boolean).join(" ") || "someone";
  if (entry.action === "member.join") return `joined the workspace${diff.role?.to ? ` as ${String(diff.role.to)}` : ""}`;
  if (entry.action === "member.role-change" && diff.role) return `changed the role of ${object} to ${String(diff.role.to)}`;
  return verb.includes("{x}") ? verb.replace("{x}", object) : `${verb} ${object}`;
}
