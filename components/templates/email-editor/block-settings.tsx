"use client";
import { ArrowDown, ArrowUp, BookmarkPlus, Trash2 } from "lucide-react";
import { BlockFields } from "./block-fields";
import { moveBlock, selectedBlock, setAttrs, topLevelBlock, type TEditor } from "./editor-state";
import { TextSetting, SettingsGrid } from "./setting-inputs";
import { ToolButton } from "./tool-button";

const NAMES: Record<string, string> = {
  image: "Image", button: "Button", section: "Section", columnsColumn: "Column", spacer: "Spacer",
  socialLinks: "Social links", htmlBlock: "Custom HTML", mergeTag: "Merge tag", horizontalRule: "Divider",
};

/**
 * Under the toolbar: the settings of the selected block (image link and alt text, button
 * colours, section background...) and the actions on the block around the cursor.
 */
export function BlockSettings({ editor, onSaveBlock }: { editor: TEditor; onSaveBlock?: () => void }) {
  const block = selectedBlock(editor);
  const top = topLevelBlock(editor);
  const set = (attrs: Record<string, unknown>) => block && setAttrs(editor, block.pos, attrs);
  const type = block?.node.type.name ?? "";
  const remove = () => {
    if (!top) return;
    const node = editor.state.doc.child(top.index);
    editor.view.dispatch(editor.state.tr.delete(top.pos, top.pos + node.nodeSize));
  };
  return (
    <div className="border-b border-zinc-200 bg-white px-3 py-2" data-testid="block-settings">
      <div className="flex items-center gap-1">
        <span className="mr-auto text-xs font-semibold text-zinc-700">{block ? NAMES[type] ?? type : "Block"}</span>
        <ToolButton label="Move block up" icon={<ArrowUp className="size-4" />} disabled={!top || top.index === 0} onClick={() => moveBlock(editor, -1)} />
        <ToolButton label="Move block down" icon={<ArrowDown className="size-4" />} disabled={!top || top.index >= editor.state.doc.childCount - 1} onClick={() => moveBlock(editor, 1)} />
        {onSaveBlock ? <ToolButton label="Make reusable" showLabel icon={<BookmarkPlus className="size-4" />} disabled={!top} onClick={onSaveBlock} /> : null}
        <ToolButton label="Delete block" icon={<Trash2 className="size-4" />} disabled={!top} onClick={remove} />
      </div>
      {block && type === "mergeTag" ? (
        <div className="mt-2">
          <SettingsGrid>
            <TextSetting label="Attribute" value={String(block.node.attrs.path ?? "")} onCommit={(path) => set({ path })} />
            <TextSetting label="When empty, show" value={String(block.node.attrs.fallback ?? "")} onCommit={(fallback) => set({ fallback })} />
          </SettingsGrid>
        </div>
      ) : block ? (
        <div className="mt-2"><BlockFields key={block.pos} type={type} attrs={block.node.attrs as Record<string, unknown>} set={set} /></div>
      ) : null}
    </div>
  );
}
