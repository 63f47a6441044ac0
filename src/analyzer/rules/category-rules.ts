import type { Rule } from "../types.js";
import { categoriesOf } from "./classify.js";
import { type EntryCheck, presenceRule } from "./define.js";
import { isFragranceDeclarationName } from "./name-patterns.js";
import { formalNamesOf, normalizeName } from "./names.js";
import { isBelowOnePercent } from "./one-percent.js";

export const fragranceCheck: EntryCheck = (ingredient) => {
  if (!categoriesOf(ingredient).has("fragrance")) return null;
  // Article 19(1)(g): perfume compositions are listed as "parfum" or "aroma", their components unnamed.
  return formalNamesOf(ingredient).some(isFragranceDeclarationName)
    ? "fragrance (perfume or aroma composition); its components are not listed, apart from the labelled allergens"
    : "fragrance ingredient";
};

export const essentialOilCheck: EntryCheck = (ingredient) =>
  categoriesOf(ingredient).has("essential-oil")
    ? "essential oil or absolute, a natural fragrance material and a known cause of fragrance allergy"
    : null;

/** Where on the list a drying alcohol sits says a lot about how much there is. */
export const dryingAlcoholCheck: EntryCheck = (ingredient, entry, entries) => {
  if (!categoriesOf(ingredient).has("drying-alcohol")) return null;
  const what = "short-chain (drying) alcohol; at high levels it can dry and irritate skin";
  if (isBelowOnePercent(entry, entries)) return `${what}; here after the 1 % line, so at 1 % or less`;
  if (entry.group === "main" && entry.position <= 5) return `${what}; here among the first five ingredients`;
  return what;
};

export const siliconeCheck: EntryCheck = (ingredient) => {
  const categories = categoriesOf(ingredient);
  if (!categories.has("silicone")) return null;
  return categories.has("water-soluble-silicone")
    ? "silicone, water-soluble (PEG/PPG-modified): rinses off with water"
    : "silicone, not water-soluble: needs a cleansing surfactant to wash off";
};

export const sulfateCheck: EntryCheck = (ingredient) => {
  if (!categoriesOf(ingredient).has("sulfate")) return null;
  // SLS is the reference irritant of patch-test studies (Lee & Maibach, Contact Dermatitis 1995;33:1-7).
  return normalizeName(ingredient.inci) === "SODIUM LAURYL SULFATE"
    ? "alkyl sulfate surfactant, the reference skin irritant of patch-test studies"
    : "alkyl sulfate surfactant (strong cleansing agent)";
};

/** Regulation (EU) No 358/2014 removed these five from Annex V and put them in Annex II. */
const BANNED_PARABENS = /^(ISOPROPYL|ISOBUTYL|PHENYL|BENZYL|PENTYL)PARABEN$/;
/** Regulation (EU) No 1004/2014: propyl- and butylparaben 0.14 % combined (as acid). */
const CAPPED_PARABENS = /^(SODIUM |POTASSIUM )?(PROPYL|BUTYL)PARABEN$/;

export const parabenCheck: EntryCheck = (ingredient) => {
  if (!categoriesOf(ingredient).has("paraben")) return null;
  const inci = normalizeName(ingredient.inci);
  if (BANNED_PARABENS.test(inci)) return "paraben prohibited in the EU since Regulation (EU) No 358/2014";
  if (CAPPED_PARABENS.test(inci)) {
    return "paraben preservative; EU maximum 0.14 % for propyl- and butylparaben together, not in leave-on nappy-area products for children under 3";
  }
  return "paraben preservative";
};

export const formaldehydeReleaserCheck: EntryCheck = (ingredient) =>
  categoriesOf(ingredient).has("formaldehyde-releaser")
    ? 'formaldehyde-releasing preservative; the EU requires "releases formaldehyde" on the label above 0.001 % released formaldehyde'
    : null;

export const isothiazolinoneCheck: EntryCheck = (ingredient) => {
  if (!categoriesOf(ingredient).has("isothiazolinone")) return null;
  const inci = normalizeName(ingredient.inci);
  if (inci === "METHYLISOTHIAZOLINONE") {
    return "isothiazolinone preservative, a frequent contact allergen; banned in EU leave-on products (Regulation (EU) 2016/1198)";
  }
  if (inci.includes("METHYLCHLOROISOTHIAZOLINONE")) {
    return "isothiazolinone preservative, a frequent contact allergen; with methylisothiazolinone, rinse-off only in the EU (Regulation (EU) No 1003/2014)";
  }
  return "isothiazolinone preservative, a frequent contact allergen";
};

export const fragrance: Rule = presenceRule({
  id: "fragrance",
  severity: "info",
  title: "Fragrance",
  source:
    'Regulation (EC) No 1223/2009, Article 19(1)(g): perfume compositions are labelled "parfum" or "aroma"',
  check: fragranceCheck,
});

export const essentialOil: Rule = presenceRule({
  id: "essential-oil",
  severity: "info",
  title: "Essential oils",
  source:
    "ISO 9235:2021 (definition of essential oil); de Groot & Schmidt, Essential Oils series, Dermatitis 2016 (contact allergy)",
  check: essentialOilCheck,
});

export const dryingAlcohol: Rule = presenceRule({
  id: "drying-alcohol",
  severity: "info",
  title: "Drying alcohols (not fatty alcohols)",
  source:
    'US FDA: "alcohol" on a cosmetic label means ethyl alcohol, fatty alcohols are different; Lachenmeier, J Occup Med Toxicol 2008;3:26',
  check: dryingAlcoholCheck,
  mayFire: (ingredient) => categoriesOf(ingredient).has("drying-alcohol"),
});

export const silicone: Rule = presenceRule({
  id: "silicone",
  severity: "info",
  title: "Silicones",
  source:
    "INCI nomenclature: -methicone, -siloxane, -silane, silicone; PEG/PPG-modified silicones are water-dispersible",
  check: siliconeCheck,
});

export const sulfate: Rule = presenceRule({
  id: "sulfate",
  severity: "info",
  title: "Sulfate surfactants",
  source:
    "INCI nomenclature (alkyl and alkyl ether sulfates); Lee & Maibach, Contact Dermatitis 1995;33:1-7 (SLS irritation)",
  check: sulfateCheck,
});

export const paraben: Rule = presenceRule({
  id: "paraben",
  severity: "info",
  title: "Parabens",
  source: "Regulation (EC) No 1223/2009 Annex V, as amended by Regulation (EU) No 358/2014 and No 1004/2014",
  check: parabenCheck,
});

export const formaldehydeReleaser: Rule = presenceRule({
  id: "formaldehyde-releaser",
  severity: "caution",
  title: "Formaldehyde releasers",
  source:
    "Regulation (EU) 2022/1181 (Annex V preamble point 2, 0.001 % threshold); de Groot et al., Contact Dermatitis 2010;62:2-17",
  check: formaldehydeReleaserCheck,
});

export const isothiazolinone: Rule = presenceRule({
  id: "isothiazolinone",
  severity: "caution",
  title: "Isothiazolinone preservatives",
  source:
    "Regulation (EC) No 1223/2009 Annex V entries 39 and 57, as amended by Regulation (EU) No 1003/2014 and 2016/1198",
  check: isothiazolinoneCheck,
});

export const CATEGORY_RULES: readonly Rule[] = [
  fragrance,
  essentialOil,
  dryingAlcohol,
  silicone,
  sulfate,
  paraben,
  formaldehydeReleaser,
  isothiazolinone,
];
