import type { Ingredient } from "../../ingredients/types.js";
import type { AnalyzedEntry, Rule, RuleHit } from "../types.js";
import { type EntryRule, groupNote, isEntryRule, isIngredientRule } from "./define.js";

/**
 * What the rules make of one ingredient, worked out once per ingredient: the per-ingredient rules
 * that fire on it (index in `rules`, and the reason with the ingredient's name already in front,
 * "Linalool: ..."), and the entry rules that may fire on it (index in `rules`).
 */
interface Profile {
  hits: ReadonlyArray<readonly [number, string]>;
  entryRules: readonly number[];
}
const PROFILES = new WeakMap<readonly Rule[], WeakMap<Ingredient, Profile>>();

function profilesFor(rules: readonly Rule[]): WeakMap<Ingredient, Profile> {
  let profiles = PROFILES.get(rules);
  if (!profiles) {
    profiles = new WeakMap();
    PROFILES.set(rules, profiles);
  }
  return profiles;
}

function profileOf(
  ingredient: Ingredient,
  rules: readonly Rule[],
  profiles: WeakMap<Ingredient, Profile>,
): Profile {
  let profile = profiles.get(ingredient);
  if (!profile) {
    const hits: Array<readonly [number, string]> = [];
    const entryRules: number[] = [];
    rules.forEach((rule, index) => {
      if (isIngredientRule(rule)) {
        const why = rule.ingredientCheck(ingredient);
        if (why !== null) hits.push([index, `${ingredient.name}: ${why}`]);
      } else if (isEntryRule(rule) && rule.mayFire(ingredient)) entryRules.push(index);
    });
    profile = { hits, entryRules };
    profiles.set(ingredient, profile);
  }
  return profile;
}

/**
 * The hits of every per-ingredient and entry rule, indexed like `rules` (undefined: no hit), in one
 * pass over the entries: each entry's profile is looked up once, and only the entry rules that may
 * fire on it read the entry again.
 */
export function profiledHits(
  entries: readonly AnalyzedEntry[],
  rules: readonly Rule[],
): Array<RuleHit[] | undefined> {
  const hits: Array<RuleHit[] | undefined> = [];
  const add = (index: number, hit: RuleHit) => {
    const list = hits[index];
    if (list === undefined) hits[index] = [hit];
    else list.push(hit);
  };
  const profiles = profilesFor(rules);
  for (const entry of entries) {
    const ingredient = entry.ingredient;
    if (!ingredient) continue;
    const note = groupNote(entry);
    const profile = profileOf(ingredient, rules, profiles);
    for (const [index, reason] of profile.hits) {
      add(index, { position: entry.position, reason: note === "" ? reason : reason + note });
    }
    for (const index of profile.entryRules) {
      const why = (rules[index] as EntryRule).entryCheck(ingredient, entry, entries);
      if (why !== null) add(index, { position: entry.position, reason: `${ingredient.name}: ${why}${note}` });
    }
  }
  return hits;
}

/** Compute the profile of every ingredient ahead of use (see `prepareRules`). */
export function prepareProfiles(ingredients: readonly Ingredient[], rules: readonly Rule[]): void {
  const profiles = profilesFor(rules);
  for (const ingredient of ingredients) profileOf(ingredient, rules, profiles);
}
