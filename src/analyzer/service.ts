import { AppError } from "../errors.js";
import { analyzeLabel } from "./analyze.js";
import { CLAIMS, isClaim } from "./claims.js";
import type { Dictionary } from "./dictionary.js";
import { type AnalysisJson, presentAnalysis } from "./presenter.js";

/** Largest label text accepted, in bytes of UTF-8 (1 MB). */
export const MAX_LABEL_BYTES = 1_000_000;

/** The analyze use-case: validate the input, analyse, present. Shared by the CLI and the API. */
export function analyzeText(
  dictionary: Dictionary,
  text: string,
  claims: readonly string[] = [],
): AnalysisJson {
  if (Buffer.byteLength(text, "utf8") > MAX_LABEL_BYTES) {
    throw new AppError("label_too_long", `The label text is longer than ${MAX_LABEL_BYTES} bytes.`, "text");
  }
  const unknown = claims.filter((c) => !isClaim(c));
  if (unknown.length > 0) {
    throw new AppError(
      "bad_input",
      `Unknown claim ${unknown.map((c) => `"${c}"`).join(", ")}; known claims: ${CLAIMS.join(", ")}.`,
      "claims",
    );
  }
  return presentAnalysis(analyzeLabel(text, dictionary, { claims }));
}
