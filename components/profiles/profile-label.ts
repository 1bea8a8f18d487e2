type TIdentity = { namespace: string; value: string };

/** How a profile is named in lists: name trait, then email, external id, phone, anonymous id. */
export function profileLabel(attributes: Record<string, unknown>, identities: TIdentity[]): { title: string; subtitle: string | null } {
  const find = (ns: string) => identities.find((i) => i.namespace === ns)?.value ?? null;
  const name = [attributes.firstName, attributes.lastName].filter((p) => typeof p === "string" && p).join(" ") || (typeof attributes.name === "string" ? attributes.name : "");
  const email = find("email");
  const external = find("external_id");
  const fallback = email ?? external ?? find("phone") ?? find("anonymous_id") ?? "Unknown profile";
  if (name) return { title: name, subtitle: email ?? external };
  return { title: fallback, subtitle: fallback === email ? external : email };
}

/** The same label for a profile known by its attributes and its email / external id columns. */
export function labelOf(p: { attributes: Record<string, unknown>; email?: string | null; externalId?: string | null }): { title: string; subtitle: string | null } {
  const identities = [...(p.email ? [{ namespace: "email", value: p.email }] : []), ...(p.externalId ? [{ namespace: "external_id", value: p.externalId }] : [])];
  return profileLabel(p.attributes, identities);
}
