/** Items per browse page. */
export const PAGE_SIZE = 100;

export interface PageSlice<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of a list, or null when the page number is past the end (page 1 always exists). */
export function slicePage<T>(list: readonly T[], page: number): PageSlice<T> | null {
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  if (page > pages) return null;
  return { items: list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), page, pages, total: list.length };
}

/** Page numbers to show: the first, the last and two either side of the current one. */
function visiblePages(page: number, pages: number): number[] {
  const shown = new Set([1, pages]);
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= pages) shown.add(n);
  return [...shown].sort((a, b) => a - b);
}

export function Pagination(props: { page: number; pages: number; href: (page: number) => string }) {
  const { page, pages, href } = props;
  if (pages <= 1) return null;
  const numbers = visiblePages(page, pages);
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          Previous
        </a>
      )}
      {numbers.map((n, i) => (
        <>
          {i > 0 && n - (numbers[i - 1] as number) > 1 && <span aria-hidden="true">…</span>}
          {n === page ? (
            <span aria-current="page" class="current">
              {n}
            </span>
          ) : (
            <a href={href(n)} aria-label={`Page ${n}`}>
              {n}
            </a>
          )}
        </>
      ))}
      {page < pages && (
        <a href={href(page + 1)} rel="next">
          Next
        </a>
      )}
    </nav>
  );
}
