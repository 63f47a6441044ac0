import { z } from "zod";
import { CATEGORIES, ORIGINS } from "./types.js";

/**
 * The schema of a corpus entry's YAML front matter (`content/ingredients/<slug>.md`).
 * Unknown keys are rejected so that a typo in a field name is an error, not a silently lost fact.
 */

const bibKey = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a bibliography key: lower case, digits, hyphens");

const rating = z.strictObject({
  value: z.number().int().min(0).max(5).nullable(),
  basis: z.enum(["tested", "secondary", "estimated"]),
  rationale: z.string().min(20).max(1200),
  sources: z.array(bibKey).default([]),
  disagreement: z.string().max(800).optional(),
});

const caution = z.strictObject({ caution: z.boolean(), note: z.string().min(10).max(800) });

const casNumber = z.string().regex(/^\d{2,7}-\d{2}-\d$/, "a CAS number such as 56-81-5");
const ecNumber = z.string().regex(/^\d{3}-\d{3}-\d$/, "an EC number such as 200-289-5");

export const corpusEntrySchema = z
  .strictObject({
    inci: z
      .string()
      .min(1)
      .max(300)
      .refine((s) => s === s.toUpperCase().trim(), "the INCI name in upper case, as in CosIng"),
    name: z.string().min(1).max(200),
    aliases: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(300),
          kind: z.enum(["us-inci", "common", "ci", "chemical", "former-inci", "inn", "other"]),
        }),
      )
      .default([]),
    cas: z.array(casNumber).default([]),
    ec: z.array(ecNumber).default([]),
    // Empty only where CosIng itself lists no function for the name.
    functions: z.array(z.string().min(3).max(80)),
    origin: z.enum(ORIGINS),
    vegan: z.boolean().nullable(),
    vegetarian: z.boolean().nullable(),
    categories: z.array(z.enum(CATEGORIES)).default([]),
    comedogenic: rating.nullable(),
    irritancy: rating.nullable(),
    fungalAcne: z
      .strictObject({ tier: z.enum(["trigger", "debated", "fine"]), reason: z.string().min(10) })
      .nullable(),
    pregnancy: caution.nullable(),
    photosensitising: caution.nullable(),
    allergens: z.array(z.string().min(2)).default([]),
    productTypes: z.array(z.string().min(2).max(80)).default([]),
    related: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).default([]),
    eu: z
      .array(
        z.strictObject({
          annex: z.enum(["II", "III", "IV", "V", "VI"]),
          ref: z.string().min(1).max(10),
          substance: z.string().min(2).max(300),
          maxConcentration: z.string().max(300).nullable().default(null),
          conditions: z.string().max(1200).nullable().default(null),
          regulation: z.string().max(120).nullable().default(null),
        }),
      )
      .default([]),
    summary: z.string().min(40).max(1200),
    sources: z.array(bibKey).min(1),
    reviewed: z.iso.date(),
  })
  .superRefine((entry, ctx) => {
    if (entry.vegan === true && entry.vegetarian === false) {
      ctx.addIssue({ code: "custom", path: ["vegetarian"], message: "a vegan ingredient is vegetarian" });
    }
    if (entry.origin === "human-derived" && entry.vegan !== false) {
      ctx.addIssue({ code: "custom", path: ["vegan"], message: "a human-derived ingredient is not vegan" });
    }
  });

export type CorpusEntry = z.infer<typeof corpusEntrySchema>;

/** The fixed headings of a full article, in order. "EU status" is optional (only where one exists). */
export const ARTICLE_SECTIONS = [
  "What is it",
  "Cosmetic benefits/uses",
  "Who can use it",
  "Potential side effects",
  "Comedogenic rating",
  "EU status",
  "Summary",
] as const;
export const OPTIONAL_SECTIONS: ReadonlySet<string> = new Set(["EU status"]);
