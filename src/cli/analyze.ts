import { createInterface } from "node:readline";
import { z } from "zod";
import type { Dictionary } from "../analyzer/dictionary.js";
import { analyzeText, MAX_LABEL_BYTES } from "../analyzer/service.js";
import { AppError } from "../errors.js";
import { readStdin, write } from "./io.js";
import { renderAnalysis } from "./table.js";

export interface AnalyzeFlags {
  json?: boolean;
  claims?: string;
  batch?: boolean;
}

export function parseClaims(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "");
}

/** `inci-atlas analyze [TEXT]`: one label from the argument or stdin. */
export async function runAnalyze(dictionary: Dictionary, text: string | undefined, flags: AnalyzeFlags) {
  const input = text === undefined || text === "-" ? await readStdin(MAX_LABEL_BYTES) : text;
  const result = analyzeText(dictionary, input, parseClaims(flags.claims));
  await write(flags.json ? `${JSON.stringify(result)}\n` : renderAnalysis(result));
}

const batchLine = z.strictObject({
  id: z.union([z.string().max(200), z.number()]),
  text: z.string(),
  claims: z.array(z.string().max(40)).max(20).optional(),
});

/**
 * `inci-atlas analyze --batch`: JSON Lines in, one result line per input line, in order. A bad
 * line yields an error line and the batch goes on.
 */
export async function runBatch(dictionary: Dictionary, flags: AnalyzeFlags): Promise<void> {
  const defaultClaims = parseClaims(flags.claims);
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === "") continue;
    await write(`${JSON.stringify(analyzeBatchLine(dictionary, line, number, defaultClaims))}\n`);
  }
}

function analyzeBatchLine(dictionary: Dictionary, line: string, number: number, defaultClaims: string[]) {
  let id: string | number | null = null;
  try {
    if (Buffer.byteLength(line, "utf8") > MAX_LABEL_BYTES + 1000) {
      throw new AppError("label_too_long", `Line ${number} is longer than ${MAX_LABEL_BYTES} bytes.`, "text");
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new AppError("invalid_json", `Line ${number} is not valid JSON.`);
    }
    if (raw && typeof raw === "object" && "id" in raw) id = (raw as { id: string | number }).id;
    const parsed = batchLine.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || undefined;
      throw new AppError(
        "bad_input",
        `Line ${number}: ${field ?? "line"}: ${issue?.message ?? "bad shape"}.`,
        field,
      );
    }
    id = parsed.data.id;
    return { id, result: analyzeText(dictionary, parsed.data.text, parsed.data.claims ?? defaultClaims) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      id,
      error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
    };
  }
}
