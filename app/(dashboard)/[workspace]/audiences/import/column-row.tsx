"use client";
import { Input, Select } from "@/components/ui";
import type { TCsvColumnMapping } from "@/db/schema/audiences";

const NAMESPACES = [
  ["email", "Email"],
  ["external_id", "External id"],
  ["phone", "Phone"],
] as const;
const TYPES = ["string", "number", "boolean", "date"] as const;

const keyOf = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "column";

/** One column of the file: identifies the profile, becomes an attribute, or is skipped. */
export function ColumnRow({ mapping: m, samples, onChange }: { mapping: TCsvColumnMapping; samples: string[]; onChange: (next: TCsvColumnMapping) => void }) {
  const base = { column: m.column, header: m.header };
  const id = `col-${m.column}`;
  return (
    <tr data-testid={`column-${m.header}`}>
      <td className="px-5 py-2.5 font-medium text-zinc-900">{m.header}</td>
      <td className="max-w-48 truncate px-3 py-2.5 text-zinc-500" title={samples.slice(0, 3).join(", ")}>
        {samples.filter(Boolean).slice(0, 3).join(", ") || <span className="italic">empty</span>}
      </td>
      <td className="px-3 py-2.5">
        <Select
          aria-label={`Use of ${m.header}`}
          id={`${id}-role`}
          value={m.role}
          wrapperClassName="w-44"
          onChange={(e) => {
            const role = e.target.value as TCsvColumnMapping["role"];
            if (role === "identity") onChange({ ...base, role, namespace: m.namespace ?? "email" });
            else if (role === "attribute") onChange({ ...base, role, key: m.key ?? keyOf(m.header), type: m.type ?? "string" });
            else onChange({ ...base, role });
          }}
        >
          <option value="identity">Identifier</option>
          <option value="attribute">Attribute</option>
          <option value="skip">Skip</option>
        </Select>
      </td>
      <td className="px-5 py-2.5">
        {m.role === "identity" && (
          <Select aria-label={`Identity of ${m.header}`} value={m.namespace} wrapperClassName="w-44" onChange={(e) => onChange({ ...base, role: "identity", namespace: e.target.value as TCsvColumnMapping["namespace"] })}>
            {NAMESPACES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        )}
        {m.role === "attribute" && (
          <div className="flex gap-2">
            <Input aria-label={`Attribute key of ${m.header}`} value={m.key ?? ""} className="w-44" onChange={(e) => onChange({ ...m, key: e.target.value })} />
            <Select aria-label={`Type of ${m.header}`} value={m.type} wrapperClassName="w-32" onChange={(e) => onChange({ ...m, type: e.target.value as TCsvColumnMapping["type"] })}>
              {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </Select>
          </div>
        )}
        {m.role === "skip" && <span className="text-zinc-400">Not imported</span>}
      </td>
    </tr>
  );
}
