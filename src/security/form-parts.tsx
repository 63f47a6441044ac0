import { HONEYPOT_FIELD } from "./guards.js";

/**
 * The parts every reader form shares. The page holding them is cached and shared, so the CSRF
 * field starts empty and the spam check starts as a note: public/js/30-forms.js fills the token in
 * and puts the ALTCHA widget in the slot when a reader first focuses or sends the form.
 */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value="" />;
}

/** Hidden by CSS (not by an attribute bots read); the label says what to do if it ever shows. */
export function Honeypot(props: { id: string }) {
  return (
    <div class="hp">
      <label for={props.id}>Leave this field empty</label>
      <input id={props.id} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
    </div>
  );
}

export function AltchaSlot() {
  return (
    <div class="altcha-slot" data-altcha-slot="">
      <p class="needs-js">
        This form has an automatic spam check that needs JavaScript: please turn JavaScript on to send it.
        Everything else on this site works without it.
      </p>
    </div>
  );
}
