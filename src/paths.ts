import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder, whether running from src/ through tsx or from compiled dist/. */
export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CONTENT_DIR = resolve(PROJECT_DIR, "content");
