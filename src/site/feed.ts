import type { RevisionSummary } from "../ingredients/revisions.js";
import type { Ingredient } from "../ingredients/types.js";
import { escapeXml } from "./xml.js";

export interface FeedItem {
  revision: RevisionSummary;
  ingredient: Ingredient;
}

function entry(publicUrl: string, { revision, ingredient }: FeedItem): string {
  const link = `${publicUrl}/ingredients/${ingredient.slug}`;
  const kind = revision.isCorrection ? "corrected" : revision.number === 1 ? "published" : "updated";
  const summary = ingredient.summary ?? revision.note;
  return [
    "<entry>",
    `<id>${escapeXml(`${link}#revision-${revision.number}`)}</id>`,
    `<title>${escapeXml(`${ingredient.name} (${kind}, revision ${revision.number})`)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
    `<updated>${escapeXml(revision.createdAt)}</updated>`,
    `<summary type="text">${escapeXml(summary)}</summary>`,
    "</entry>",
  ].join("");
}

/** feed.xml: an Atom feed of the most recently published article revisions (RFC 4287). */
export function renderFeed(publicUrl: string, items: readonly FeedItem[], fallbackUpdated: string): string {
  const updated = items[0]?.revision.createdAt ?? fallbackUpdated;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeXml(`${publicUrl}/`)}</id>`,
    "<title>INCI Atlas: updated articles</title>",
    "<subtitle>New and revised articles about cosmetic ingredients</subtitle>",
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${publicUrl}/feed.xml`)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(`${publicUrl}/`)}"/>`,
    `<updated>${escapeXml(updated)}</updated>`,
    "<author><name>INCI Atlas</name></author>",
    ...items.map((item) => entry(publicUrl, item)),
    "</feed>",
    "",
  ].join("\n");
}
