import type { Kysely, Selectable } from "kysely";
import type { DB, NewsletterIssueTable } from "../db/schema.js";

/** All SQL on newsletter issues (the send lock is in send-lock.ts, the recipients in send-repository.ts). */
export type IssueStatus = "draft" | "sending" | "sent";
export type ArticleKind = "new" | "updated" | "correction";

/**
 * An article as the issue lists it, copied when the issue is saved: the issue is then
 * self-contained (the command-line sender needs no dictionary) and the preview is what is sent.
 */
export interface IssueArticle {
  slug: string;
  name: string;
  inci: string;
  summary: string | null;
  kind: ArticleKind;
  /** The revision's change note ("what changed"). */
  note: string;
  publishedAt: string;
}

export interface IssueContent {
  subject: string;
  /** Markdown. */
  intro: string;
  articles: IssueArticle[];
}

export interface Issue extends IssueContent {
  id: number;
  status: IssueStatus;
  since: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sendStartedAt: string | null;
  sendStartedBy: string | null;
  sentAt: string | null;
}

function toIssue(row: Selectable<NewsletterIssueTable>): Issue {
  return {
    id: row.id,
    subject: row.subject,
    intro: row.intro,
    articles: JSON.parse(row.articles) as IssueArticle[],
    status: row.status as IssueStatus,
    since: row.since,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sendStartedAt: row.send_started_at,
    sendStartedBy: row.send_started_by,
    sentAt: row.sent_at,
  };
}

export async function insertIssue(
  db: Kysely<DB>,
  content: IssueContent & { since: string },
  actor: string,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto("newsletter_issues")
    .values({
      subject: content.subject,
      intro: content.intro,
      articles: JSON.stringify(content.articles),
      status: "draft",
      since: content.since,
      created_by: actor,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findIssue(db: Kysely<DB>, id: number): Promise<Issue | null> {
  const row = await db.selectFrom("newsletter_issues").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toIssue(row) : null;
}

/** Newest first. */
export async function listIssues(db: Kysely<DB>, limit = 100): Promise<Issue[]> {
  const rows = await db
    .selectFrom("newsletter_issues")
    .selectAll()
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toIssue);
}

/** Save a draft's content; false when the issue is no longer a draft (its send has begun). */
export async function updateDraft(db: Kysely<DB>, id: number, content: IssueContent, now: Date) {
  const result = await db
    .updateTable("newsletter_issues")
    .set({
      subject: content.subject,
      intro: content.intro,
      articles: JSON.stringify(content.articles),
      updated_at: now.toISOString(),
    })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Kysely<DB>, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom("newsletter_issues")
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** When the latest issue whose send began started sending: the next issue lists what came after. */
export async function lastSendStart(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom("newsletter_issues")
    .select("send_started_at")
    .where("send_started_at", "is not", null)
    .orderBy("send_started_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.send_started_at ?? null;
}

export async function setIssueStatus(
  db: Kysely<DB>,
  id: number,
  status: IssueStatus,
  now: Date,
): Promise<void> {
  await db
    .updateTable("newsletter_issues")
    .set({ status, sent_at: status === "sent" ? now.toISOString() : null })
    .where("id", "=", id)
    .execute();
}
