import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { Badge } from "@/components/ui";
import { openApiDocument } from "@/server/openapi/document";
import { inlineMarkdownToHtml, markdownToHtml } from "@/server/openapi/markdown";

export const metadata: Metadata = { title: "API reference" };

type TContent = { content?: { "application/json"?: { schema?: { $ref?: string } } } };
type TOperation = { tags?: string[]; summary?: string; description?: string; security?: Record<string, unknown>[]; parameters?: { name: string; in: string; required?: boolean; description?: string }[]; requestBody?: TContent; responses: Record<string, { description: string } & TContent> };
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const TONES = { get: "blue", post: "green", put: "amber", patch: "amber", delete: "red" } as const;
const nameOf = (c?: TContent) => c?.content?.["application/json"]?.schema?.$ref?.split("/").pop();

const PROSE = "[&_a]:text-brand-700 [&_a]:underline [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:text-[0.85em] [&_code]:text-zinc-800 [&_ul]:list-disc [&_ul]:pl-5";

/** Markdown from the document, rendered safe (server/openapi/markdown.ts). */
function Markdown({ source, className, inline }: { source: string; className?: string; inline?: boolean }) {
  if (inline) return <span className={`${PROSE} ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: inlineMarkdownToHtml(source) }} />;
  return <div className={`${PROSE} ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: markdownToHtml(source) }} />;
}

function SchemaDetails({ label, name, schemas }: { label: string; name: string; schemas: Record<string, unknown> }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-zinc-800">{label}: {name}</summary>
      <pre className="mt-2 max-h-96 overflow-auto rounded-lg bg-zinc-50 p-3 text-xs text-zinc-700 ring-1 ring-zinc-200">{JSON.stringify(schemas[name], null, 2)}</pre>
    </details>
  );
}

/** The public API, rendered from the same OpenAPI document served at /api/v1/openapi.json. */
export default function ApiReferencePage() {
  const doc = openApiDocument();
  const schemas = doc.components.schemas as Record<string, unknown>;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({ path, method, op: (item as Record<string, TOperation>)[method]!, shared: (item as { parameters?: TOperation["parameters"] }).parameters ?? [] })),
  );
  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <div className="flex items-center justify-between"><Logo /><Link href="/api/v1/openapi.json" className="text-sm font-medium text-brand-700 hover:underline">openapi.json</Link></div>
      <h1 className="mt-8 text-3xl font-semibold tracking-tight text-zinc-900">{doc.info.title}</h1>
      <Markdown source={doc.info.description} className="mt-2 max-w-3xl space-y-2 text-sm text-zinc-600" />
      <div className="mt-8 space-y-6">
        {operations.map(({ path, method, op, shared }) => {
          const body = nameOf(op.requestBody);
          const success = Object.entries(op.responses).find(([code]) => code.startsWith("2"));
          const answer = nameOf(success?.[1]);
          const params = [...shared, ...(op.parameters ?? [])];
          return (
            <section key={`${method} ${path}`} id={`${method}-${path}`} className="rounded-xl border border-zinc-200 bg-white shadow-sm" data-testid="api-operation">
              <header className="flex flex-wrap items-center gap-3 border-b border-zinc-100 px-5 py-3">
                <Badge tone={TONES[method]}>{method.toUpperCase()}</Badge>
                <code className="text-sm font-semibold text-zinc-900">{path}</code>
                {op.summary && <Markdown inline source={op.summary} className="text-sm text-zinc-600" />}
                <span className="ml-auto text-xs text-zinc-500">{op.tags?.join(", ")} · {op.security?.length === 0 ? "no key" : op.security?.some((s) => "writeKey" in s) ? "write key" : "secret key"}</span>
              </header>
              <div className="space-y-3 px-5 py-4 text-sm">
                {op.description && <Markdown source={op.description} className="space-y-2 text-zinc-600" />}
                {params.length > 0 && (
                  <ul className="space-y-1">{params.map((p) => <li key={p.name}><code className="text-zinc-900">{p.name}</code> <span className="text-xs text-zinc-500">({p.in}{p.required ? ", required" : ""})</span> {p.description && <Markdown inline source={p.description} className="text-zinc-600" />}</li>)}</ul>
                )}
                {body && <SchemaDetails label="Body" name={body} schemas={schemas} />}
                {answer && <SchemaDetails label={`Answer ${success![0]}`} name={answer} schemas={schemas} />}
                <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-500">{Object.entries(op.responses).map(([code, r]) => <li key={code}><strong className="text-zinc-700">{code}</strong> <Markdown inline source={r.description} /></li>)}</ul>
              </div>
            </section>
          );
        })}
      </div>
    </main>
  );
}
