import type { AnalysisJson, EntryJson } from "../analyzer/presenter.js";
import type { Level } from "./analysis-view.js";
import { concernsOf, SKIP_REASONS } from "./vocabulary.js";

/*
 * What an analysis found beyond its entries: the parse view (text left out and why), the flags
 * (rule id, reasons naming their ingredients, source) and the claim check. public/js/40-decoder.js
 * builds the same markup from the JSON API for instant analysis: change both together.
 */

type Flag = AnalysisJson["flags"][number];

function IngredientLink({ entry }: { entry: EntryJson }) {
  return <a href={`/ingredients/${entry.slug}`}>{entry.name}</a>;
}

/** A flag reason starts with the ingredient's name: link that name, keep the rest as text. */
export function Reason({ entry, reason }: { entry: EntryJson | undefined; reason: string }) {
  if (!entry?.slug || !entry.name) return <>{reason}</>;
  if (reason.startsWith(`${entry.name}:`)) {
    return (
      <>
        <IngredientLink entry={entry} />
        {reason.slice(entry.name.length)}
      </>
    );
  }
  return (
    <>
      <IngredientLink entry={entry} />: {reason}
    </>
  );
}

function Heading({ level, id, children }: { level: Level; id?: string; children: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

/** The parse view: what the decoder left out of the list, and why. */
export function SkippedView({ analysis, level }: { analysis: AnalysisJson; level: Level }) {
  if (analysis.skipped.length === 0) return null;
  return (
    <section class="skipped">
      <Heading level={level}>Left out of the list</Heading>
      <ul>
        {analysis.skipped.map((s, i) => (
          <li key={i}>
            <q>{s.text}</q>: {SKIP_REASONS[s.why] ?? s.why}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FlagItem({
  flag,
  byPosition,
  idPrefix,
  level,
}: {
  flag: Flag;
  byPosition: Map<number, EntryJson>;
  idPrefix: string;
  level: Level;
}) {
  const concerns = concernsOf(flag.id);
  return (
    <li
      class={`flag sev-${flag.severity}`}
      id={`${idPrefix}flag-${flag.id}`}
      data-rule={flag.id}
      data-concerns={concerns || undefined}
    >
      {level === 2 ? <h3>{flag.title}</h3> : <h4>{flag.title}</h4>}
      <p class="flag-meta">
        Rule <code>{flag.id}</code>, {flag.severity}
      </p>
      <ul>
        {flag.positions.map((position, i) => (
          <li key={position}>
            <Reason entry={byPosition.get(position)} reason={flag.reasons[i] ?? ""} />
          </li>
        ))}
      </ul>
      <p class="flag-source">Source: {flag.source}</p>
    </li>
  );
}

export function FlagsView({
  analysis,
  idPrefix,
  level,
}: {
  analysis: AnalysisJson;
  idPrefix: string;
  level: Level;
}) {
  const byPosition = new Map(analysis.entries.map((e) => [e.position, e]));
  return (
    <section class="flags">
      <Heading level={level}>Flags</Heading>
      {analysis.flags.length === 0 ? (
        <p>No rule fired on this list.</p>
      ) : (
        <ol class="flag-list">
          {analysis.flags.map((flag) => (
            <FlagItem key={flag.id} flag={flag} byPosition={byPosition} idPrefix={idPrefix} level={level} />
          ))}
        </ol>
      )}
    </section>
  );
}

function claimVerdict(claim: AnalysisJson["claims"][number]): string {
  if (!claim.holds) return "does not hold, because:";
  return (claim.unverified?.positions.length ?? 0) > 0 ? "holds for the ingredients we recognised" : "holds";
}

export function ClaimsView({ analysis, level }: { analysis: AnalysisJson; level: Level }) {
  if (analysis.claims.length === 0) return null;
  const byPosition = new Map(analysis.entries.map((e) => [e.position, e]));
  const reasons = (positions: number[], texts: string[]) => (
    <ul>
      {positions.map((p, i) => (
        <li key={p}>
          <Reason entry={byPosition.get(p)} reason={texts[i] ?? ""} />
        </li>
      ))}
    </ul>
  );
  return (
    <section class="claims">
      <Heading level={level}>Claim check</Heading>
      <ul class="claim-list">
        {analysis.claims.map((c) => (
          <li key={c.claim} class={c.holds ? "claim holds" : "claim fails"}>
            <strong>“{c.claim}”</strong>: {claimVerdict(c)}
            {!c.holds && reasons(c.positions, c.reasons)}
            {c.unverified && c.unverified.positions.length > 0 && (
              <>
                <p>Could not be checked:</p>
                {reasons(c.unverified.positions, c.unverified.reasons)}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
