"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LayoutTemplate, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button, Dialog, DropdownItem, DropdownLabel, DropdownMenu, Field, Input, Select } from "@/components/ui";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { selectedTopLevelBlocks, type TEditor } from "./editor-state";
import { toolClass } from "./tool-button";

type TRole = "header" | "footer" | "block";

/** The workspace's saved blocks: a header goes first, a footer last, any other block at the cursor. */
export function SavedBlocksMenu({ editor }: { editor: TEditor }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const blocks = useQuery(trpc.emailDesign.blocks.queryOptions({ workspaceId: ws.id }, { staleTime: 30_000 }));
  const remove = useMutation(trpc.emailDesign.deleteBlock.mutationOptions({ onError: (e) => toast.error(messageOf(e)), onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.emailDesign.blocks.queryKey() }) }));
  const insert = (role: string, content: unknown[]) => {
    if (role !== "header" && role !== "footer") return editor.chain().focus().insertContent(content as never).run();
    // A header goes first and a footer last, wherever the cursor is.
    const { state, schema } = editor;
    const nodes = content.map((json) => schema.nodeFromJSON(json));
    editor.view.dispatch(state.tr.insert(role === "header" ? 0 : state.doc.content.size, nodes).scrollIntoView());
  };
  const rows = blocks.data ?? [];
  return (
    <DropdownMenu align="start" triggerLabel="Reusable blocks" triggerClassName={toolClass} trigger={<><LayoutTemplate className="size-4" /> Reusable blocks</>} className="z-20">
      <div className="max-h-72 w-64 overflow-y-auto">
        {rows.length === 0 ? <DropdownLabel>None yet: select a block and "Make reusable".</DropdownLabel> : null}
        {rows.map((b) => (
          <div key={b.id} className="flex items-center">
            <DropdownItem onSelect={() => insert(b.role, b.content)}>
              <span className="truncate">{b.name}</span>
              <span className="ml-auto text-[11px] capitalize text-zinc-400">{b.role}</span>
            </DropdownItem>
            {ws.can("templates.manage") ? <button type="button" aria-label={`Delete reusable block ${b.name}`} className="mr-1 rounded p-1 text-zinc-300 hover:text-red-600" onClick={() => confirm(`Delete the reusable block "${b.name}"?`) && remove.mutate({ workspaceId: ws.id, blockId: b.id })}><Trash2 className="size-3.5" /></button> : null}
          </div>
        ))}
      </div>
    </DropdownMenu>
  );
}

/** Saves the top-level blocks the selection touches (or the one around the cursor) under a name, for every email of the workspace. */
export function SaveBlockDialog({ editor, open, onClose }: { editor: TEditor; open: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<TRole>("footer");
  const save = useMutation(trpc.emailDesign.saveBlock.mutationOptions({
    onSuccess: (row) => { queryClient.invalidateQueries({ queryKey: trpc.emailDesign.blocks.queryKey() }); toast.success(`"${row.name}" is now a reusable block`); setName(""); onClose(); },
  }));
  const errors = fieldErrorsOf(save.error);
  const submit = () => {
    const content = selectedTopLevelBlocks(editor);
    if (content.length) save.mutate({ workspaceId: ws.id, block: { name, role, content } });
  };
  return (
    <Dialog open={open} onClose={onClose} title="Make this block reusable" description="Insert it in any email of the workspace from the Reusable blocks menu." footer={<><Button variant="ghost" onClick={onClose}>Cancel</Button><Button onClick={submit} disabled={save.isPending}>Add to reusable blocks</Button></>}>
      <div className="space-y-4">
        <Field label="Block name" htmlFor="saved-block-name" error={errors.name ?? (save.error && !errors.name ? messageOf(save.error) : undefined)}>
          <Input id="saved-block-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Footer with social links" autoFocus />
        </Field>
        <Field label="Kind" htmlFor="saved-block-role">
          <Select id="saved-block-role" value={role} onChange={(e) => setRole(e.target.value as TRole)}>
            <option value="header">Header (inserted at the top)</option>
            <option value="footer">Footer (inserted at the bottom)</option>
            <option value="block">Block (inserted at the cursor)</option>
          </Select>
        </Field>
      </div>
    </Dialog>
  );
}
