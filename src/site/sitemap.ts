import { type DictionaryIndex, LETTERS } from "../ingredients/browse.js";
import { letterHref } from "./browse.js";
import { escapeXml } from "./xml.js";

function url(loc: string, lastmod?: string): string {
  const mod = lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : "";
  return `<url><loc>${escapeXml(loc)}</loc>${mod}</url>`;
}

/**
 * sitemap.xml: the site's own pages, the browse pages, and every authored entry (full articles and
 * editor-checked facts-only entries) with the date of its latest revision. Pages of ingredients
 * known only from an imported inventory are left out (and marked noindex): they repeat the CosIng
 * database and would fill an index with tens of thousands of thin pages.
 */
export function renderSitemap(
  publicUrl: string,
  index: DictionaryIndex,
  revised: ReadonlyMap<number, string>,
) {
  const urls = ["/", "/methodology", "/ingredients", "/functions"].map((p) => url(`${publicUrl}${p}`));
  for (const letter of LETTERS) {
    if ((index.letters.get(letter)?.length ?? 0) > 0) urls.push(url(`${publicUrl}${letterHref(letter)}`));
  }
  for (const group of index.functions) urls.push(url(`${publicUrl}/functions/${group.slug}`));
  for (const ingredients of index.letters.values()) {
    for (const i of ingredients) {
      if (i.source === "cosing" && !i.hasArticle) continue;
      urls.push(url(`${publicUrl}/ingredients/${i.slug}`, revised.get(i.id)));
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
