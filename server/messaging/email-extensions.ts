import type { Extensions } from "@tiptap/core";
import type { EmailNode } from "@react-email/editor/core";
import type { StarterKit } from "@react-email/editor/extensions";
import type { EmailTheming } from "@react-email/editor/plugins";
import { brandStyles, brandTheme, type TBrand } from "./email-brand";
import { createEmailImage } from "./email-image-node";
import { createHtmlBlock } from "./email-nodes/html-block-node";
import { createMergeTag } from "./email-nodes/merge-tag-node";
import { createSocialLinks } from "./email-nodes/social-links-node";
import { createSpacer } from "./email-nodes/spacer-node";

interface TEditorModules {
  StarterKit: typeof StarterKit;
  EmailTheming: typeof EmailTheming;
  EmailNode: typeof EmailNode;
}

/**
 * The block editor's schema, shared by the browser editor and the server compiler: a
 * document saved from one must render with exactly the same nodes in the other. The
 * workspace's brand kit is the theme (fonts and colours of every block).
 */
export function buildEmailExtensions(m: TEditorModules, brand?: TBrand | null): Extensions {
  const nodes = [createEmailImage, createMergeTag, createSpacer, createSocialLinks, createHtmlBlock].map((create) => create(m.EmailNode));
  // The editor bundles its own copy of @tiptap/core: same runtime shape, distinct types.
  return [m.StarterKit, m.EmailTheming.configure({ theme: brandTheme(brand) as never }), ...nodes] as unknown as Extensions;
}

let loaded: ReturnType<typeof load> | undefined;

/**
 * The editor's modules for the server, imported as ES modules: its CommonJS build has a
 * require cycle that breaks scripts run by tsx (the CLI, benchmarks).
 */
export function loadEmailEditor() {
  loaded ??= load();
  return loaded;
}

async function load() {
  const [tiptap, core, extensions, plugins] = await Promise.all([
    import("@tiptap/core"),
    import("@react-email/editor/core"),
    import("@react-email/editor/extensions"),
    import("@react-email/editor/plugins"),
  ]);
  return {
    Editor: tiptap.Editor,
    composeReactEmail: core.composeReactEmail,
    brandPanels: (brand: TBrand) => plugins.themeStylesToPanelOverrides(brandStyles(brand).styles as never, plugins.EDITOR_THEMES.basic),
    extensions: (brand?: TBrand | null) => buildEmailExtensions({ StarterKit: extensions.StarterKit, EmailTheming: plugins.EmailTheming, EmailNode: core.EmailNode }, brand),
  };
}
