import type { AnalysisJson, EntryJson } from "../analyzer/presenter.js";
import { ClaimsView, FlagsView, SkippedView } from "./findings-view.js";
import { concernsOf, GROUP_LABELS, matchLabel } from "./vocabulary.js";

type Flag = AnalysisJson["flags"][number];
export type Level = 2 | 3;

export interface ViewProps {
  analysis: AnalysisJson;
  /** Prefix of element ids, so that two analyses can share a page (the compare page). */
  idPrefix: string;
  /** Heading level of the view's sections. */
  level: Level;
  /** Fewer columns, for two analyses side by side. */
  compact?: boolean;
}

/** The entries of one section and group ("may contain" is its own group), in list order. */
export function entryTables(analysis: AnalysisJson): Array<{ caption: string; entries: EntryJson[] }> {
  const several = analysis.sections.length > 1;
  return analysis.sections.flatMap((name, section) =>
    (["main", "may_contain"] as const).flatMap((group) => {
      const entries = analysis.entries.filter((e) => e.section === section && e.group === group);
      if (entries.length === 0) return [];
      const product = several ? `${name || `Product ${section + 1}`}: ` : "";
      return [{ caption: `${product}${GROUP_LABELS[group]}`, entries }];
    }),
  );
}

function FlagChips({
  entry,
  flags,
  idPrefix,
}: {
  entry: EntryJson;
  flags: Map<string, Flag>;
  idPrefix: string;
}) {
  if (entry.flags.length === 0) return <>none</>;
  return (
    <ul class="flag-chips">
      {entry.flags.map((id) => (
        <li
          key={id}
          class={`flag-chip sev-${flags.get(id)?.severity ?? "info"}`}
          data-concerns={concernsOf(id) || undefined}
        >
          <a href={`#${idPrefix}flag-${id}`}>{flags.get(id)?.title ?? id}</a>
        </li>
      ))}
    </ul>
  );
}

function EntryRow({
  entry,
  flags,
  idPrefix,
  compact,
}: {
  entry: EntryJson;
  flags: Map<string, Flag>;
  idPrefix: string;
  compact: boolean;
}) {
  const notes = [entry.nano ? "nano" : "", entry.belowOnePercent ? "1 % or less" : ""].filter(Boolean);
  return (
    <tr class={entry.slug ? undefined : "unrecognised"}>
      <td data-label="Position">{entry.position}</td>
      <th scope="row" data-label="As written">
        {entry.text}
      </th>
      <td data-label="Ingredient">
        {entry.slug ? <a href={`/ingredients/${entry.slug}`}>{entry.name}</a> : <em>unrecognised</em>}
        {notes.length > 0 && <span class="entry-notes"> ({notes.join(", ")})</span>}
      </td>
      {!compact && <td data-label="Matched">{matchLabel(entry)}</td>}
      {!compact && <td data-label="Functions">{entry.functions.join(", ") || "none listed"}</td>}
      <td data-label="Flags">
        <FlagChips entry={entry} flags={flags} idPrefix={idPrefix} />
      </td>
    </tr>
  );
}

function EntryTable({
  caption,
  entries,
  flags,
  idPrefix,
  compact,
}: {
  caption: string;
  entries: EntryJson[];
  flags: Map<string, Flag>;
  idPrefix: string;
  compact: boolean;
}) {
  return (
    <div class="table-scroll">
      <table class="entries">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">As written</th>
            <th scope="col">Ingredient</th>
            {!compact && <th scope="col">Matched</th>}
            {!compact && <th scope="col">Functions</th>}
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <EntryRow
              key={entry.position}
              entry={entry}
              flags={flags}
              idPrefix={idPrefix}
              compact={compact}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function summaryLine(analysis: AnalysisJson): string {
  const total = analysis.entries.length;
  const unknown = analysis.entries.filter((e) => e.slug === null).length;
  const flags = analysis.flags.length;
  return `${total} ${total === 1 ? "entry" : "entries"}: ${total - unknown} recognised, ${unknown} unrecognised; ${flags} ${flags === 1 ? "flag" : "flags"}.`;
}

/** One decoded list: summary, entries by section and group, the parse view, flags, claims. */
export function AnalysisView({ analysis, idPrefix, level, compact = false }: ViewProps) {
  const flags = new Map(analysis.flags.map((f) => [f.id, f]));
  return (
    <>
      <p class="analysis-summary">{summaryLine(analysis)}</p>
      {analysis.notice && <p class="notice">{analysis.notice}</p>}
      {entryTables(analysis).map((t) => (
        <EntryTable key={t.caption} {...t} flags={flags} idPrefix={idPrefix} compact={compact} />
      ))}
      <SkippedView analysis={analysis} level={level} />
      <FlagsView analysis={analysis} idPrefix={idPrefix} level={level} />
      <ClaimsView analysis={analysis} level={level} />
    </>
  );
}
