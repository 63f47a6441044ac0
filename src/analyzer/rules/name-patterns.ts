/**
 * Categories inferred from one INCI name (upper case), so that the rules also work for ingredients
 * known only from the imported CosIng inventory. Each pattern follows INCI naming conventions
 * (the INCI/CosIng nomenclature rules: "-methicone"/"-siloxane" for silicones, "-paraben", "CI nnnnn").
 */

/** Parabens: esters of 4-hydroxybenzoic acid, named "<alkyl>PARABEN" (also their sodium salts). */
export const isParabenName = (name: string): boolean => /PARABENS?\b/.test(name);

/** Silicones: -methicone, -methiconol, -siloxane, -siloxy-, silicone, silsesquioxane, -silane. */
export const isSiliconeName = (name: string): boolean =>
  /METHICON|SILOXAN|SILOXY|SILICONE|SILSESQUIOXANE|SILANES?\b/.test(name);

/** PEG/PPG-modified silicones and "dimethicone copolyol" disperse in water and rinse off easily. */
export const isWaterSolubleSiliconeName = (name: string): boolean =>
  isSiliconeName(name) && /(^|[^A-Z])(PEG|PPG)[-/]|COPOLYOL/.test(name);

/** Not alkyl sulfate surfactants: quats, inorganic salts, sugars, dye salts. */
const NOT_SURFACTANT_SULFATE =
  /METHOSULFATE|ETHOSULFATE|PERSULFATE|BISULFATE|THIOSULFATE|CHONDROITIN|DEXTRAN|DERMATAN|CELLULOSE|ASCORB|GLUCOSAMINE|AMINO|DIAMINE|ARGININAMIDE|COCAMINE|CYCLODEXTRIN|SUCROSE|STEROL|STERYL/;
/** The fatty (alkyl or ethoxylated alkyl) part of a sulfate surfactant. */
const SULFATE_ALKYL =
  /LAUR|MYR(ETH|IST)|COCO|COCETH|CET(YL|EARYL|ETH)|STEAR|OLE(TH|YL)|DEC(YL|ETH)|CAPRYL|ETHYLHEXYL|TALLOW|BABASSU|PALM|PARETH|ALKYL|LANETH|OXYNOL|C\d+-\d+/;

/**
 * Alkyl (ether) sulfate surfactants: sodium lauryl/laureth, ammonium, TEA, magnesium... coco-,
 * myreth, C12-15 alkyl sulfate. Not inorganic salts (MAGNESIUM SULFATE, ZINC SULFATE), not
 * sulfonates or sulfosuccinates, not conditioning quats (BEHENTRIMONIUM METHOSULFATE).
 */
export function isSulfateSurfactantName(name: string, cleansing: boolean): boolean {
  if (!/\bSULFATE$/.test(name) || NOT_SURFACTANT_SULFATE.test(name)) return false;
  const head = name.replace(/\bSULFATE$/, "");
  return SULFATE_ALKYL.test(head) || (cleansing && /\S+ \S+ SULFATE$/.test(name));
}

/**
 * Drying (short-chain) alcohols. "Alcohol" on a label means ethyl alcohol; fatty alcohols
 * (cetyl, stearyl...) and benzyl alcohol are different substances (see DRYING_ALCOHOL_SOURCE).
 */
const DRYING_ALCOHOLS = new Set([
  "ALCOHOL",
  "ALCOHOL DENAT.",
  "ALCOHOL DENAT",
  "DENATURED ALCOHOL",
  "ETHANOL",
  "ETHYL ALCOHOL",
  "SD ALCOHOL",
  "SPECIALLY DENATURED ALCOHOL",
  "ISOPROPYL ALCOHOL",
  "ISOPROPANOL",
  "PROPANOL",
  "PROPYL ALCOHOL",
  "N-PROPANOL",
  "METHANOL",
  "METHYL ALCOHOL",
]);
export const isDryingAlcoholName = (name: string): boolean =>
  DRYING_ALCOHOLS.has(name) || /^SD ALCOHOL [0-9A-Z-]+$/.test(name);

/** Fatty alcohols (C8 and longer): emollients and thickeners, not drying. */
export const isFattyAlcoholName = (name: string): boolean =>
  /^(CAPRYLIC|CAPRYLYL|DECYL|LAURYL|MYRISTYL|CETYL|STEARYL|CETEARYL|ISOSTEARYL|OLEYL|LINOLEYL|ARACHIDYL|BEHENYL|ERUCYL|LANOLIN|C\d+-\d+) ALCOHOLS?$/.test(
    name,
  ) || name === "OCTYLDODECANOL";

/**
 * Formaldehyde releasers among the Annex V preservatives (de Groot et al., "Formaldehyde-releasers
 * in cosmetics", Contact Dermatitis 2010;62:2-17).
 */
const FORMALDEHYDE_RELEASERS = new Set([
  "DMDM HYDANTOIN",
  "MDM HYDANTOIN",
  "IMIDAZOLIDINYL UREA",
  "DIAZOLIDINYL UREA",
  "QUATERNIUM-15",
  "2-BROMO-2-NITROPROPANE-1,3-DIOL",
  "BRONOPOL",
  "5-BROMO-5-NITRO-1,3-DIOXANE",
  "BRONIDOX",
  "SODIUM HYDROXYMETHYLGLYCINATE",
  "METHENAMINE",
  "BENZYLHEMIFORMAL",
  "POLYOXYMETHYLENE UREA",
  "TRIS(HYDROXYMETHYL)NITROMETHANE",
]);
export const isFormaldehydeReleaserName = (name: string): boolean => FORMALDEHYDE_RELEASERS.has(name);

/** Methyl-, methylchloro-, benz-, octyl-, dichlorooctyl-, butylbenz-isothiazolinone. */
export const isIsothiazolinoneName = (name: string): boolean => /ISOTHIAZOLIN/.test(name);

/** The words a label uses for a perfume or flavour composition (Reg. 1223/2009 Art. 19(1)(g)). */
const FRAGRANCE_WORDS = new Set(["PARFUM", "FRAGRANCE", "AROMA", "PERFUME", "FLAVOR", "FLAVOUR"]);
export const isFragranceDeclarationName = (name: string): boolean =>
  name.split(/\s*[/()]\s*/).some((part) => FRAGRANCE_WORDS.has(part.trim()));

const RETINOIDS = new Set([
  "RETINOL",
  "RETINAL",
  "RETINALDEHYDE",
  "RETINYL PALMITATE",
  "RETINYL ACETATE",
  "RETINYL LINOLEATE",
  "RETINYL PROPIONATE",
  "RETINYL RETINOATE",
  "HYDROXYPINACOLONE RETINOATE",
  "RETINOIC ACID",
  "TRETINOIN",
]);
export const isRetinoidName = (name: string): boolean => RETINOIDS.has(name);

/** Alpha-hydroxy acids. Citric acid is one, but is mostly used at low levels as a pH adjuster. */
const AHAS = new Set([
  "GLYCOLIC ACID",
  "LACTIC ACID",
  "MANDELIC ACID",
  "MALIC ACID",
  "TARTARIC ACID",
  "CITRIC ACID",
]);
export const isAhaName = (name: string): boolean => AHAS.has(name);

/** Beta-hydroxy acid and the salicylates sold as gentler BHAs. Willow bark extract is not counted:
 * it contains salicin, not salicylic acid, and its exfoliating effect is debated. */
const BHAS = new Set(["SALICYLIC ACID", "BETAINE SALICYLATE", "CAPRYLOYL SALICYLIC ACID"]);
export const isBhaName = (name: string): boolean => BHAS.has(name);

const PHAS = new Set(["GLUCONOLACTONE", "LACTOBIONIC ACID", "MALTOBIONIC ACID"]);
export const isPhaName = (name: string): boolean => PHAS.has(name);

/** Organic and mineral UV filters of Annex VI, by INCI and common US names. */
const UV_FILTERS = new Set([
  "BENZOPHENONE-3",
  "OXYBENZONE",
  "ETHYLHEXYL METHOXYCINNAMATE",
  "OCTINOXATE",
  "OCTYL METHOXYCINNAMATE",
  "OCTOCRYLENE",
  "HOMOSALATE",
  "BUTYL METHOXYDIBENZOYLMETHANE",
  "AVOBENZONE",
  "ETHYLHEXYL SALICYLATE",
  "OCTISALATE",
  "ETHYLHEXYL TRIAZONE",
  "BIS-ETHYLHEXYLOXYPHENOL METHOXYPHENYL TRIAZINE",
  "BEMOTRIZINOL",
  "DIETHYLAMINO HYDROXYBENZOYL HEXYL BENZOATE",
  "METHYLENE BIS-BENZOTRIAZOLYL TETRAMETHYLBUTYLPHENOL",
  "DROMETRIZOLE TRISILOXANE",
  "TEREPHTHALYLIDENE DICAMPHOR SULFONIC ACID",
  "ECAMSULE",
  "PHENYLBENZIMIDAZOLE SULFONIC ACID",
  "ENSULIZOLE",
  "4-METHYLBENZYLIDENE CAMPHOR",
  "ENZACAMENE",
  "ISOAMYL P-METHOXYCINNAMATE",
  "POLYSILICONE-15",
  "DIETHYLHEXYL BUTAMIDO TRIAZONE",
  "TRIS-BIPHENYL TRIAZINE",
  "DISODIUM PHENYL DIBENZIMIDAZOLE TETRASULFONATE",
  "BENZOPHENONE-4",
  "BENZOPHENONE-5",
  "TITANIUM DIOXIDE",
  "ZINC OXIDE",
]);
export const isUvFilterName = (name: string): boolean => UV_FILTERS.has(name);
export const isMineralUvFilterName = (name: string): boolean =>
  name === "TITANIUM DIOXIDE" || name === "ZINC OXIDE";

/** Colour Index numbers ("CI 77891"). */
export const isColorantName = (name: string): boolean => /^C\.?I\.? ?\d{5}$/.test(name);

export const isPegName = (name: string): boolean => /(^|[^A-Z])PEG[-/]/.test(name);
export const isPolysorbateName = (name: string): boolean => /^POLYSORBATE[- ]?\d+/.test(name);

/** Ethoxylated: PEG chains, polysorbates and "-eth" names (LAURETH, CETEARETH-20, C12-15 PARETH-3). */
export const isEthoxylatedName = (name: string): boolean =>
  isPegName(name) || isPolysorbateName(name) || /[A-Z]{3,}ETH(-\d+)?\b/.test(name);
