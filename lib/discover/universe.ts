import type { DiscoveredConnection } from "./read-model";
import type { FieldState, StreamState } from "./summarize";

/** The data source universe as the page sends it to the browser: sources, their tables (streams), their fields. */
export type UniverseField = { name: string; type: string; target: string | null; state: FieldState };
/** `fieldCount`: how many fields the table has, when a search shows only some of them. */
export type UniverseTable = { name: string; entity: string | null; state: StreamState; fieldCount: number; fields: UniverseField[] };
export type UniverseSource = { id: string; name: string; typeLabel: string; tables: UniverseTable[] };

/** The universe of the discovered connections: only what the tree shows, so the page sends no more. */
export function toUniverse(connections: DiscoveredConnection[]): UniverseSource[] {
  return connections.map((c) => ({
    id: c.id,
    name: c.name,
    typeLabel: c.typeLabel,
    tables: c.streams.map((s) => ({
      name: s.name,
      entity: s.entity,
      state: s.state,
      fieldCount: s.fields.length,
      fields: s.fields.map((f) => ({ name: f.name, type: f.type, target: f.target, state: f.state })),
    })),
  }));
}

/** A source's key, and a table's within it: what the tree opens and closes. */
export const sourceKey = (source: { id: string }) => source.id;
export const tableKey = (source: { id: string }, table: { name: string }) => JSON.stringify([source.id, table.name]);

export type UniverseMatch = {
  sources: UniverseSource[];
  /** Keys of the sources and tables holding a match, to open them. */
  open: Set<string>;
  fields: number;
  tables: number;
};

const words = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);
const holdsAll = (text: string, terms: string[]) => terms.every((t) => text.includes(t));

/**
 * What a search shows: a source or table whose name holds every word keeps all its fields; otherwise
 * only the fields whose name, type or mapped canonical field (with the source and table names) hold
 * every word. Case-insensitive. An empty query shows everything and opens nothing.
 */
export function filterUniverse(sources: UniverseSource[], query: string): UniverseMatch {
  const terms = words(query);
  const count = (list: UniverseSource[]) => ({
    tables: list.reduce((n, s) => n + s.tables.length, 0),
    fields: list.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.fields.length, 0), 0),
  });
  if (terms.length === 0) return { sources, open: new Set(), ...count(sources) };
  const open = new Set<string>();
  const shown: UniverseSource[] = [];
  for (const source of sources) {
    const sourceText = `${source.name} ${source.typeLabel}`.toLowerCase();
    if (holdsAll(sourceText, terms)) {
      shown.push(source);
      open.add(sourceKey(source));
      continue;
    }
    const tables: UniverseTable[] = [];
    for (const table of source.tables) {
      const tableText = `${sourceText} ${table.name} ${table.entity ?? ""}`.toLowerCase();
      if (holdsAll(tableText, terms)) {
        tables.push(table);
        open.add(tableKey(source, table));
        continue;
      }
      const fields = table.fields.filter((f) => holdsAll(`${tableText} ${f.name} ${f.type} ${f.target ?? ""}`.toLowerCase(), terms));
      if (fields.length === 0) continue;
      tables.push({ ...table, fields });
      open.add(tableKey(source, table));
    }
    if (tables.length === 0) continue;
    shown.push({ ...source, tables });
    open.add(sourceKey(source));
  }
  return { sources: shown, open, ...count(shown) };
}
