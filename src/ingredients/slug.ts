/**
 * The slug of an ingredient: its canonical INCI name in lower case, every run of characters other
 * than a-z and 0-9 replaced by one hyphen, no hyphen at either end ("CI 77891" -> "ci-77891",
 * "1,2-HEXANEDIOL" -> "1-2-hexanediol"). Accents are folded first so that a name never loses a letter.
 */
export function slugify(inci: string): string {
  return inci
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
