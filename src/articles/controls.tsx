import type { ComponentChildren } from "preact";

/**
 * Labelled form controls of the article editor. Each control's id is derived from its field name
 * ("summary" -> "fact-summary"; sections keep theirs, "section-what-is-it"), and its error, when
 * there is one, is tied to it with aria-describedby.
 */

export type Errors = ReadonlyMap<string, readonly string[]>;

export function fieldId(name: string): string {
  if (name.startsWith("section-")) return name;
  return `fact-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function described(name: string, errors: Errors, hint?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : "", errors.has(name) ? `${fieldId(name)}-error` : ""];
  const by = ids.filter(Boolean).join(" ");
  return {
    "aria-describedby": by || undefined,
    "aria-invalid": errors.has(name) ? ("true" as const) : undefined,
  };
}

export function FieldError(props: { name: string; errors: Errors }) {
  const messages = props.errors.get(props.name);
  if (!messages) return null;
  return (
    <p class="field-error" id={`${fieldId(props.name)}-error`}>
      {messages.join(" ")}
    </p>
  );
}

function Hint(props: { name: string; hint?: string }) {
  return props.hint ? (
    <p class="field-hint" id={`${fieldId(props.name)}-hint`}>
      {props.hint}
    </p>
  ) : null;
}

interface ControlProps {
  name: string;
  label: string;
  value: string;
  errors: Errors;
  hint?: string;
}

export function TextInput(props: ControlProps & { type?: "text" | "date"; maxLength?: number }) {
  const { name, errors } = props;
  return (
    <div class="field">
      <label for={fieldId(name)}>{props.label}</label>
      <Hint name={name} hint={props.hint} />
      <input
        id={fieldId(name)}
        name={name}
        type={(props.type ?? "text") as "text"}
        value={props.value}
        maxLength={props.maxLength ?? 300}
        {...described(name, errors, props.hint)}
      />
      <FieldError name={name} errors={errors} />
    </div>
  );
}

export function TextArea(
  props: ControlProps & { rows?: number; maxLength?: number; children?: ComponentChildren },
) {
  const { name, errors } = props;
  return (
    <div class="field">
      <label for={fieldId(name)}>{props.label}</label>
      <Hint name={name} hint={props.hint} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={props.rows ?? 3}
        maxLength={props.maxLength ?? 2000}
        {...described(name, errors, props.hint)}
      >
        {props.value}
      </textarea>
      <FieldError name={name} errors={errors} />
      {props.children}
    </div>
  );
}

export type Options = ReadonlyArray<readonly [value: string, label: string]>;

export function Select(props: ControlProps & { options: Options }) {
  const { name, errors } = props;
  return (
    <div class="field">
      <label for={fieldId(name)}>{props.label}</label>
      <Hint name={name} hint={props.hint} />
      <select id={fieldId(name)} name={name} {...described(name, errors, props.hint)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
      <FieldError name={name} errors={errors} />
    </div>
  );
}

export function Group(props: { legend: string; children: ComponentChildren; id?: string }) {
  return (
    <fieldset class="editor-group" id={props.id}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
