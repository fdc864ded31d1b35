import type { ConsentFormPurpose } from '@parterre/contract/consent-forms';
import type { OutgoingMail } from '../../platform/mail.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e;max-width:560px;margin:1.5rem auto;padding:0 1rem}
label{display:block;margin:.75rem 0 .25rem}input[type=email],input[type=text]{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}.purpose{display:flex;gap:.5rem;align-items:flex-start;margin:.75rem 0}
.purpose label{margin:0}.wording{display:block;color:#444;font-size:.9em}
button{padding:10px 18px;background:#7b2d43;color:#fff;border:0;border-radius:6px;font:inherit;cursor:pointer}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}`;

/** A whole French page: no script, no external resource. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

export function messagePage(title: string, paragraphs: string[]): string {
  return page(title, paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'));
}

/**
 * The embeddable form. The honeypot field sits off-screen, out of the tab order and hidden from
 * screen readers: only robots fill it.
 */
export function formPage(form: { name: string; action: string; purposes: ConsentFormPurpose[] }): string {
  const purposes = form.purposes
    .map(
      (
        p,
        index,
      ) => `<div class="purpose"><input type="checkbox" id="purpose-${index}" name="purposeIds" value="${escapeHtml(p.id)}">
<label for="purpose-${index}"><strong>${escapeHtml(p.name.fr)}</strong><span class="wording">${escapeHtml(p.wording.fr)}</span></label></div>`,
    )
    .join('\n');
  return page(
    form.name,
    `<form method="post" action="${escapeHtml(form.action)}" accept-charset="utf-8">
<label for="email">Adresse e-mail (obligatoire)</label>
<input type="email" id="email" name="email" required autocomplete="email" maxlength="320">
<label for="firstName">Prénom</label>
<input type="text" id="firstName" name="firstName" autocomplete="given-name" maxlength="200">
<label for="lastName">Nom</label>
<input type="text" id="lastName" name="lastName" autocomplete="family-name" maxlength="200">
<fieldset><legend>Je souhaite recevoir</legend>
${purposes}
</fieldset>
<div class="hp" aria-hidden="true"><label for="website">Ne pas remplir ce champ</label>
<input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<p>Vous recevrez un email pour confirmer votre inscription. Vous pourrez vous désinscrire à tout moment.</p>
<button type="submit">M’inscrire</button>
</form>`,
  );
}

/** GET shows this button only: mail scanners that prefetch the link change nothing. */
export function confirmPage(action: string, purposes: string[]): string {
  const list = purposes.map((name) => `<li>${escapeHtml(name)}</li>`).join('');
  return page(
    'Confirmer votre inscription',
    `<p>Vous avez demandé à recevoir :</p><ul>${list}</ul>
<form method="post" action="${escapeHtml(action)}"><button type="submit">Je confirme mon inscription</button></form>`,
  );
}

export function confirmationMail(
  to: string,
  formName: string,
  purposes: string[],
  url: string,
): OutgoingMail {
  const lines = [
    'Bonjour,',
    `Vous vous êtes inscrit(e) via le formulaire « ${formName} » pour recevoir : ${purposes.join(', ')}.`,
    'Pour confirmer, ouvrez ce lien (valable 7 jours) et cliquez sur « Je confirme mon inscription » :',
  ];
  const footer =
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera enregistré.';
  const html = `<!doctype html>
<html lang="fr"><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1b1e; max-width: 560px">
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><a href="${escapeHtml(url)}" style="display: inline-block; padding: 10px 18px; background: #7b2d43; color: #fff; border-radius: 6px; text-decoration: none">Confirmer mon inscription</a></p>
<p style="color: #555; font-size: 13px">${escapeHtml(footer)}</p>
</body></html>`;
  return {
    to,
    subject: `Confirmez votre inscription — ${formName}`,
    text: `${lines.join('\n\n')}\n\n${url}\n\n${footer}\n`,
    html,
  };
}
