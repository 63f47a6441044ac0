import type { ComponentChildren } from "preact";
import { allergensOf, containedAllergens } from "../../analyzer/rules/allergen-lookup.js";
import {
  BENZYL_ALCOHOL_REF,
  LEAVE_ON_THRESHOLD_PERCENT,
  RINSE_OFF_THRESHOLD_PERCENT,
} from "../../analyzer/rules/eu-allergens.js";
import { inferredFungalAcne } from "../../analyzer/rules/fungal-acne.js";
import { slugify } from "../slug.js";
import type { AliasKind, Caution, Ingredient, Rating, RegulationEntry } from "../types.js";
import {
  ALIAS_KIND_LABELS,
  ANNEX_LABELS,
  BASIS_LABELS,
  comedogenicLabel,
  FUNGAL_ACNE_LABELS,
  formatDate,
  ORIGIN_LABELS,
} from "./labels.js";

function Row(props: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function yesNo(value: boolean | null): string {
  return value === null ? "Unknown" : value ? "Yes" : "No";
}

function OtherNames(props: { ingredient: Ingredient }) {
  const groups = new Map<AliasKind, string[]>();
  for (const alias of props.ingredient.aliases)
    groups.set(alias.kind, [...(groups.get(alias.kind) ?? []), alias.name]);
  if (groups.size === 0) return <>None recorded</>;
  const kinds = (Object.keys(ALIAS_KIND_LABELS) as AliasKind[]).filter((k) => groups.has(k));
  return (
    <ul class="plain">
      {kinds.map((kind) => (
        <li key={kind}>
          <span class="muted">{ALIAS_KIND_LABELS[kind]}:</span> {(groups.get(kind) ?? []).join(", ")}
        </li>
      ))}
    </ul>
  );
}

function Regulation(props: { r: RegulationEntry }) {
  const { r } = props;
  return (
    <li class={`annex-${r.annex}`}>
      <strong>
        {ANNEX_LABELS[r.annex]} (Annex {r.annex}, entry {r.ref})
      </strong>
      : {r.substance}.{r.maxConcentration && <> Maximum concentration: {r.maxConcentration}.</>}
      {r.productType && <> Product type: {r.productType}.</>}
      {r.conditions && <> Conditions: {r.conditions}</>}
      {r.warnings && <> Warnings to print on the label: {r.warnings}</>}
      {r.regulation && <span class="muted"> ({r.regulation})</span>}
    </li>
  );
}

function EuStatus(props: { ingredient: Ingredient }) {
  const regs = props.ingredient.regulations;
  if (regs.length === 0) return <>No entry in Annexes II to VI of Regulation (EC) No 1223/2009 on record.</>;
  return (
    <ul class="plain eu-status">
      {regs.map((r) => (
        <Regulation key={`${r.annex}-${r.ref}`} r={r} />
      ))}
    </ul>
  );
}

/** Whether the ingredient is on the EU labelling list of fragrance allergens, or contains ones that are. */
function AllergenStatus(props: { ingredient: Ingredient }) {
  const own = allergensOf(props.ingredient);
  const contained = containedAllergens(props.ingredient);
  if (own.length === 0 && contained.length === 0)
    return <>Not on the EU list of fragrance allergens to label</>;
  return (
    <>
      {own.map((a) => (
        <span key={a.ref}>
          Yes: Annex III entry {a.ref} ({a.regulation}), labelled as "{a.labelName}" above{" "}
          {LEAVE_ON_THRESHOLD_PERCENT} % in leave-on and {RINSE_OFF_THRESHOLD_PERCENT} % in rinse-off products
          {a.ref === BENZYL_ALCOHOL_REF ? ", when used for a purpose other than preservation. " : ". "}
        </span>
      ))}
      {contained.length > 0 && (
        <>Contains labelled allergens: {contained.map((a) => a.labelName).join(", ")}.</>
      )}
    </>
  );
}

function RatingText(props: { rating: Rating | null; comedogenic?: boolean }) {
  const r = props.rating;
  if (!r || r.value === null) return <>Not rated</>;
  const label = props.comedogenic ? ` (${comedogenicLabel(r.value)})` : "";
  return (
    <>
      {r.value} / 5{label}, {BASIS_LABELS[r.basis]}
    </>
  );
}

function CautionText(props: { caution: Caution | null; advice?: boolean }) {
  if (!props.caution) return <>Nothing recorded</>;
  return (
    <>
      {props.caution.caution ? "Caution: " : ""}
      {props.caution.note}
      {props.advice && <em> Not medical advice.</em>}
    </>
  );
}

/** What the ingredient is: names, identifiers, functions, origin. */
function IdentityFacts(props: { ingredient: Ingredient }) {
  const i = props.ingredient;
  return (
    <>
      <Row term="INCI name">{i.inci}</Row>
      <Row term="Other names">
        <OtherNames ingredient={i} />
      </Row>
      <Row term="CAS number">{i.cas.length > 0 ? i.cas.join(", ") : "None recorded"}</Row>
      <Row term="EC number">{i.ec.length > 0 ? i.ec.join(", ") : "None recorded"}</Row>
      <Row term="CosIng functions">
        {i.functions.length === 0
          ? "None listed by CosIng"
          : i.functions.map((f, n) => (
              <>
                {n > 0 && ", "}
                <a href={`/functions/${slugify(f)}`}>{f}</a>
              </>
            ))}
      </Row>
      <Row term="Origin">{i.origin ? ORIGIN_LABELS[i.origin] : "Unknown"}</Row>
      <Row term="Vegan">{yesNo(i.vegan)}</Row>
      <Row term="Vegetarian">{yesNo(i.vegetarian)}</Row>
      {i.productTypes.length > 0 && <Row term="Found in">{i.productTypes.join(", ")}</Row>}
    </>
  );
}

/** What matters to a reader's skin and to the law: EU status, allergens, ratings, cautions. */
function SafetyFacts(props: { ingredient: Ingredient; ratingLink?: string }) {
  const i = props.ingredient;
  const fungal = i.fungalAcne ?? inferredFungalAcne(i);
  return (
    <>
      <Row term="EU regulatory status">
        <EuStatus ingredient={i} />
      </Row>
      <Row term="EU fragrance allergen">
        <AllergenStatus ingredient={i} />
      </Row>
      <Row term="Comedogenic rating">
        <RatingText rating={i.comedogenic} comedogenic />
        {props.ratingLink && i.comedogenic?.value != null && (
          <>
            {" "}
            (<a href={props.ratingLink}>details</a>)
          </>
        )}
      </Row>
      <Row term="Irritancy rating">
        <RatingText rating={i.irritancy} />
      </Row>
      <Row term="Fungal acne">
        {fungal ? `${FUNGAL_ACNE_LABELS[fungal.tier]}: ${fungal.reason}` : "Not assessed"}
      </Row>
      <Row term="Pregnancy and breastfeeding">
        <CautionText caution={i.pregnancy} advice />
      </Row>
      <Row term="Sun sensitivity">
        <CautionText caution={i.photosensitising} />
      </Row>
      <Row term="Facts reviewed">
        {i.reviewed ? (
          <time datetime={i.reviewed}>{formatDate(i.reviewed)}</time>
        ) : (
          "Not yet reviewed by an editor"
        )}
      </Row>
    </>
  );
}

/** The structured facts of an ingredient, whatever their source; every value says when it is unknown. */
export function FactsPanel(props: { ingredient: Ingredient; ratingLink?: string }) {
  return (
    <section id="facts" class="facts-panel" aria-labelledby="facts-title">
      <h2 id="facts-title">Facts</h2>
      <dl class="facts">
        <IdentityFacts ingredient={props.ingredient} />
        <SafetyFacts ingredient={props.ingredient} ratingLink={props.ratingLink} />
      </dl>
    </section>
  );
}
