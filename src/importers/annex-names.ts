/**
 * The names an annex entry can be joined on: INCI lists, "chemical / INN" pairs, INN names.
 * Pure.
 */
import { nameKey } from "../analyzer/normalize.js";

// Footnote and nomenclature markers that follow a name in the annexes: "Benzyl alcohol (7)",
// "Ensulizole (INN)", "Padimate O (USAN:BAN)", "Iscotrizinol (USAN)".
const TRAILING_MARKER = /\s*\((?:INN|INNM|USAN|BAN|USAN:BAN|\d{1,2}|\*+\d*)\)$/i;

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** A name without its annex markers; "" when nothing usable is left. */
export function cleanAnnexName(raw: string): string {
  let name = raw.replace(/\s+/g, " ").trim();
  for (let before = ""; before !== name; ) {
    before = name;
    name = name.replace(TRAILING_MARKER, "").trim();
  }
  // Annex VI 20 reads "2-Ethylhexyl salicylate / Octisalate)": drop a parenthesis never opened.
  if (name.endsWith(")") && count(name, ")") > count(name, "(")) name = name.slice(0, -1).trim();
  // A name needs a letter: Annex IV 28 has an EC number in its innName column.
  return /[a-z]/i.test(name) && !/^(moved|deleted)\b/i.test(name) ? name : "";
}

// A comma inside a chemical name joins locants ("1,3-", "N,N-", "4,4'-", "PEG-3,2',2'-"):
// a locant (digits or N, O, S, with primes) both before and after it, each ending at a
// delimiter. Any other comma separates two names.
const LOCANT_BEFORE = /(?:^|[\s,(\-[])(?:\d+|[NOS])'*$/;
const LOCANT_AFTER = /^(?:\d+|[NOS])'*[,\-)\s]/;

/**
 * Split an "Identified INGREDIENTS" or glossary cell: names are separated by ";" or "," but
 * chemical names contain commas of their own ("TOLUENE-2,5-DIAMINE,TOLUENE-2,5-DIAMINE SULFATE").
 */
export function splitIngredientList(cell: string): string[] {
  const names: string[] = [];
  for (const part of cell.split(";")) {
    let start = 0;
    for (let comma = part.indexOf(","); comma >= 0; comma = part.indexOf(",", comma + 1)) {
      const locant = LOCANT_BEFORE.test(part.slice(start, comma)) && LOCANT_AFTER.test(part.slice(comma + 1));
      if (locant) continue;
      names.push(part.slice(start, comma));
      start = comma + 1;
    }
    names.push(part.slice(start));
  }
  return names.map(cleanAnnexName).filter((name) => name !== "");
}

/**
 * The variants of a single-name cell: each ";"-separated synonym and, for "chemical / INN"
 * pairs, the pair as written (an INCI name may contain " / ") and each half
 * ("2-Hydroxy-4-methoxybenzophenone / Oxybenzone").
 * Commas are not split here: "Phenol, 4-chloro-3,5-dimethyl-" must not yield "Phenol".
 */
export function nameVariants(cell: string): string[] {
  const variants = cell.split(";").flatMap((synonym) => {
    const halves = synonym.split(/\s\/\s/);
    return halves.length > 1 ? [synonym, ...halves] : [synonym];
  });
  return variants.map(cleanAnnexName).filter((name) => name !== "");
}

/** Names without repeats, compared by nameKey; the first spelling is kept. */
export function uniqueNames(names: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = nameKey(name);
    if (key !== "" && !byKey.has(key)) byKey.set(key, name);
  }
  return [...byKey.values()];
}
