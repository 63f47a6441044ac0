import type { StoredFacts } from "../ingredients/repository.js";
import { ORIGINS } from "../ingredients/types.js";
import { type Errors, Group, type Options, Select, TextArea, TextInput } from "./controls.js";
import { Aliases, CAUTION, Categories, EuStatus, LIST_HINT, RatingFields, TIERS, TRI } from "./fact-parts.js";
import type { ArticleForm } from "./form.js";

/** The fieldsets of the structured facts, in the order of the facts panel. */

export function FactFields(props: {
  form: ArticleForm;
  errors: Errors;
  inci: string;
  eu: StoredFacts["eu"];
}) {
  const { form, errors } = props;
  const origins: Options = [["", "(choose)"], ...ORIGINS.map((o) => [o, o] as const)];
  return (
    <>
      <Group legend="Names">
        <p>
          INCI name: <strong>{props.inci}</strong> (identifies the entry; not edited here)
        </p>
        <TextInput name="name" label="Display name" value={form.name} errors={errors} maxLength={200} />
      </Group>
      <Aliases form={form} errors={errors} />
      <Group legend="Identifiers and CosIng functions">
        <TextArea name="cas" label="CAS numbers" hint={LIST_HINT} value={form.cas} errors={errors} />
        <TextArea name="ec" label="EC numbers" hint={LIST_HINT} value={form.ec} errors={errors} />
        <TextArea
          name="functions"
          label="Functions (CosIng vocabulary)"
          hint={LIST_HINT}
          value={form.functions}
          errors={errors}
        />
      </Group>
      <Group legend="Origin and diet">
        <Select name="origin" label="Origin" value={form.origin} options={origins} errors={errors} />
        <Select name="vegan" label="Vegan" value={form.vegan} options={TRI} errors={errors} />
        <Select name="vegetarian" label="Vegetarian" value={form.vegetarian} options={TRI} errors={errors} />
      </Group>
      <Categories form={form} errors={errors} />
      <RatingFields
        prefix="comedogenic"
        legend="Comedogenic rating"
        rating={form.comedogenic}
        errors={errors}
      />
      <RatingFields prefix="irritancy" legend="Irritancy rating" rating={form.irritancy} errors={errors} />
      <Group legend="Fungal acne">
        <Select name="fungalTier" label="Tier" value={form.fungalTier} options={TIERS} errors={errors} />
        <TextArea name="fungalReason" label="Reason" value={form.fungalReason} errors={errors} />
      </Group>
      <Group legend="Pregnancy and sun">
        <Select
          name="pregnancy"
          label="Pregnancy and breastfeeding"
          value={form.pregnancy}
          options={CAUTION}
          errors={errors}
        />
        <TextArea name="pregnancyNote" label="Pregnancy note" value={form.pregnancyNote} errors={errors} />
        <Select name="sun" label="Sun sensitivity" value={form.sun} options={CAUTION} errors={errors} />
        <TextArea name="sunNote" label="Sun note" value={form.sunNote} errors={errors} />
      </Group>
      <Group legend="Allergens, product types and related entries">
        <TextArea
          name="allergens"
          label="Fragrance allergens it contains (INCI names)"
          hint={LIST_HINT}
          value={form.allergens}
          errors={errors}
        />
        <TextArea
          name="productTypes"
          label="Product types"
          hint={LIST_HINT}
          value={form.productTypes}
          errors={errors}
        />
        <TextArea
          name="related"
          label="Related entries (slugs)"
          hint={LIST_HINT}
          value={form.related}
          errors={errors}
        />
      </Group>
      <Group legend="Summary and sources">
        <TextArea
          name="summary"
          label="Summary (40-1,200 characters)"
          rows={5}
          value={form.summary}
          errors={errors}
        />
        <TextArea
          name="sources"
          label="Sources"
          hint="Bibliography keys, one per line."
          value={form.sources}
          errors={errors}
        />
        <TextInput
          name="reviewed"
          label="Facts reviewed on"
          type="date"
          value={form.reviewed}
          errors={errors}
          maxLength={10}
        />
      </Group>
      <EuStatus eu={props.eu} />
    </>
  );
}
