/**
 * Text normalisation shared by the parser, the matcher, the importers and storage. Pure.
 */

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u00AD]/g;

const PLAIN_TEXT = /^[\x20-\x7E\n\t]*$/;

// Every character that one of cleanText's repairs changes.
const NEEDS_REPAIR =
  /[\uFEFF¬\u2018\u2019\u201A\u201B\u2032\u201C-\u201F\u2033\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u00AD\u00A0\u2007\u202F\uFFFD\r\\]/;

/** Clean raw label text: BOM, NFC, non-breaking spaces, curly quotes, dashes, known mojibake. */
export function cleanText(text: string): string {
  // Printable ASCII and new lines hold nothing to repair but a backslash: the common case, cheaply.
  if (PLAIN_TEXT.test(text)) return text.includes("\\") ? text.replace(/\\/g, "/") : text;
  // Accents, "®" or "•" alone need composing only: skip the repairs when none has work to do.
  const composed = text.normalize("NFC");
  if (!NEEDS_REPAIR.test(composed)) return composed;
  return (
    composed
      .replace(/^\uFEFF/, "")
      // "¬‐" is the mojibake of a soft hyphen seen in scraped labels ("Methyl Gluceth-¬‐20").
      .replace(/¬[\u2010\u2011-]?/g, "")
      .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
      .replace(DASHES, "-")
      .replace(/[\u00A0\u2007\u202F]/g, " ")
      // U+FFFD marks a character lost upstream ("Orge \uFFFD Deux Rangs"); a space keeps the words apart.
      .replace(/\uFFFD/g, " ")
      .replace(/\r\n?/g, "\n")
      // "Water\Aqua\Eau": a backslash between names is a slash typed on the wrong key.
      .replace(/\\/g, "/")
  );
}

/** Fold accents: "Extrait de Levure Pressée" -> "Extrait de Levure Pressee". */
export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

// Printable ASCII needs none of cleanText's repairs: the fast path for most names.
const NOT_PLAIN = /[^\x20-\x7E]/;

/**
 * The exact-match key of a name: accents folded, upper case, one space between words, no space
 * around "/", "-", ",", "(" and ")", no trailing full stop, no ® or ™.
 * "Caprylic / Capric Triglyceride" and "CAPRYLIC/CAPRIC TRIGLYCERIDE" share a key;
 * "PEG-40" and "PEG 40" do not (see compactKey).
 */
export function nameKey(name: string): string {
  const plain = NOT_PLAIN.test(name) ? foldAccents(cleanText(name)).replace(/[®™©´]/g, "") : name;
  return plain
    .toUpperCase()
    .replace(/`/g, "'")
    .replace(/\s+/g, " ")
    .replace(/ ?([/\-,()[\]:&+]) ?/g, "$1")
    .replace(/[.\s]+$/, "")
    .trim();
}

/** Letters and digits only: "PEG 40" and "PEG-40" meet here. Used only when unambiguous. */
export function compactKey(name: string): string {
  return compactOfKey(nameKey(name));
}

/** compactKey of a name already passed through nameKey. */
export function compactOfKey(key: string): string {
  return key.replace(/[^A-Z0-9]/g, "");
}

/** Title case for an INCI name known only from an inventory: "CAPRYLIC/CAPRIC TRIGLYCERIDE" -> "Caprylic/Capric Triglyceride". */
export function titleCase(inci: string): string {
  return inci
    .toLowerCase()
    .replace(/(^|[\s/(\-,])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}
