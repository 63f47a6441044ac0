import type { Generated } from "kysely";

/** The database tables as Kysely sees them. JSON columns hold text on both dialects. */
export interface IngredientTable {
  id: Generated<number>;
  slug: string;
  inci: string;
  name: string;
  /** JSON string[] */
  cas: string;
  /** JSON string[] */
  ec: string;
  /** JSON string[] */
  functions: string;
  /** JSON: the authored facts beyond identity (origin, ratings, categories, ...). */
  facts: string;
  /** JSON Record<heading, markdown> or null when there is no article. */
  sections: string | null;
  description: string | null;
  /** JSON: the imported CosIng record of this ingredient ({cas, ec, functions}), kept to show disagreements. */
  inventory: string | null;
  source: string;
  /** JSON Record<field, FactSource>: where each stored fact came from. */
  field_sources: string;
  content_hash: string | null;
  updated_at: string;
}

export interface IngredientNameTable {
  ingredient_id: number;
  name: string;
  key: string;
  kind: string;
  source: string;
}

export interface RegulationTable {
  id: Generated<number>;
  annex: string;
  ref: string;
  substance: string;
  cas: string;
  ec: string;
  identified: string;
  product_type: string | null;
  max_concentration: string | null;
  max_percent: number | null;
  conditions: string | null;
  warnings: string | null;
  regulation: string | null;
  source: string;
  updated_at: string;
}

export interface IngredientRegulationTable {
  ingredient_id: number;
  regulation_id: number;
  matched_by: string;
  source: string;
}

export interface RevisionTable {
  id: Generated<number>;
  ingredient_id: number;
  /** 1, 2, ... per ingredient. The highest is the published one. */
  number: number;
  /** JSON IngredientFacts snapshot. */
  facts: string;
  /** JSON Record<heading, markdown> or null. */
  sections: string | null;
  author: string;
  note: string;
  is_correction: number;
  created_at: string;
}

export interface FeedbackTable {
  id: Generated<number>;
  ingredient_id: number;
  revision_id: number | null;
  helpful: number;
  comment: string | null;
  created_at: string;
  handled_at: string | null;
  handled_by: string | null;
  handled_note: string | null;
  correction_revision_id: number | null;
}

export interface SubscriberTable {
  id: Generated<number>;
  email: string;
  /** pending | confirmed | unsubscribed */
  status: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** JSON Record<string, string> of extra headers (List-Unsubscribe, ...). */
  headers: string;
  /** pending | sending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ContentChangeTable {
  id: Generated<number>;
  ingredient_id: number;
  changed_at: string;
}

export interface SlugRedirectTable {
  old_slug: string;
  ingredient_id: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface DB {
  ingredients: IngredientTable;
  ingredient_names: IngredientNameTable;
  regulations: RegulationTable;
  ingredient_regulations: IngredientRegulationTable;
  revisions: RevisionTable;
  feedback: FeedbackTable;
  subscribers: SubscriberTable;
  outbox: OutboxTable;
  content_changes: ContentChangeTable;
  slug_redirects: SlugRedirectTable;
  settings: SettingTable;
}
