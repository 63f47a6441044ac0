import type { Dictionary } from "../analyzer/dictionary.js";
import { matchName } from "../analyzer/matcher.js";
import { AppError } from "../errors.js";
import { presentIngredient } from "../ingredients/presenter.js";
import { write } from "./io.js";

/** `inci-atlas lookup NAME`: by slug, CAS, INCI name, alias, or a fuzzy match. */
export async function runLookup(
  dictionary: Dictionary,
  name: string,
  flags: { json?: boolean },
): Promise<void> {
  if (name.length > 300) throw new AppError("bad_input", "A name is at most 300 characters.", "name");
  const bySlug = dictionary.findBySlug(name.trim().toLowerCase());
  const byCas = /^\d{2,7}-\d{2}-\d$/.test(name.trim())
    ? dictionary.ingredients.find((i) => i.cas.includes(name.trim()))
    : undefined;
  const match = bySlug ?? byCas ?? matchName(dictionary, name).ingredient;
  if (!match) throw new AppError("ingredient_not_found", `No ingredient matches "${name}".`, "name");
  const view = presentIngredient(match);
  if (flags.json) {
    await write(`${JSON.stringify(view)}\n`);
    return;
  }
  const lines = [
    `${view.name} (${view.inci})`,
    `  slug: ${view.slug}`,
    view.aliases.length > 0 ? `  other names: ${view.aliases.map((a) => a.name).join(", ")}` : "",
    view.cas.length > 0 ? `  CAS: ${view.cas.join(", ")}` : "",
    view.ec.length > 0 ? `  EC: ${view.ec.join(", ")}` : "",
    view.functions.length > 0 ? `  functions: ${view.functions.join(", ")}` : "",
    view.origin ? `  origin: ${view.origin}` : "",
    `  comedogenic: ${view.comedogenic ? `${view.comedogenic.value ?? "not rated"} / 5 (${view.comedogenic.basis})` : "not rated"}`,
    ...view.regulations.map(
      (r) =>
        `  EU Annex ${r.annex}/${r.ref}: ${r.substance}${r.maxConcentration ? ` (max ${r.maxConcentration})` : ""}`,
    ),
    view.summary ? `\n${view.summary}` : "",
    `  source: ${view.source}`,
  ];
  await write(`${lines.filter((l) => l !== "").join("\n")}\n`);
}
