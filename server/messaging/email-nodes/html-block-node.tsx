import type { EmailNode } from "@react-email/editor/core";
import { sanitizeEmailHtml } from "../sanitize-email-html";

/**
 * Custom HTML, pasted by a marketer: shown as code in the editor (never rendered into the
 * app's page), rendered cleaned into the email, where the preview shows it in a sandboxed frame.
 */
export const createHtmlBlock = (Node: typeof EmailNode) => Node.create({
  name: "htmlBlock",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { html: { default: "<p>Custom HTML</p>" } };
  },
  parseHTML() {
    return [{ tag: "div[data-html-block]", getAttrs: (el) => ({ html: (el as HTMLElement).textContent ?? "" }) }];
  },
  renderHTML({ node }) {
    return ["div", { "data-html-block": "", class: "email-html-block" }, ["pre", {}, String(node.attrs.html ?? "")]];
  },
  renderToReactEmail: ({ node }) => <div dangerouslySetInnerHTML={{ __html: sanitizeEmailHtml(String(node.attrs?.html ?? "")) }} />,
});
