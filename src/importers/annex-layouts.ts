/**
 * The column layouts of the CosIng annex exports and how each maps onto one annex row.
 * Header names are compared by headerKey (lower case, spaces collapsed).
 */
import type { Annex } from "../ingredients/types.js";

/** The cells of one annex row by meaning, before cleaning. */
export interface AnnexCells {
  /** The row's own annex (annexNo column of the 2026 layout); undefined when the layout fixes it. */
  annexNo: string | undefined;
  ref: string;
  substance: string;
  /** Cells holding one name, possibly as "chemical / INN" pairs. */
  names: string[];
  /** Cells holding comma- or semicolon-separated INCI lists. */
  lists: string[];
  cas: string;
  ec: string;
  productType: string;
  maxConcentration: string;
  conditions: string;
  warnings: string;
  regulation: string;
  updated: string;
}

type Cell = (header: string) => string;

export interface AnnexLayout {
  name: string;
  /** The annex every row belongs to, or null when each row names it (annexNo). */
  annex: Annex | null;
  required: string[];
  read(cell: Cell): AnnexCells;
}

const IDENTIFIED = "identified ingredients or substances e.g.";

/** December 2025 export of Annex III (restricted substances), 16 columns after a preamble. */
const ANNEX_III_2025: AnnexLayout = {
  name: "CosIng Annex III export",
  annex: "III",
  required: [
    "reference number",
    "chemical name / inn",
    "name of common ingredients glossary",
    "cas number",
    "ec number",
    "product type, body parts",
    "maximum concentration in ready for use preparation",
    "other",
    "wording of conditions of use and warnings",
    "regulation",
    IDENTIFIED,
    "update date",
  ],
  read: (cell) => ({
    ...readAnnexII(cell),
    lists: [cell("name of common ingredients glossary"), cell(IDENTIFIED)],
    productType: cell("product type, body parts"),
    maxConcentration: cell("maximum concentration in ready for use preparation"),
    conditions: cell("other"),
    warnings: cell("wording of conditions of use and warnings"),
  }),
};

function readAnnexII(cell: Cell): AnnexCells {
  const substance = cell("chemical name / inn");
  return {
    annexNo: undefined,
    ref: cell("reference number"),
    substance,
    names: [substance],
    lists: [cell(IDENTIFIED)],
    cas: cell("cas number"),
    ec: cell("ec number"),
    productType: "",
    maxConcentration: "",
    conditions: "",
    warnings: "",
    regulation: cell("regulation"),
    updated: cell("update date"),
  };
}

/** December 2025 export of Annex II (prohibited substances), 11 columns after a preamble. */
const ANNEX_II_2025: AnnexLayout = {
  name: "CosIng Annex II export",
  annex: "II",
  required: ["reference number", "chemical name / inn", "cas number", "ec number", "regulation", IDENTIFIED],
  read: readAnnexII,
};

/**
 * The 2026 22-column export of Annexes IV, V and VI (one annex per file, named on every row).
 * Ignored on purpose: otherRestrictions (REACH boilerplate and "<empty>" padding, not cosmetic
 * restrictions) and identifiedIngredient (CosIng numeric ids, not names).
 */
const ANNEXES_2026: AnnexLayout = {
  name: "CosIng 2026 annex export",
  annex: null,
  required: ["refno", "annexno", "inciname", "chemicalname", "innname", "casno", "ecno"],
  read: (cell) => {
    const annexNo = cell("annexno").trim();
    const maxConcentration = cell("maximumconcentration");
    // Annex IV's export puts the field of application ("Rinse-off products", "Not to be used in
    // eye products") in maximumConcentration; only a cell stating a percentage is a maximum.
    const fieldOfApplication = annexNo === "IV" && !maxConcentration.includes("%");
    return {
      annexNo,
      ref: cell("refno"),
      substance: cell("inciname").trim() || cell("chemicalname"),
      names: [cell("inciname"), cell("chemicalname"), cell("innname")],
      lists: [],
      cas: cell("casno"),
      ec: cell("ecno"),
      productType: fieldOfApplication
        ? [maxConcentration, cell("producttypebodyparts")].filter((text) => text.trim()).join("\n")
        : cell("producttypebodyparts"),
      maxConcentration: fieldOfApplication ? "" : maxConcentration,
      conditions: cell("note"),
      warnings: "",
      regulation: "",
      updated: cell("publicationdate"),
    };
  },
};

/** Most specific first: every Annex II header is also an Annex III header. */
export const ANNEX_LAYOUTS: readonly AnnexLayout[] = [ANNEX_III_2025, ANNEX_II_2025, ANNEXES_2026];
