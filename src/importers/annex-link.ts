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
      if (!ids) index.set(key, [candidate.id]);
      // A name or CAS repeated within one candidate counts once (the CAS rule counts carriers).
      else if (ids[ids.length - 1] !== candidate.id) ids.push(candidate.id);
    }
  }
  return index;
}

/**
 * A CAS number carried by more dictionary names than this identifies a plant or a group, not a
 * substance: CosIng gives every preparation of a plant the plant's EINECS number (84603-73-6 for
 * all 5 LAURUS NOBILIS extracts, waters and oils), so Annex II 359 "Oil from the seeds of Laurus
 * nobilis" would otherwise prohibit LAURUS NOBILIS LEAF EXTRACT. The largest true synonym sets
 * in the 2020 inventory have 3 names (CI 74160, PIGMENT BLUE 15, PIGMENT BLUE 15:1).
 */
export const MAX_CAS_CARRIERS = 3;

/**
 * Every (entry, ingredient) link, once per pair. A CAS cell that lists a whole group (Annex V
 * 1a lists 12 benzoates) links each ingredient carrying one of its numbers, which is intended.
 * A CAS number shared by several ingredients does not link when the entry already names one of
 * them (Annex III 366 names the rose oils; the rose waters and callus extracts sharing the plant's
 * CAS are not the substance), nor when more than MAX_CAS_CARRIERS share it.
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
    const namedByRow = new Set(linked);
    for (const cas of row.cas) {
      const carriers = byCas.get(cas) ?? [];
      const named = carriers.length > 1 && carriers.some((id) => namedByRow.has(id));
      if (carriers.length <= MAX_CAS_CARRIERS && !named) add(carriers, "cas");
    }
    const rule = findClassRule(row);
    const members = rule ? candidates.filter((c) => rule.includes(c)).map((c) => c.id) : [];
    add(members, "class");
  }
  return links;
}
