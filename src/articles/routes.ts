import type { AdminArea } from "../editors/guard.js";
import { editRoutes } from "./edit-routes.js";
import { historyRoutes } from "./history-routes.js";
import { listRoutes } from "./list-routes.js";

/** The articles part of the editors' workspace (every route: role editor, CSRF on posts). */
export const articleRoutes: AdminArea = async (area, ctx) => {
  await listRoutes(area, ctx);
  await editRoutes(area, ctx);
  await historyRoutes(area, ctx);
};
