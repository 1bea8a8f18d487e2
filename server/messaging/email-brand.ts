import { z } from "zod";

// A workspace's brand kit: applied to every email it sends (the editor shows it too), so a
// marketer changes the logo or colours once instead of in every template. Client-safe.

const ZColor = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1f6feb");
export const BRAND_FONTS = {
  system: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  helvetica: "Helvetica, Arial, sans-serif",
  georgia: "Georgia, 'Times New Roman', serif",
  verdana: "Verdana, Geneva, sans-serif",
  trebuchet: "'Trebuchet MS', Tahoma, sans-serif",
} as const;

export const ZBrand = z.object({
  logoUrl: z.string().trim().max(2000).refine((v) => v === "" || /^https:\/\//.test(v), "The logo URL must start with https://").default(""),
  logoWidth: z.number().int().min(40, "Logo width: 40 to 400 px").max(400, "Logo width: 40 to 400 px").default(120),
  primaryColor: ZColor.default("#4f46e5"),
  textColor: ZColor.default("#18181b"),
  backgroundColor: ZColor.default("#f4f4f5"),
  font: z.enum(Object.keys(BRAND_FONTS) as [keyof typeof BRAND_FONTS], { error: "Pick one of the listed fonts" }).default("system"),
});
export type TBrand = z.output<typeof ZBrand>;
export const DEFAULT_BRAND: TBrand = ZBrand.parse({});

/** The editor theme (react-email/editor's `extendTheme` shape) that carries the brand; "basic" without one. */
export function brandTheme(brand?: TBrand | null) {
  return brand ? brandStyles(brand) : ("basic" as const);
}

export function brandStyles(brand: TBrand) {
  const fontFamily = BRAND_FONTS[brand.font];
  return {
    extends: "basic" as const,
    styles: {
      body: { backgroundColor: brand.backgroundColor, fontFamily, color: brand.textColor },
      container: { backgroundColor: "#ffffff", color: brand.textColor },
      h1: { color: brand.textColor, fontFamily },
      h2: { color: brand.textColor, fontFamily },
      h3: { color: brand.textColor, fontFamily },
      paragraph: { color: brand.textColor, fontFamily },
      link: { color: brand.primaryColor },
      button: { backgroundColor: brand.primaryColor, color: "#ffffff" },
    },
  };
}

/** The brand's logo as the first block of an email document, when it has one. */
export function withBrandLogo<T extends { type?: string; content?: unknown[] }>(document: T, brand?: TBrand | null): T {
  if (!brand?.logoUrl) return document;
  const logo = { type: "image", attrs: { src: brand.logoUrl, alt: "", width: String(brand.logoWidth), alignment: "center" } };
  return { ...document, content: [logo, ...(document.content ?? [])] };
}

/** The brand the send pipeline attached to an email's content (never authored: saves drop it). */
export function brandOf(content: { brand?: unknown }): TBrand | null {
  const parsed = content.brand ? ZBrand.safeParse(content.brand) : null;
  return parsed?.success ? parsed.data : null;
}
