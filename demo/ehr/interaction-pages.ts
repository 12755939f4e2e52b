// The demo EHR's sign-in and consent pages: plain server-rendered forms, one
// labelled control per question, buttons that say what they do. Element ids
// are stable: browser tests drive them (`#user`, `#patient`, the buttons'
// text).

export interface Choice {
  id: string;
  name: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Demo EHR</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
label { display: block; font-weight: 600; margin-top: 1rem; }
select, button { font: inherit; margin-top: 0.5rem; }
.actions { display: flex; gap: 0.5rem; margin-top: 1.5rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;

const optionList = (choices: Choice[]) =>
  choices
    .map((c) => `<option value="${escapeHtml(c.id)}">${escapeHtml(c.name)}</option>`)
    .join('\n');

export function loginPage(input: { uid: string; clientName: string; users: Choice[] }): string {
  const { uid, clientName, users } = input;
  return page(
    'Sign in',
    `<p>${escapeHtml(clientName)} asks you to sign in to the demo EHR.</p>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
<label for="user">Sign in as</label>
<select id="user" name="user" required>
${optionList(users)}
</select>
<div class="actions"><button type="submit" id="sign-in">Sign in</button></div>
</form>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/abort"><button type="submit" id="cancel">Cancel</button></form>`,
  );
}

export function consentPage(input: {
  uid: string;
  clientName: string;
  userName: string;
  scopes: string[];
  /** Patients to pick from, for a standalone launch that asks for one. */
  patients?: Choice[];
}): string {
  const { uid, clientName, userName, scopes, patients } = input;
  const picker = patients
    ? `<label for="patient">Patient</label>
<select id="patient" name="patient" required>
${optionList(patients)}
</select>`
    : '';
  return page(
    'Allow access',
    `<p>Signed in as ${escapeHtml(userName)}.</p>
<p>${escapeHtml(clientName)} asks for:</p>
<ul>
${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('\n')}
</ul>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/consent">
${picker}
<div class="actions"><button type="submit" id="allow">Allow</button></div>
</form>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/abort"><button type="submit" id="deny">Deny</button></form>`,
  );
}

export function errorPage(message: string): string {
  return page('Something went wrong', `<p role="alert">${escapeHtml(message)}</p>`);
}
