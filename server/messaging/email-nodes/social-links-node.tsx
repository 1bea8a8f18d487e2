import type { EmailNode } from "@react-email/editor/core";

export const SOCIAL_NETWORKS = { facebook: "Facebook", instagram: "Instagram", x: "X", linkedin: "LinkedIn", youtube: "YouTube", tiktok: "TikTok", website: "Website" } as const;
export type TSocialNetwork = keyof typeof SOCIAL_NETWORKS;
export interface TSocialLink { network: TSocialNetwork; url: string }

/** The links a document holds that can be shown: known network, http(s) or Liquid URL. */
export function socialLinks(value: unknown): TSocialLink[] {
  if (!Array.isArray(value)) return [];
  return value.filter((l): l is TSocialLink => typeof l === "object" && l !== null && (l as TSocialLink).network in SOCIAL_NETWORKS && typeof (l as TSocialLink).url === "string" && /^(https?:\/\/|\{\{)/.test((l as TSocialLink).url.trim())).slice(0, 8);
}

const COLOR = /^#[0-9a-f]{3,8}$/i;

/** A row of labelled links to the brand's social profiles, as a table that centres in every client. */
export const createSocialLinks = (Node: typeof EmailNode) => Node.create({
  name: "socialLinks",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { links: { default: [{ network: "instagram", url: "https://instagram.com/" }, { network: "facebook", url: "https://facebook.com/" }] }, alignment: { default: "center" }, color: { default: "#18181b" } };
  },
  parseHTML() {
    return [{ tag: "div[data-social-links]", getAttrs: (el) => { try { return { links: JSON.parse((el as HTMLElement).getAttribute("data-social-links") ?? "[]") }; } catch { return false; } } }];
  },
  renderHTML({ node }) {
    const links = socialLinks(node.attrs.links);
    return ["div", { "data-social-links": JSON.stringify(links), class: "email-social", style: `text-align:${node.attrs.alignment}` }, ...links.map((l) => ["span", { class: "email-social-link" }, SOCIAL_NETWORKS[l.network]])];
  },
  renderToReactEmail: ({ node }) => {
    const links = socialLinks(node.attrs?.links);
    const color = COLOR.test(String(node.attrs?.color)) ? String(node.attrs?.color) : "#18181b";
    const align = node.attrs?.alignment === "left" || node.attrs?.alignment === "right" ? node.attrs.alignment : "center";
    return (
      <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
        <tbody><tr><td align={align} style={{ padding: "8px 0", textAlign: align }}>
          {links.map((l, i) => (
            <a key={i} href={l.url} style={{ display: "inline-block", margin: "0 4px", padding: "6px 12px", border: `1px solid ${color}`, borderRadius: 999, color, fontSize: 13, fontWeight: 600, textDecoration: "none" }}>{SOCIAL_NETWORKS[l.network]}</a>
          ))}
        </td></tr></tbody>
      </table>
    );
  },
});
