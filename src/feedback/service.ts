import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { findPublishedRevision } from "../ingredients/revisions.js";
import type { Ingredient } from "../ingredients/types.js";
import { findRevisionId, insertFeedback, type NewFeedback } from "./repository.js";

/** The longest comment kept (issue 4's limit); the form's textarea has the same maxlength. */
export const MAX_COMMENT_CHARS = 2000;

export interface FeedbackInput {
  helpful: boolean;
  comment?: string | undefined;
  /** The revision the reader saw (from the page); absent: the published one. */
  revisionNumber?: number | undefined;
}

/**
 * A comment as stored: line ends as "\n" (a browser sends "\r\n", which would count twice against
 * the textarea's own limit), control characters other than tab and new line removed, trimmed;
 * empty means no comment. Longer than the limit: 413, and the reader's text is not cut silently.
 */
export function cleanComment(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const text = Array.from(raw.replace(/\r\n?/g, "\n"))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code === 9 || code === 10 || (code >= 32 && code !== 127);
    })
    .join("")
    .trim();
  if (text.length > MAX_COMMENT_CHARS) {
    throw new AppError(
      "too_large",
      `A comment can be at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters (this one has ${text.length.toLocaleString("en")}).`,
      "comment",
    );
  }
  return text === "" ? null : text;
}

/**
 * Check feedback on an article before anything is spent or stored: the comment, and the revision
 * it was given on (so an editor reads it against the text the reader saw; absent, the published
 * one). Nothing about the reader is kept.
 */
export async function prepareFeedback(
  db: Kysely<DB>,
  ingredient: Ingredient,
  input: FeedbackInput,
): Promise<NewFeedback & { revisionNumber: number | null }> {
  const comment = cleanComment(input.comment);
  let revision: { id: number; number: number } | null;
  if (input.revisionNumber === undefined) {
    revision = await findPublishedRevision(db, ingredient.id);
  } else {
    const id = await findRevisionId(db, ingredient.id, input.revisionNumber);
    if (id === null) throw new AppError("bad_input", "This article has no such revision.", "revision");
    revision = { id, number: input.revisionNumber };
  }
  return {
    ingredientId: ingredient.id,
    revisionId: revision?.id ?? null,
    revisionNumber: revision?.number ?? null,
    helpful: input.helpful,
    comment,
  };
}

export async function saveFeedback(db: Kysely<DB>, feedback: NewFeedback, now = new Date()): Promise<number> {
  return insertFeedback(db, feedback, now);
}
