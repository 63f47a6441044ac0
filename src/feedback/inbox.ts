import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import {
  type ArticleFeedbackTotals,
  type FeedbackFilter,
  type FeedbackItem,
  findFeedback,
  findRevisionId,
  listFeedback,
  listFeedbackTotals,
  setFeedbackHandled,
  type TotalsOrder,
} from "./repository.js";

/** The editors' feedback inbox: list, per-article totals, mark handled and un-handle (audited). */

export const INBOX_PER_PAGE = 50;
export const TOTALS_PER_PAGE = 100;
/** The longest handling note; the form's textarea has the same maxlength. */
export const MAX_NOTE_CHARS = 2000;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export async function listInbox(
  db: Kysely<DB>,
  filter: FeedbackFilter,
  page: number,
): Promise<Paged<FeedbackItem>> {
  const { items, total } = await listFeedback(db, filter, INBOX_PER_PAGE, (page - 1) * INBOX_PER_PAGE);
  return { items, total, page, perPage: INBOX_PER_PAGE };
}

export async function listArticleTotals(
  db: Kysely<DB>,
  order: TotalsOrder,
  page: number,
): Promise<Paged<ArticleFeedbackTotals>> {
  const offset = (page - 1) * TOTALS_PER_PAGE;
  const { rows, articles } = await listFeedbackTotals(db, order, TOTALS_PER_PAGE, offset);
  return { items: rows, total: articles, page, perPage: TOTALS_PER_PAGE };
}

export async function getFeedback(db: Kysely<DB>, id: number): Promise<FeedbackItem> {
  const item = await findFeedback(db, id);
  if (!item) throw new AppError("not_found", "There is no such feedback.");
  return item;
}

/**
 * A note as stored: line ends as "\n" (a browser sends "\r\n", which would count twice against the
 * textarea's limit), control characters other than tab and new line removed, trimmed.
 */
export function cleanNote(raw: string | undefined): string {
  const text = Array.from((raw ?? "").replace(/\r\n?/g, "\n"))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code === 9 || code === 10 || (code >= 32 && code !== 127);
    })
    .join("")
    .trim();
  if (text.length > MAX_NOTE_CHARS) {
    throw new AppError(
      "too_large",
      `A note can be at most ${MAX_NOTE_CHARS.toLocaleString("en")} characters (this one has ${text.length.toLocaleString("en")}).`,
      "note",
    );
  }
  return text;
}

export interface HandleInput {
  note?: string | undefined;
  /** The number of the revision of the same article that corrected what the reader reported. */
  correctionRevision?: number | undefined;
}

/**
 * Mark feedback handled, or change how it was handled. The correcting revision must belong to the
 * feedback's own article: a number is looked up within that article only.
 */
export async function handleFeedback(
  db: Kysely<DB>,
  id: number,
  input: HandleInput,
  actor: string,
  now = new Date(),
): Promise<FeedbackItem> {
  const note = cleanNote(input.note);
  return db.transaction().execute(async (trx) => {
    const item = await getFeedback(trx, id);
    let correctionRevisionId: number | null = null;
    if (input.correctionRevision !== undefined) {
      correctionRevisionId = await findRevisionId(trx, item.ingredientId, input.correctionRevision);
      if (correctionRevisionId === null) {
        throw new AppError(
          "bad_input",
          `The article "${item.name}" has no revision ${input.correctionRevision}.`,
          "correctionRevision",
        );
      }
    }
    const at = now.toISOString();
    await setFeedbackHandled(trx, id, { at, by: actor, note, correctionRevisionId });
    const detail = {
      article: item.slug,
      correctionRevision: input.correctionRevision ?? null,
      note,
      // An earlier note is in the earlier row of the log: both notes would not fit one row.
      wasHandled: item.handled !== null,
    };
    await recordAudit(trx, { actor, action: "feedback.handled", target: `feedback:${id}`, detail }, now);
    const handled = { at, by: actor, note, correctionRevisionNumber: input.correctionRevision ?? null };
    return { ...item, handled };
  });
}

/** Back to the inbox's unhandled items; the note and correction it had are kept in the audit log. */
export async function unhandleFeedback(
  db: Kysely<DB>,
  id: number,
  actor: string,
  now = new Date(),
): Promise<FeedbackItem> {
  return db.transaction().execute(async (trx) => {
    const item = await getFeedback(trx, id);
    if (!item.handled) return item;
    await setFeedbackHandled(trx, id, null);
    const detail = { article: item.slug, previous: item.handled };
    await recordAudit(trx, { actor, action: "feedback.unhandled", target: `feedback:${id}`, detail }, now);
    return { ...item, handled: null };
  });
}
