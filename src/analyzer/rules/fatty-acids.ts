/**
 * Fatty acids recognised in INCI names, with their chain length, for the fungal-acne rule.
 *
 * Why chain length: Malassezia yeasts cannot make their own fatty acids and feed on those of
 * roughly C11-C24 from sebum and from products (Gaitanis et al., "The Malassezia genus in skin and
 * systemic diseases", Clin Microbiol Rev 2012;25:106-141). Shorter acids (caprylic C8, capric C10)
 * are generally considered fine, and undecylenic acid (C11) is an antifungal, so neither is listed.
 * The acid is read from the acid part of the name only ("COCO-CAPRYLATE" is an ester of caprylic acid).
 */

export interface FattyAcid {
  /** "palmitic acid" */
  acid: string;
  /** "C16", "C18:1" */
  chain: string;
}

export type AcylForm = "acid" | "ester" | "salt";

export interface FattyAcyl {
  fattyAcid: FattyAcid;
  form: AcylForm;
}

const fa = (acid: string, chain: string): FattyAcid => ({ acid, chain });

/** Name stem -> fatty acid. "<STEM>IC ACID" is the acid; "<STEM>ATE" an ester or salt. */
const STEMS: Record<string, FattyAcid> = {
  LAUR: fa("lauric acid", "C12"),
  MYRIST: fa("myristic acid", "C14"),
  PALMIT: fa("palmitic acid", "C16"),
  PALMITOLE: fa("palmitoleic acid", "C16:1"),
  STEAR: fa("stearic acid", "C18"),
  ISOSTEAR: fa("isostearic acid", "C18, branched"),
  HYDROXYSTEAR: fa("hydroxystearic acid", "C18"),
  OLE: fa("oleic acid", "C18:1"),
  LINOLE: fa("linoleic acid", "C18:2"),
  LINOLEN: fa("linolenic acid", "C18:3"),
  RICINOLE: fa("ricinoleic acid", "C18:1"),
  ARACHID: fa("arachidic acid", "C20"),
  BEHEN: fa("behenic acid", "C22"),
  ERUC: fa("erucic acid", "C22:1"),
  LIGNOCER: fa("lignoceric acid", "C24"),
};

/** Mixed fatty acids of an oil, named after it ("GLYCERYL COCOATE", "COCONUT ACID"). */
const MIXED: Record<string, FattyAcid> = {
  COCOATE: fa("coconut fatty acids", "mainly C12-C14"),
  COCONUT: fa("coconut fatty acids", "mainly C12-C14"),
  PALMATE: fa("palm fatty acids", "mainly C16-C18"),
  PALM: fa("palm fatty acids", "mainly C16-C18"),
  OLIVATE: fa("olive fatty acids", "mainly C18:1"),
  TALLOWATE: fa("tallow fatty acids", "mainly C16-C18"),
  TALLOW: fa("tallow fatty acids", "mainly C16-C18"),
};

const SALT_CATIONS = /^(SODIUM|POTASSIUM|MAGNESIUM|ZINC|CALCIUM|ALUMINUM|LITHIUM|AMMONIUM|TEA|MEA)[\s-]/;

/** "DIISOSTEARATE", "TRIOLEATE", "POLYRICINOLEATE": several acyl groups of one acid. */
const MULTIPLIER = /^(DI|TRI|TETRA|PENTA|HEXA|SESQUI|POLY)/;

// Maps rather than the object literals above: looking a fresh string up as a property name costs
// a string-table search each time (the names are upper case: no Object.prototype name matches).
const STEM_OF = new Map(Object.entries(STEMS));
const MIXED_OF = new Map(Object.entries(MIXED));

function stem(word: string): FattyAcid | undefined {
  return STEM_OF.get(word) ?? STEM_OF.get(word.replace(MULTIPLIER, ""));
}

function acidWord(word: string): FattyAcid | undefined {
  if (word.endsWith("IC")) return stem(word.slice(0, -2));
  return MIXED_OF.get(word);
}

function esterWord(word: string): FattyAcid | undefined {
  if (!word.endsWith("ATE")) return undefined;
  return MIXED_OF.get(word) ?? stem(word.slice(0, -3));
}

/** The C11-C24 fatty acid an INCI name is, or is an ester or salt of; null when none. */
export function fattyAcylOf(inci: string): FattyAcyl | null {
  // Hyphenated parts are separate words: "COCO-CAPRYLATE" -> COCO, CAPRYLATE.
  const words = inci
    .toUpperCase()
    .split(/[\s/,()-]+/)
    .filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (words[i + 1] === "ACID") {
      const acid = acidWord(word);
      if (acid) return { fattyAcid: acid, form: "acid" };
    }
    const ester = esterWord(word);
    if (ester) {
      const salt = SALT_CATIONS.test(inci.toUpperCase()) && i === words.length - 1;
      return { fattyAcid: ester, form: salt ? "salt" : "ester" };
    }
  }
  return null;
}

/** "ester of palmitic acid (C16)", "salt of stearic acid (C18)", "fatty acid (C12)". */
export function describeAcyl({ fattyAcid, form }: FattyAcyl): string {
  if (form === "acid") return `fatty acid (${fattyAcid.chain})`;
  return `${form} of ${fattyAcid.acid} (${fattyAcid.chain})`;
}
