import { escapeXml } from "./xml.js";

/**
 * robots.txt. Search results (/search) and decoded lists (/decode) are answers to one query each:
 * an endless space of URLs with nothing of their own to index. The JSON API is for programs.
 */
export function renderRobots(publicUrl: string): string {
  return [
    "User-agent: *",
    "Disallow: /api/",
    "Disallow: /search",
    "Disallow: /decode",
    "Disallow: /compare",
    "",
    `Sitemap: ${publicUrl}/sitemap.xml`,
    "",
  ].join("\n");
}

/** opensearch.xml: lets a browser add INCI Atlas as a search engine. */
export function renderOpenSearch(publicUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    "<ShortName>INCI Atlas</ShortName>",
    "<Description>Cosmetic ingredients by INCI name, alias, CAS or EC number</Description>",
    "<InputEncoding>UTF-8</InputEncoding>",
    `<Url type="text/html" method="get" template="${escapeXml(publicUrl)}/search?q={searchTerms}"/>`,
    `<Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(publicUrl)}/opensearch.xml"/>`,
    "</OpenSearchDescription>",
    "",
  ].join("\n");
}
