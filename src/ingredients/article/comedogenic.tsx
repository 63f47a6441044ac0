import type { Rating } from "../types.js";
import { BASIS_EXPLAINED, BASIS_LABELS, comedogenicLabel } from "./labels.js";
import { CiteLinks } from "./sources.js";

const CELL = 40;

/**
 * The 0-5 scale drawn as six cells, the rated one filled: solid when tested, hatched when
 * estimated, faint when found only in compilations. Colours come from classes (dark mode); the
 * hatch is an SVG pattern, referenced by attribute because the CSP forbids style attributes.
 */
export function ComedogenicMeter(props: { rating: Rating & { value: number } }) {
  const { value, basis } = props.rating;
  const text = `Comedogenic rating ${value} out of 5 (${comedogenicLabel(value)}), ${BASIS_LABELS[basis]}`;
  return (
    <svg class="meter" role="img" aria-label={text} viewBox="0 0 240 46" width="312" height="60">
      <title>{text}</title>
      <defs>
        <pattern
          id="meter-hatch"
          patternUnits="userSpaceOnUse"
          width="6"
          height="6"
          patternTransform="rotate(45)"
        >
          <rect class="meter-hatch-bg" width="6" height="6" />
          <line class="meter-hatch-line" x1="0" y1="0" x2="0" y2="6" stroke-width="3" />
        </pattern>
      </defs>
      {[0, 1, 2, 3, 4, 5].map((n) => {
        const on = n === value;
        return (
          <rect
            key={n}
            class={on ? `meter-cell is-on basis-${basis}` : "meter-cell meter-off"}
            x={n * CELL + 2}
            y="2"
            width={CELL - 6}
            height="24"
            rx="3"
            fill={on && basis === "estimated" ? "url(#meter-hatch)" : undefined}
          />
        );
      })}
      {[0, 1, 2, 3, 4, 5].map((n) => (
        <text
          key={n}
          class={n === value ? "meter-num is-on" : "meter-num"}
          x={n * CELL + 19}
          y="42"
          text-anchor="middle"
        >
          {n}
        </text>
      ))}
    </svg>
  );
}

/**
 * A comedogenic rating with everything that makes it honest: the value and its label, its basis,
 * the reasoning, its sources, any disagreement, and the caveat that the finished formula decides.
 */
export function ComedogenicRating(props: { rating: Rating | null; sourceNumbers: number[] }) {
  const r = props.rating;
  const rated = r !== null && r.value !== null;
  return (
    <div class="rating">
      {rated ? (
        <>
          <p class="rating-value">
            <strong>{r.value} / 5</strong>{" "}
            <span class="rating-label">{comedogenicLabel(r.value as number)}</span>
            <span class={`basis basis-${r.basis}`}>{BASIS_LABELS[r.basis]}</span>
          </p>
          <ComedogenicMeter rating={r as Rating & { value: number }} />
          <p class="basis-explained">
            {BASIS_EXPLAINED[r.basis]}{" "}
            <span class="muted">
              In the picture a solid cell is a tested value, a hatched cell an estimate, a faint cell a value
              from compilations.
            </span>
          </p>
        </>
      ) : (
        <p class="rating-value">
          <strong>Not rated</strong>: no value can be justified from the sources we have. Not rated is not the
          same as 0.
        </p>
      )}
      {r?.rationale && (
        <p>
          <strong>Why:</strong> {r.rationale}
          {props.sourceNumbers.length > 0 && (
            <>
              {" "}
              <CiteLinks numbers={props.sourceNumbers} />
            </>
          )}
        </p>
      )}
      {r?.disagreement && (
        <p>
          <strong>Sources disagree:</strong> {r.disagreement}
        </p>
      )}
      <p class="caveat">
        A rating describes the ingredient as tested or estimated, not a product: how much of it there is, the
        base it sits in and whether the product is rinsed off decide whether a finished formula clogs pores.{" "}
        <a href="/methodology#what-the-comedogenic-scale-can-and-cannot-tell-you">
          How to read comedogenic ratings
        </a>
      </p>
    </div>
  );
}
