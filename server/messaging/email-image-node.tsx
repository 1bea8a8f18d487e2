import type { EmailNode } from "@react-email/editor/core";
import { Img } from "@react-email/img";
import { Link } from "@react-email/link";

// The editor ships an image node only together with a file-upload flow; Parcours stores no
// files, so images are inserted by URL with this node (same name and attributes as theirs).
// Made from the EmailNode class it is given, so the server can load the editor as ESM.
export const createEmailImage = (Node: typeof EmailNode) => Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: "" },
      alt: { default: "" },
      width: { default: "auto" },
      height: { default: "auto" },
      alignment: { default: "center" },
      href: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: "img[src]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["img", { ...HTMLAttributes, style: "max-width:100%;height:auto" }];
  },
  renderToReactEmail: ({ node, style }) => {
    const attrs = (node.attrs ?? {}) as { src?: string; alt?: string; width?: string; alignment?: string; href?: string | null };
    const margin = attrs.alignment === "left" ? "0 auto 0 0" : attrs.alignment === "right" ? "0 0 0 auto" : "0 auto";
    const img = (
      <Img
        src={attrs.src ?? ""}
        alt={attrs.alt ?? ""}
        width={attrs.width && attrs.width !== "auto" ? attrs.width : undefined}
        style={{ ...style, display: "block", maxWidth: "100%", height: "auto", margin }}
      />
    );
    return attrs.href ? <Link href={attrs.href}>{img}</Link> : img;
  },
});
