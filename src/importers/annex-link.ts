/**
 * Join annex entries to dictionary ingredients: by name, by CAS number, and by class for the
 * entries that name a class of substances (annex-class-rules.ts). Pure.
 */
import { nameKey } from "../analyzer/normalize.js";
import { findClassRule } from "./annex-class-rules.js";
import type { AnnexRow } from "./annex-parse.js";

export { findClassRule } from "./annex-class-rules.js";

/** A dictionary ingredient as the linker needs it. */
export interface LinkCandidate {
  id: number;
  inci: string;
  cas: string[];
  origin: string | null;
  aliases: string[];
}

export interface AnnexLink {
  /** The very row object passed in (callers find their own ids on it). */
  row: AnnexRow;
  ingredientId: number;
  /** The strongest evidence for the link when several apply: name, then CAS, then class. */
  matchedBy: "name" | "cas" | "class";
}

function indexBy(candidates: readonly LinkCandidate[], keys: (c: LinkCandidate) => string[]) {
  const index = new Map<string, number[]>();
  for (const candidate of candidates) {
    for (const key of keys(candidate)) {
      const ids = index.get(key);
      if (ids) ids.push(candidate.id);
      else index.set(key, [candidate.id]);
    }
  }
  return index;
}

/**
 * Every (entry, ingredient) link, once per pair. A CAS cell that lists a whole group (Annex V
 * 1a lists 12 benzoates) links each ingredient carrying one of its numbers, which is intended.
 * The indexes are built once; only class rules scan all candidates, for the few entries they fit.
 */
export function linkAnnexRows(rows: readonly AnnexRow[], candidates: readonly LinkCandidate[]): AnnexLink[] {
  const byName = indexBy(candidates, (c) => [c.inci, ...c.aliases].map(nameKey));
  const byCas = indexBy(candidates, (c) => c.cas);
  const links: AnnexLink[] = [];
  for (const row of rows) {
    const linked = new Set<number>();
    const add = (ids: readonly number[] | undefined, matchedBy: AnnexLink["matchedBy"]) => {
      for (const ingredientId of ids ?? []) {
        if (linked.has(ingredientId)) continue;
        linked.add(ingredientId);
        links.push({ row, ingredientId, matchedBy });
      }
    };
    for (const name of row.names) add(byName.get(nameKey(name)), "name");
    for (const cas of row.cas) add(byCas.get(cas), "cas");
    const rule = findClassRule(row);
    if (rule)
      add(
        candidates.filter((c) => rule.includes(c)).map((c) => c.id),
        "class",
      );
  }
  return links;
}
