import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { adminView, sendAdminPage } from "../editors/admin-http.js";
import { formatTime, renderAdminPage } from "../editors/views.js";
import type { WebContext } from "../server/compose.js";
import { type AuditPage, listAudit, listAuditActions } from "./audit.js";

const PER_PAGE = 50;
const auditQuery = z.strictObject({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
type AuditFilter = z.infer<typeof auditQuery>;

function pageUrl(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.actor) params.set("actor", filter.actor);
  if (filter.action) params.set("action", filter.action);
  params.set("page", String(page));
  return `/admin/audit?${params}`;
}

function AuditTable(props: { result: AuditPage; filter: AuditFilter; actions: string[] }) {
  const { result, filter } = props;
  const last = Math.max(1, Math.ceil(result.total / result.perPage));
  return (
    <>
      <form method="get" action="/admin/audit" class="admin-filter">
        <label for="audit-actor">Actor (e-mail, cli or anonymous)</label>
        <input id="audit-actor" name="actor" type="text" maxLength={254} value={filter.actor ?? ""} />
        <label for="audit-action">Action</label>
        <select id="audit-action" name="action">
          <option value="">any</option>
          {props.actions.map((a) => (
            <option key={a} value={a} selected={a === filter.action}>
              {a}
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <table class="admin-table">
        <caption>
          {result.total} entries, page {result.page} of {last}
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {result.records.map((r) => (
            <tr key={r.id}>
              <td data-label="When">{formatTime(r.createdAt)}</td>
              <td data-label="Actor">{r.actor}</td>
              <td data-label="Action">{r.action}</td>
              <td data-label="Target">{r.target ?? ""}</td>
              <td data-label="Detail">
                <code>{JSON.stringify(r.detail)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="admin-pager" aria-label="Audit log pages">
        {result.page > 1 && <a href={pageUrl(filter, result.page - 1)}>Newer</a>}
        {result.page < last && <a href={pageUrl(filter, result.page + 1)}>Older</a>}
      </nav>
    </>
  );
}

/** /admin/audit (admins): the audit log, newest first, filtered by actor and action. */
export async function auditPageRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/admin/audit",
    { config: { role: "admin" }, schema: { querystring: auditQuery } },
    async (request, reply) => {
      const filter = request.query;
      const query = { actor: filter.actor || undefined, action: filter.action || undefined };
      const [result, actions] = await Promise.all([
        listAudit(ctx.database.db, { ...query, page: filter.page ?? 1, perPage: PER_PAGE }),
        listAuditActions(ctx.database.db),
      ]);
      const view = adminView(ctx, request, reply);
      const body = <AuditTable result={result} filter={filter} actions={actions} />;
      return sendAdminPage(request, reply, renderAdminPage(view, "Audit log", body));
    },
  );
}
