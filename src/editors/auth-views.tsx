import type { Site } from "../web/layout.js";
import { PASSWORD_MAX, PASSWORD_MIN } from "./secrets.js";
import { CsrfInput, Notice, renderPublicAdminPage } from "./views.js";

/** The two pages an editor sees before signing in. */

function SignInForm(props: { csrf: string; next: string; email?: string; error?: string }) {
  return (
    <>
      <h1>Editor sign-in</h1>
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <form method="post" action="/admin/sign-in" class="admin-form">
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label for="si-email">E-mail address</label>
        <input
          id="si-email"
          name="email"
          type="email"
          required
          maxLength={254}
          autocomplete="username"
          value={props.email ?? ""}
        />
        <label for="si-password">Password</label>
        <input
          id="si-password"
          name="password"
          type="password"
          required
          maxLength={PASSWORD_MAX}
          autocomplete="current-password"
        />
        <button type="submit">Sign in</button>
      </form>
      <p class="admin-hint">No password yet, or forgot it? Ask an admin for a set-password link.</p>
    </>
  );
}

function SetPasswordForm(props: { csrf: string; token: string; email: string; error?: string }) {
  return (
    <>
      <h1>Set your password</h1>
      <p>For the editor account {props.email}.</p>
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <form method="post" action="/admin/set-password" class="admin-form">
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <input type="text" value={props.email} autocomplete="username" hidden readOnly />
        <label for="sp-password">New password ({PASSWORD_MIN} characters or more)</label>
        <input
          id="sp-password"
          name="password"
          type="password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          autocomplete="new-password"
        />
        <label for="sp-confirm">The same password again</label>
        <input
          id="sp-confirm"
          name="confirm"
          type="password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          autocomplete="new-password"
        />
        <button type="submit">Set password and sign in</button>
      </form>
    </>
  );
}

export function renderSignIn(
  site: Site,
  props: { csrf: string; next: string; email?: string; error?: string },
): string {
  return renderPublicAdminPage(site, "Editor sign-in", <SignInForm {...props} />);
}

export function renderSetPassword(
  site: Site,
  props: { csrf: string; token: string; email: string; error?: string },
): string {
  return renderPublicAdminPage(site, "Set your password", <SetPasswordForm {...props} />);
}
