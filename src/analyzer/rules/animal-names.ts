/**
 * Animal-derived materials recognisable from their INCI name, for ingredients without authored
 * origin facts (the CosIng inventory has none). Only names whose INCI definition is an animal
 * material; ambiguous ones (squalene, cholesterol, chitosan, hyaluronic acid) are left out.
 */
const ANIMAL_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/\bLANOLIN/, "wool grease from sheep"],
  [/^(CERA ALBA|CERA FLAVA|BEESWAX|SYNTHETIC BEESWAX)$/, "beeswax"],
  [/^(MEL|HONEY)( EXTRACT| POWDER)?$/, "honey"],
  [/\bPROPOLIS\b|\bROYAL JELLY\b/, "a bee product"],
  [/^CARMINE$|^CI 75470$/, "carmine, from cochineal insects"],
  [/\bSNAIL\b|\bHELIX ASPERSA\b/, "snail secretion"],
  [
    /\bCOLLAGEN\b|\bELASTIN\b|\bGELATIN\b|\bKERATIN\b/,
    "an animal protein (skin, hide, hooves, feathers or wool)",
  ],
  [/\bSILK\b|\bSERICIN\b|\bFIBROIN\b/, "silk, from silkworms"],
  [/\bCASEIN\b|\bLACTIS\b|\bMILK\b|^LAC\b/, "milk"],
  [/\bOVUM\b|\bEGG\b|\bALBUMEN\b/, "egg"],
  [/\bTALLOW/, "animal fat"],
  [/^GUANINE$|^CI 75170$/, "guanine, from fish scales"],
  [/\bSHELLAC\b/, "shellac, from lac insects"],
  [/\bPLACENTA/, "placenta"],
  [/\b(DROMICEIUS|MUSTELA|GADUS|SQUALUS|BOS TAURUS|BOVINE|EQUUS|OVIS ARIES)\b/, "an animal source"],
];

/** Lab-made versions of animal proteins (recombinant "rh-", synthetic "sh-") are not animal-derived. */
const NOT_ANIMAL = /^(RH|SH)-|\bRECOMBINANT\b/;

/** What animal material an INCI name (upper case) denotes, or null. */
export function animalMaterialOf(name: string): string | null {
  if (NOT_ANIMAL.test(name)) return null;
  for (const [pattern, what] of ANIMAL_NAMES) if (pattern.test(name)) return what;
  return null;
}
