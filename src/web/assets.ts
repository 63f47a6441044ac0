import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** A file served from memory under a content-hashed, immutable URL, compressed once at boot. */
export interface Asset {
  url: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

function makeAsset(name: string, ext: string, type: string, body: Buffer): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return {
    url: `/assets/${name}.${hash}.${ext}`,
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${hash}"`,
  };
}

function concatFolder(dir: string, ext: string): Buffer {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();
  return Buffer.from(files.map((f) => readFileSync(join(dir, f), "utf8")).join("\n"));
}

/**
 * The site's stylesheet and script: every file of public/css and public/js, in name order,
 * concatenated into one file each (one request per type, no build step). Vendor files (the
 * ALTCHA widget) are added by name.
 */
export class Assets {
  readonly css: Asset;
  readonly js: Asset;
  private readonly byUrl = new Map<string, Asset>();

  constructor(publicDir: string) {
    this.css = this.add(
      makeAsset("site", "css", "text/css; charset=utf-8", concatFolder(join(publicDir, "css"), ".css")),
    );
    this.js = this.add(
      makeAsset("site", "js", "text/javascript; charset=utf-8", concatFolder(join(publicDir, "js"), ".js")),
    );
  }

  /** Serve a file (e.g. from node_modules) under a hashed URL; returns that URL. */
  addFile(name: string, path: string, type: string): string {
    const ext = path.split(".").pop() ?? "bin";
    return this.add(makeAsset(name, ext, type, readFileSync(path))).url;
  }

  find(url: string): Asset | undefined {
    return this.byUrl.get(url);
  }

  private add(asset: Asset): Asset {
    this.byUrl.set(asset.url, asset);
    return asset;
  }
}
