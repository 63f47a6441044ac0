/**
 * Essential oils (and absolutes) recognised from INCI names.
 *
 * An essential oil is the volatile product of a plant part obtained by steam distillation, dry
 * distillation or, for citrus peel, expression (ISO 9235:2021). A fixed oil is pressed or extracted
 * from seeds, kernels, nuts or fruit pulp and is mostly triglycerides. CosIng's "Perfuming" and
 * "Fragrance" functions do not tell them apart: HELIANTHUS ANNUUS SEED OIL, OLEA EUROPAEA FRUIT OIL
 * and COCOS NUCIFERA OIL all carry one. So the plant part and the genus decide; the function only
 * confirms an aromatic-part oil of a genus we do not list.
 */

/** Genera grown for their essential oil (the common perfumery and aromatherapy sources). */
const AROMATIC_GENERA = new Set([
  "ABIES",
  "AMYRIS",
  "ANETHUM",
  "ANGELICA",
  "ANIBA",
  "ANTHEMIS",
  "ARTEMISIA",
  "BOSWELLIA",
  "CANANGA",
  "CARUM",
  "CEDRUS",
  "CHAMAEMELUM",
  "CHAMOMILLA",
  "CHRYSOPOGON",
  "CINNAMOMUM",
  "CISTUS",
  "CITRUS",
  "COMMIPHORA",
  "CORIANDRUM",
  "CUMINUM",
  "CUPRESSUS",
  "CYMBOPOGON",
  "ELETTARIA",
  "EUCALYPTUS",
  "EUGENIA",
  "FOENICULUM",
  "HELICHRYSUM",
  "HYSSOPUS",
  "ILLICIUM",
  "JASMINUM",
  "JUNIPERUS",
  "LAURUS",
  "LAVANDULA",
  "LEPTOSPERMUM",
  "LIPPIA",
  "LITSEA",
  "MATRICARIA",
  "MELALEUCA",
  "MELISSA",
  "MENTHA",
  "MICHELIA",
  "MYROXYLON",
  "MYRTUS",
  "NARDOSTACHYS",
  "OCIMUM",
  "ORIGANUM",
  "PELARGONIUM",
  "PICEA",
  "PIMENTA",
  "PIMPINELLA",
  "PINUS",
  "PIPER",
  "POGOSTEMON",
  "ROSA",
  "ROSMARINUS",
  "SALVIA",
  "SANTALUM",
  "STYRAX",
  "SYZYGIUM",
  "TAGETES",
  "THYMUS",
  "VALERIANA",
  "VETIVERIA",
  "ZINGIBER",
]);

/** Genera whose aromatic oil comes from the fruit or seed (coriander "fruit" oil, black pepper). */
const AROMATIC_FRUIT_GENERA = new Set([
  "ANETHUM",
  "CARUM",
  "CORIANDRUM",
  "CUMINUM",
  "ELETTARIA",
  "FOENICULUM",
  "ILLICIUM",
  "JUNIPERUS",
  "LITSEA",
  "PIMENTA",
  "PIMPINELLA",
  "PIPER",
]);

const AROMATIC_PARTS =
  /\b(LEAF|LEAVES|FLOWER|PEEL|HERB|BARK|ROOT|RHIZOME|WOOD|TWIG|BUD|STEM|NEEDLE|RESIN|GRASS|CONE|GUM|BALSAM)\b/;
const FIXED_PARTS = /\b(SEED|KERNEL|FRUIT|NUT|GERM|PULP|BEAN|SPROUT|BERRY)\b/;
/** Modified oils are no longer essential oils (or never were plant oils). */
const NOT_PLAIN_OIL = /\b(HYDROGENATED|SULFATED|ETHOXYLATED|OZONIZED|PEG|PPG|MINERAL|ESTERS?)\b/;

export function genusOf(inci: string): string {
  return inci.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
}

/** Fruit oils of aromatic-fruit genera are essential; their seed oils only when CosIng says perfuming
 * (CORIANDRUM SATIVUM SEED OIL can be a fixed oil). Citrus seed oils are fixed oils. */
function isFixedPartOilAromatic(genus: string, name: string, perfumeFunction: boolean): boolean {
  const fruit = /\b(FRUIT|BERRY)\b/.test(name) && !/\bSEED\b/.test(name);
  if (genus === "CITRUS") return fruit;
  if (!AROMATIC_FRUIT_GENERA.has(genus)) return false;
  return fruit || perfumeFunction;
}

/**
 * Whether an INCI name is an essential oil or absolute. `perfumeFunction`: CosIng lists
 * "Perfuming", "Fragrance" or "Masking" for it.
 */
export function isEssentialOilName(inci: string, perfumeFunction: boolean): boolean {
  const name = inci.toUpperCase().trim();
  if (NOT_PLAIN_OIL.test(name)) return false;
  const genus = genusOf(name);
  if (/\bABSOLUTE$/.test(name)) return true;
  if (!/\bOIL$/.test(name)) return false;
  if (FIXED_PARTS.test(name)) return isFixedPartOilAromatic(genus, name, perfumeFunction);
  if (AROMATIC_PARTS.test(name)) return AROMATIC_GENERA.has(genus) || perfumeFunction;
  // "<Genus> <species> OIL" without a part: essential only for aromatic genera (not COCOS NUCIFERA OIL).
  return AROMATIC_GENERA.has(genus);
}

/**
 * A fixed plant oil or butter ("<Genus> <species> [part] OIL|BUTTER"): triglycerides, mostly of
 * C16-C18 fatty acids. Needs a two-word botanical name, so MINERAL OIL is not one.
 */
export function isFixedPlantOilName(inci: string): boolean {
  const name = inci.toUpperCase().trim();
  if (NOT_PLAIN_OIL.test(name) || AROMATIC_PARTS.test(name) || isEssentialOilName(name, false)) return false;
  return /^[A-Z]+ [A-Z]+( [A-Z]+)?( (SEED|KERNEL|FRUIT|NUT|BEAN|GERM|PULP))? (OIL|BUTTER)$/.test(name);
}

/**
 * Expressed citrus peel oils that carry phototoxic furocoumarins (bergapten): bergamot, lemon,
 * lime, bitter orange, grapefruit. Sweet orange and mandarin peel oils carry little and are left out.
 * Source: Regulation (EC) No 1223/2009 Annex II entry 358 (furocoumarins, "except for normal content
 * in natural essences"; below 1 mg/kg in sun and bronzing products).
 */
export function isPhototoxicCitrusOil(inci: string): boolean {
  const name = inci.toUpperCase().trim();
  if (!name.startsWith("CITRUS ") || !/\bOIL$/.test(name) || /\bSEED\b/.test(name)) return false;
  // A citrus oil named without a part ("CITRUS AURANTIFOLIA OIL") is the peel oil.
  const peelOil = /\b(PEEL|FRUIT)\b/.test(name) || !AROMATIC_PARTS.test(name);
  return (
    peelOil &&
    /^CITRUS (LIMON|AURANTIFOLIA|PARADISI|AURANTIUM AMARA|AURANTIUM BERGAMIA|BERGAMIA)\b/.test(name)
  );
}
