import type { Extensions } from "@tiptap/core";
import type { EmailNode } from "@react-email/editor/core";
import type { StarterKit } from "@react-email/editor/extensions";
import type { EmailTheming } from "@react-email/editor/plugins";
import { createEmailImage } from "./email-image-node";

interface TEditorModules {
  StarterKit: typeof StarterKit;
  EmailTheming: typeof EmailTheming;
  EmailNode: typeof EmailNode;
}

/**
 * The block editor's schema, shared by the browser editor and the server compiler: a
 * document saved from one must render with exactly the same nodes in the other.
 */
export function buildEmailExtensions(m: TEditorModules): Extensions {
  // The editor bundles its own copy of @tiptap/core: same runtime shape, distinct types.
  return [m.StarterKit, m.EmailTheming.configure({ theme: "basic" }), createEmailImage(m.EmailNode)] as unknown as Extensions;
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
    extensions: () => buildEmailExtensions({ StarterKit: extensions.StarterKit, EmailTheming: plugins.EmailTheming, EmailNode: core.EmailNode }),
  };
}
