import { AppError } from "../errors.js";

/** Read all of stdin as UTF-8, refusing more than `limit` bytes. */
export async function readStdin(limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new AppError("label_too_long", `Input is longer than ${limit} bytes.`, "text");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Write and wait for the stream to drain, so that large outputs are not cut at exit. */
export function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
