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

/** ALTCHA challenges already solved and accepted (replay protection), until they expire. */
export interface AltchaSpentTable {
  nonce: string;
  expires_at: string;
}

/** An editor's account. `role` is admin | editor; no password until the set-password link is used. */
export interface EditorTable {
  id: Generated<number>;
  /** Lower case, trimmed. */
  email: string;
  role: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** One-time links (set-password); only the SHA-256 of the token is kept. */
export interface EditorTokenTable {
  id: Generated<number>;
  editor_id: number;
  token_hash: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A signed-in browser. `id` is the SHA-256 (hex) of the token in the cookie. */
export interface EditorSessionTable {
  id: string;
  editor_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  user_agent: string | null;
  ip: string | null;
}

/** Failed sign-ins per typed e-mail (its SHA-256), whether or not an account has it. */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

/** Who did what, when. `detail` is a JSON object. */
export interface AuditLogTable {
  id: Generated<number>;
  actor: string;
  action: string;
  target: string | null;
  detail: Generated<string>;
  created_at: string;
}

/** A newsletter issue. `articles` is a JSON IssueArticle[] snapshot; `sender`/`lease_until` the send lock. */
export interface NewsletterIssueTable {
  id: Generated<number>;
  subject: string;
  /** Markdown. */
  intro: string;
  articles: string;
  /** draft | sending | sent */
  status: string;
  /** The articles were gathered from revisions published after this time. */
  since: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  send_started_at: string | null;
  send_started_by: string | null;
  sent_at: string | null;
  sender: string | null;
  lease_until: string | null;
}

/** A slice of an issue's recipients, sent in order. */
export interface NewsletterBatchTable {
  id: Generated<number>;
  issue_id: number;
  number: number;
  size: number;
  started_at: string | null;
  completed_at: string | null;
}

/** One recipient of one issue: pending | sending | sent | retry | failed | uncertain | skipped. */
export interface NewsletterRecipientTable {
  id: Generated<number>;
  issue_id: number;
  batch_id: number;
  /** Null once the subscriber deleted their data (the row stays, anonymous). */
  subscriber_id: number | null;
  email: string | null;
  state: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  marked_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  resolved_by: string | null;
}

/** An editor's unpublished work on one article: the form as they left it, and the revision it started from. */
export interface ArticleDraftTable {
  id: Generated<number>;
  ingredient_id: number;
  editor_id: number;
  base_revision: number;
  /** JSON: the edit form's values (src/articles/form.ts ArticleForm). */
  content: string;
  created_at: string;
  updated_at: string;
}

/** A field an editor changed that a corpus upgrade also changed: pending until resolved. */
export interface CorpusConflictTable {
  id: Generated<number>;
  ingredient_id: number;
  /** A field key of src/articles/fields.ts: "name", "facts.summary", "sections.What is it". */
  field: string;
  /** JSON: the corpus version of the field. */
  corpus_value: string;
  detected_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  /** kept | taken */
  resolution: string | null;
}

/** JSON Record<field key, hash> of the corpus version last loaded for an ingredient. */
export interface CorpusBaselineTable {
  ingredient_id: number;
  hashes: string;
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
  altcha_spent: AltchaSpentTable;
  editors: EditorTable;
  editor_tokens: EditorTokenTable;
  editor_sessions: EditorSessionTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  article_drafts: ArticleDraftTable;
  corpus_conflicts: CorpusConflictTable;
  corpus_baselines: CorpusBaselineTable;
  newsletter_issues: NewsletterIssueTable;
  newsletter_batches: NewsletterBatchTable;
  newsletter_recipients: NewsletterRecipientTable;
}
