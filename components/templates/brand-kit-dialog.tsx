"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Palette } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, Dialog, Field, Input, Select } from "@/components/ui";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { BRAND_FONTS, DEFAULT_BRAND, type TBrand } from "@/server/messaging/email-brand";

const COLORS: [keyof TBrand, string][] = [["primaryColor", "Buttons and links"], ["textColor", "Text"], ["backgroundColor", "Email background"]];
const FONT_LABELS: Record<keyof typeof BRAND_FONTS, string> = { system: "System (San Francisco, Segoe, Roboto)", helvetica: "Helvetica / Arial", georgia: "Georgia (serif)", verdana: "Verdana", trebuchet: "Trebuchet MS" };

/** The workspace's brand kit: logo, colours and font that every email is sent with. */
export function BrandKitButton() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const kit = useQuery(trpc.emailDesign.brand.queryOptions({ workspaceId: ws.id }));
  const [draft, setDraft] = useState<TBrand>(DEFAULT_BRAND);
  useEffect(() => { if (kit.data && open) setDraft(kit.data.brand); }, [kit.data, open]);
  const save = useMutation(trpc.emailDesign.updateBrand.mutationOptions({
    onSuccess: () => { queryClient.invalidateQueries({ queryKey: trpc.emailDesign.brand.queryKey() }); toast.success("Brand kit saved: every email now uses it"); setOpen(false); },
  }));
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof TBrand>(key: K, value: TBrand[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const canManage = ws.can("templates.manage");
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}><Palette className="size-4" /> Brand kit</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Email brand kit" description="Applied to every email this workspace sends: the logo on top, your colours and font on every block." footer={<><Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>{canManage ? <Button onClick={() => save.mutate({ workspaceId: ws.id, brand: draft })} disabled={save.isPending}>Save brand kit</Button> : null}</>}>
        <div className="space-y-4">
          {save.error && Object.keys(errors).length === 0 ? <p role="alert" className="text-sm text-red-600">{messageOf(save.error)}</p> : null}
          <Field label="Logo URL" htmlFor="brand-logo" error={errors["brand.logoUrl"]} hint="An https:// image; leave empty for no logo.">
            <Input id="brand-logo" value={draft.logoUrl} disabled={!canManage} placeholder="https://cdn.example.com/logo.png" onChange={(e) => set("logoUrl", e.target.value)} />
          </Field>
          <Field label="Logo width (px)" htmlFor="brand-logo-width" error={errors["brand.logoWidth"]}>
            <Input id="brand-logo-width" type="number" min={40} max={400} value={draft.logoWidth} disabled={!canManage} onChange={(e) => set("logoWidth", Number(e.target.value))} />
          </Field>
          <div className="grid grid-cols-3 gap-3">
            {COLORS.map(([key, label]) => (
              <Field key={key} label={label} htmlFor={`brand-${key}`} error={errors[`brand.${key}`]}>
                <div className="flex items-center gap-2">
                  <input id={`brand-${key}`} type="color" className="h-9 w-11 cursor-pointer rounded border border-zinc-300 p-0.5" value={String(draft[key])} disabled={!canManage} onChange={(e) => set(key, e.target.value as never)} />
                  <span className="font-mono text-xs text-zinc-500">{String(draft[key])}</span>
                </div>
              </Field>
            ))}
          </div>
          <Field label="Font" htmlFor="brand-font">
            <Select id="brand-font" value={draft.font} disabled={!canManage} onChange={(e) => set("font", e.target.value as TBrand["font"])}>
              {Object.entries(FONT_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          </Field>
          <div className="rounded-lg p-4" style={{ backgroundColor: draft.backgroundColor, fontFamily: BRAND_FONTS[draft.font], color: draft.textColor }}>
            {/* eslint-disable-next-line @next/next/no-img-element -- the marketer's own logo URL, as the email shows it */}
            {draft.logoUrl.startsWith("https://") ? <img src={draft.logoUrl} alt="Logo preview" width={Math.min(draft.logoWidth, 200)} className="mx-auto mb-2 block" /> : null}
            <p className="text-sm">Hello Ada, this is how your emails look.</p>
            <span className="mt-2 inline-block rounded px-3 py-1.5 text-sm font-medium text-white" style={{ backgroundColor: draft.primaryColor }}>A button</span>
          </div>
        </div>
      </Dialog>
    </>
  );
}
