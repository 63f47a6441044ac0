import assert from "node:assert/strict";
import type { WebTest } from "../../test/web.js";
import { SESSION_COOKIE } from "../editors/cookie.js";
import { adminClient, csrfPair } from "../editors/factories.js";

/** Test helpers of the article editor (left out of the build). */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  "#39": "'",
  "#x27": "'",
};
const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_m, e: string) => ENTITIES[e] ?? "");

/**
 * What a browser would send from a rendered form: inputs (checkboxes only when checked), textareas
 * and selects, in document order, repeated names kept (the alias rows). Buttons are left out.
 */
export function browserFields(html: string, formId: string): URLSearchParams {
  const form = new RegExp(`<form[^>]*id="${formId}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (form === undefined) throw new Error(`no form #${formId}`);
  const fields = new URLSearchParams();
  const controls =
    /<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g;
  for (const [whole, areaAttrs, areaText, selectAttrs, options] of form.matchAll(controls)) {
    const attrs = areaAttrs ?? selectAttrs ?? whole;
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    if (areaAttrs !== undefined) fields.append(name, decodeEntities(areaText ?? "").replace(/^\n/, ""));
    else if (selectAttrs !== undefined) {
      // Preact writes an empty value as a bare `value` attribute.
      const list = [...(options ?? "").matchAll(/<option\b([^>]*)>/g)].map(([, a]) => ({
        value: /\bvalue="([^"]*)"/.exec(a ?? "")?.[1] ?? "",
        selected: /\bselected\b/.test(a ?? ""),
      }));
      fields.append(name, decodeEntities((list.find((o) => o.selected) ?? list[0])?.value ?? ""));
    } else {
      if (/type="checkbox"/.test(whole) && !/\bchecked\b/.test(whole)) continue;
      fields.append(name, decodeEntities(/\bvalue="([^"]*)"/.exec(whole)?.[1] ?? ""));
    }
  }
  return fields;
}

/** A signed-in editor's browser on the admin pages: GET, the edit form, and posting it. */
export function editorBrowser(web: () => WebTest) {
  const client = adminClient(web);
  const signedIn = async (email: string, role: "admin" | "editor" = "editor", ip = "198.51.100.40") => {
    await client.account(email, role);
    const session = await client.sessionFor(email, ip);
    const csrf = await csrfPair(client.app());
    const cookie = `${csrf.cookie}; ${SESSION_COOKIE}=${session}`;
    const get = (url: string) => client.app().inject({ method: "GET", url, headers: { cookie } });
    const post = (url: string, fields: URLSearchParams) => {
      fields.set("_csrf", csrf.token);
      return client.app().inject({
        method: "POST",
        url,
        payload: fields.toString(),
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      });
    };
    /** The edit form of an article as the page renders it. */
    const openForm = async (slug: string) => {
      const page = await get(`/admin/articles/${slug}/edit`);
      assert.equal(page.statusCode, 200, page.body);
      return browserFields(page.body, "article-form");
    };
    /** Open the form, apply `change`, press a button. */
    const submit = async (
      slug: string,
      intent: "preview" | "save" | "publish" | "discard",
      change: (fields: URLSearchParams) => void,
      fields?: URLSearchParams,
    ) => {
      const form = fields ?? (await openForm(slug));
      change(form);
      form.set("intent", intent);
      return post(`/admin/articles/${slug}/edit`, form);
    };
    return { email, get, post, openForm, submit, csrf };
  };
  return { ...client, signedIn };
}

/** Words of filler prose for a test article (numbered, so no sentence repeats). */
export function prose(words: number, topic = "test"): string {
  const sentences: string[] = [];
  for (let n = 1; sentences.length * 10 < words; n++) {
    sentences.push(`Sentence ${n} about the ${topic} ingredient explains one more plain fact here.`);
  }
  return sentences.join(" ");
}
