import type { Ingredient } from "../../ingredients/types.js";
import type { AnalyzedEntry, Rule, RuleHit } from "../types.js";
import { type EntryRule, groupNote, isEntryRule, isIngredientRule } from "./define.js";

/**
 * What the rules make of one ingredient, worked out once per ingredient: the per-ingredient rules
 * that fire on it (index in `rules`, and the reason with the ingredient's name already in front,
 * "Linalool: ..."), and the entry rules that may fire on it (index in `rules`).
 */
interface Profile {
  /**
   * Rule index then reason, pair after pair, in one array read with an indexed loop: with the memos
   * warm, reaching a label's profiles from memory is most of their cost, so each is as few objects
   * as can be, and the many empty ones share one array.
   */
  hits: ReadonlyArray<number | string>;
  entryRules: readonly number[];
}
// Shared by every profile with nothing in a field; never written (read-only type).
const NONE: readonly never[] = [];
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
    const hits: Array<number | string> = [];
    const entryRules: number[] = [];
    rules.forEach((rule, index) => {
      if (isIngredientRule(rule)) {
        const why = rule.ingredientCheck(ingredient);
        if (why !== null) hits.push(index, `${ingredient.name}: ${why}`);
      } else if (isEntryRule(rule) && rule.mayFire(ingredient)) entryRules.push(index);
    });
    profile = {
      hits: hits.length > 0 ? hits : NONE,
      entryRules: entryRules.length > 0 ? entryRules : NONE,
    };
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
  const profiles = profilesFor(rules);
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e] as AnalyzedEntry;
    const ingredient = entry.ingredient;
    if (!ingredient) continue;
    const note = groupNote(entry);
    const { hits: own, entryRules } = profileOf(ingredient, rules, profiles);
    for (let h = 0; h < own.length; h += 2) {
      const reason = own[h + 1] as string;
      addHit(hits, own[h] as number, entry.position, note === "" ? reason : reason + note);
    }
    for (let r = 0; r < entryRules.length; r++) {
      const index = entryRules[r] as number;
      const why = (rules[index] as EntryRule).entryCheck(ingredient, entry, entries);
      if (why !== null) addHit(hits, index, entry.position, `${ingredient.name}: ${why}${note}`);
    }
  }
  return hits;
}

function addHit(hits: Array<RuleHit[] | undefined>, index: number, position: number, reason: string): void {
  const list = hits[index];
  if (list === undefined) hits[index] = [{ position, reason }];
  else list.push({ position, reason });
}

/** Compute the profile of every ingredient ahead of use (see `prepareRules`). */
export function prepareProfiles(ingredients: readonly Ingredient[], rules: readonly Rule[]): void {
  const profiles = profilesFor(rules);
  for (const ingredient of ingredients) profileOf(ingredient, rules, profiles);
}
