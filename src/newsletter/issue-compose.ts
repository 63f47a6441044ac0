import type { Kysely } from "kysely";
import type { Dictionary } from "../analyzer/dictionary.js";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { dictionaryIndex } from "../ingredients/browse.js";
import { findPublishedRevision, listRecentRevisions } from "../ingredients/revisions.js";
import type { Ingredient } from "../ingredients/types.js";
import {
  deleteDraft,
  findIssue,
  type Issue,
  type IssueArticle,
  insertIssue,
  lastSendStart,
  updateDraft,
} from "./issue-repository.js";

/** Composing an issue: a draft pre-filled from the articles published since the last send, then edited. */
export const MAX_SUBJECT = 200;
export const MAX_INTRO = 10_000;
export const MAX_ARTICLES = 40;
/** The pre-fill lists at most this many (the newest): an editor adds more by slug if needed. */
export const PREFILL_ARTICLES = 20;
/** Without an earlier issue, the first one looks back this far. */
export const FIRST_ISSUE_DAYS = 7;
/** How many recent revisions the pre-fill scans (several may belong to one article). */
const SCAN_REVISIONS = 1000;

export interface ComposeDeps {
  db: Kysely<DB>;
  dictionary: Dictionary;
}

export interface DraftEdit {
  subject: string;
  intro: string;
  /** Slugs of the current articles to keep, in their order. */
  keep: string[];
  /** Slugs to add, separated by spaces, commas or new lines. */
  add: string;
}

type RevisionFacts = { number: number; isCorrection: boolean; note: string; createdAt: string };

function snapshot(ingredient: Ingredient, revision: RevisionFacts): IssueArticle {
  return {
    slug: ingredient.slug,
    name: ingredient.name,
    inci: ingredient.inci,
    summary: ingredient.summary,
    kind: revision.isCorrection ? "correction" : revision.number === 1 ? "new" : "updated",
    note: revision.note,
    publishedAt: revision.createdAt,
  };
}

/** The newest revision per article published after `since`, newest first. */
async function articlesSince(deps: ComposeDeps, since: string): Promise<IssueArticle[]> {
  const byId = dictionaryIndex(deps.dictionary).byId;
  const seen = new Set<number>();
  const articles: IssueArticle[] = [];
  for (const revision of await listRecentRevisions(deps.db, SCAN_REVISIONS)) {
    if (revision.createdAt <= since || articles.length >= PREFILL_ARTICLES) break;
    const ingredient = byId.get(revision.ingredientId);
    if (!ingredient || seen.has(ingredient.id)) continue;
    seen.add(ingredient.id);
    articles.push(snapshot(ingredient, revision));
  }
  return articles;
}

const longDate = (date: Date) =>
  date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A new draft: subject with the date, a neutral intro for the editor to rewrite, the recent articles. */
export async function draftIssue(deps: ComposeDeps, actor: string, now = new Date()): Promise<number> {
  const since =
    (await lastSendStart(deps.db)) ?? new Date(now.getTime() - FIRST_ISSUE_DAYS * 86_400_000).toISOString();
  const articles = await articlesSince(deps, since);
  const intro =
    articles.length > 0
      ? "Here is what is new, updated and corrected on INCI Atlas since the last issue."
      : "No article changed since the last issue.";
  const id = await insertIssue(
    deps.db,
    { subject: `INCI Atlas weekly, ${longDate(now)}`, intro, articles, since },
    actor,
    now,
  );
  await recordAudit(
    deps.db,
    {
      actor,
      action: "newsletter.issue_created",
      target: `issue:${id}`,
      detail: { articles: articles.length },
    },
    now,
  );
  return id;
}

export async function getIssue(db: Kysely<DB>, id: number): Promise<Issue> {
  const issue = await findIssue(db, id);
  if (!issue) throw new AppError("not_found", `There is no issue ${id}.`);
  return issue;
}

function checkText(edit: DraftEdit): { subject: string; intro: string } {
  const subject = edit.subject.trim();
  // A mail header: one line, no control characters.
  if (subject.length === 0 || subject.length > MAX_SUBJECT || /\p{Cc}/u.test(subject)) {
    throw new AppError(
      "bad_input",
      `The subject needs 1 to ${MAX_SUBJECT} characters on one line.`,
      "subject",
    );
  }
  if (edit.intro.length > MAX_INTRO) {
    throw new AppError("bad_input", `The intro is longer than ${MAX_INTRO} characters.`, "intro");
  }
  return { subject, intro: edit.intro.replace(/\r\n?/g, "\n") };
}

async function addedArticles(deps: ComposeDeps, words: string, have: Set<string>): Promise<IssueArticle[]> {
  const added: IssueArticle[] = [];
  for (const slug of words
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const ingredient = deps.dictionary.findBySlug(slug);
    if (!ingredient)
      throw new AppError("ingredient_not_found", `No ingredient has the slug "${slug}".`, "add");
    if (have.has(ingredient.slug)) continue;
    have.add(ingredient.slug);
    const revision = await findPublishedRevision(deps.db, ingredient.id);
    const facts = revision ?? {
      number: 1,
      isCorrection: false,
      note: "",
      createdAt: new Date().toISOString(),
    };
    added.push(snapshot(ingredient, facts));
  }
  return added;
}

/** Save an edit of a draft; `issue_locked` once its send has begun. */
export async function saveDraft(
  deps: ComposeDeps,
  id: number,
  edit: DraftEdit,
  actor: string,
  now = new Date(),
) {
  const issue = await getIssue(deps.db, id);
  if (issue.status !== "draft")
    throw new AppError("issue_locked", "This issue is being sent or was sent: it can no longer change.");
  const text = checkText(edit);
  const keep = new Set(edit.keep);
  const kept = issue.articles.filter((a) => keep.has(a.slug));
  const articles = [...kept, ...(await addedArticles(deps, edit.add, new Set(kept.map((a) => a.slug))))];
  if (articles.length > MAX_ARTICLES) {
    throw new AppError("bad_input", `An issue lists at most ${MAX_ARTICLES} articles.`, "add");
  }
  if (!(await updateDraft(deps.db, id, { ...text, articles }, now))) {
    throw new AppError("issue_locked", "This issue is being sent or was sent: it can no longer change.");
  }
  await recordAudit(
    deps.db,
    {
      actor,
      action: "newsletter.issue_updated",
      target: `issue:${id}`,
      detail: { articles: articles.length },
    },
    now,
  );
}

export async function discardDraft(
  db: Kysely<DB>,
  id: number,
  actor: string,
  now = new Date(),
): Promise<void> {
  await getIssue(db, id);
  if (!(await deleteDraft(db, id))) {
    throw new AppError(
      "issue_locked",
      "Only a draft can be discarded: this issue is being sent or was sent.",
    );
  }
  await recordAudit(db, { actor, action: "newsletter.issue_discarded", target: `issue:${id}` }, now);
}
