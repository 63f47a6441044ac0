import { z } from "zod";
import { csrfField } from "../editors/admin-http.js";
import { ARTICLE_SECTIONS } from "../ingredients/schema.js";
import { slugify } from "../ingredients/slug.js";

/**
 * The edit form: every structured fact and every section as the browser sends them (strings),
 * with a size limit on each field. Lists are one item per line; aliases are rows of a name and a
 * kind, sent as two parallel repeated fields. Conversions to and from content: form-content.ts.
 */

export interface RatingForm {
  value: string;
  basis: string;
  rationale: string;
  sources: string;
  disagreement: string;
}

export interface ArticleForm {
  name: string;
  aliases: Array<{ name: string; kind: string }>;
  cas: string;
  ec: string;
  functions: string;
  origin: string;
  vegan: string;
  vegetarian: string;
  categories: string[];
  comedogenic: RatingForm;
  irritancy: RatingForm;
  fungalTier: string;
  fungalReason: string;
  pregnancy: string;
  pregnancyNote: string;
  sun: string;
  sunNote: string;
  allergens: string;
  productTypes: string;
  related: string;
  sources: string;
  summary: string;
  reviewed: string;
  /** Heading -> Markdown. */
  sections: Record<string, string>;
}

/** The form field of a section: "section-what-is-it" (also its element id). */
export function sectionField(heading: string): string {
  return `section-${slugify(heading)}`;
}

const text = (max: number) => z.string().max(max).optional();
const many = (max: number) =>
  z.union([z.string().max(max), z.array(z.string().max(max)).max(200)]).optional();
const ratingShape = (prefix: string) => ({
  [`${prefix}Value`]: text(2),
  [`${prefix}Basis`]: text(20),
  [`${prefix}Rationale`]: text(2000),
  [`${prefix}Sources`]: text(2000),
  [`${prefix}Disagreement`]: text(2000),
});

export const INTENTS = ["preview", "save", "publish", "discard"] as const;

/** The posted form. Unknown fields are refused; every field has a size limit. */
export const articleBody = z.strictObject({
  _csrf: csrfField,
  base: z.coerce.number().int().min(0).max(1_000_000),
  intent: z.enum(INTENTS).default("preview"),
  note: text(500),
  correction: z.literal("on").optional(),
  name: text(300),
  aliasName: many(300),
  aliasKind: many(20),
  cas: text(2000),
  ec: text(2000),
  functions: text(4000),
  origin: text(30),
  vegan: text(10),
  vegetarian: text(10),
  categories: many(40),
  ...ratingShape("comedogenic"),
  ...ratingShape("irritancy"),
  fungalTier: text(20),
  fungalReason: text(2000),
  pregnancy: text(10),
  pregnancyNote: text(2000),
  sun: text(10),
  sunNote: text(2000),
  allergens: text(4000),
  productTypes: text(4000),
  related: text(4000),
  sources: text(2000),
  summary: text(2000),
  reviewed: text(20),
  ...Object.fromEntries(ARTICLE_SECTIONS.map((h) => [sectionField(h), text(20_000)])),
});
export type ArticleBody = z.infer<typeof articleBody>;

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
/** Browsers send CRLF from a textarea; the stored text uses LF. */
const tidy = (v: unknown): string => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : "");

function ratingForm(body: Record<string, unknown>, prefix: string): RatingForm {
  return {
    value: tidy(body[`${prefix}Value`]),
    basis: tidy(body[`${prefix}Basis`]),
    rationale: tidy(body[`${prefix}Rationale`]),
    sources: tidy(body[`${prefix}Sources`]),
    disagreement: tidy(body[`${prefix}Disagreement`]),
  };
}

/** The posted body as form state (also what a draft stores). */
export function formOfBody(body: ArticleBody): ArticleForm {
  const raw = body as Record<string, unknown>;
  const names = asList(body.aliasName);
  const kinds = asList(body.aliasKind);
  const sections: Record<string, string> = {};
  for (const heading of ARTICLE_SECTIONS) sections[heading] = tidy(raw[sectionField(heading)]);
  return {
    name: tidy(body.name),
    aliases: names
      .map((name, i) => ({ name: tidy(name), kind: tidy(kinds[i]) }))
      .filter((a) => a.name !== ""),
    cas: tidy(body.cas),
    ec: tidy(body.ec),
    functions: tidy(body.functions),
    origin: tidy(body.origin),
    vegan: tidy(body.vegan),
    vegetarian: tidy(body.vegetarian),
    categories: asList(body.categories)
      .map(tidy)
      .filter((c) => c !== ""),
    comedogenic: ratingForm(raw, "comedogenic"),
    irritancy: ratingForm(raw, "irritancy"),
    fungalTier: tidy(body.fungalTier),
    fungalReason: tidy(body.fungalReason),
    pregnancy: tidy(body.pregnancy),
    pregnancyNote: tidy(body.pregnancyNote),
    sun: tidy(body.sun),
    sunNote: tidy(body.sunNote),
    allergens: tidy(body.allergens),
    productTypes: tidy(body.productTypes),
    related: tidy(body.related),
    sources: tidy(body.sources),
    summary: tidy(body.summary),
    reviewed: tidy(body.reviewed),
    sections,
  };
}
