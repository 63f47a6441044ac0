import type { Annex, Ingredient, RegulationEntry } from "../../ingredients/types.js";
import { shorten } from "./define.js";

/** Format a percentage the way the annexes do: "1 %", "0.5 %". */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(4))} %`;
}

/**
 * The single maximum concentration of an annex entry, in per cent: the importer's `maxPercent`,
 * else a `maxConcentration` that is one plain number ("1.0 %", "0,8%"). Null when it depends on
 * the product type.
 */
export function annexMaxPercent(reg: RegulationEntry): number | null {
  if (reg.maxPercent !== null) return reg.maxPercent;
  const match = reg.maxConcentration?.trim().match(/^(\d+(?:[.,]\d+)?)\s*%$/);
  return match?.[1] ? Number(match[1].replace(",", ".")) : null;
}

export function regulationsIn(ingredient: Ingredient, annex: Annex): RegulationEntry[] {
  return ingredient.regulations.filter((r) => r.annex === annex);
}

/** "Annex V entry 29 (2-Phenoxyethanol)" */
export function annexLabel(reg: RegulationEntry): string {
  return `Annex ${reg.annex} entry ${reg.ref.trim()} (${shorten(reg.substance, 80)})`;
}

/** "max 1 %", or the shortened per-product maxima, or null. */
export function maximumPhrase(reg: RegulationEntry): string | null {
  const max = annexMaxPercent(reg);
  if (max !== null) return `max ${formatPercent(max)}`;
  return reg.maxConcentration ? `max ${shorten(reg.maxConcentration, 90)}` : null;
}

/** Maximum, product types, conditions and warnings of an annex entry, each shortened, joined by "; ". */
export function conditionsPhrase(reg: RegulationEntry): string {
  const parts = [
    maximumPhrase(reg),
    reg.productType ? `products: ${shorten(reg.productType, 70)}` : null,
    reg.conditions ? `conditions: ${shorten(reg.conditions, 90)}` : null,
    reg.warnings ? `warning: ${shorten(reg.warnings, 90)}` : null,
  ];
  return parts.filter((p): p is string => p !== null).join("; ");
}
