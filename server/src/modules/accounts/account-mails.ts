import type { OutgoingMail } from '../../platform/mail.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(paragraphs: string[], link: { url: string; label: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1b1e; max-width: 560px">
${body}
<p><a href="${escapeHtml(link.url)}" style="display: inline-block; padding: 10px 18px; background: #7b2d43; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(link.label)}</a></p>
<p style="color: #555; font-size: 13px">${escapeHtml(footer)}</p>
</body></html>`;
}

/** The link carries the token in the query string: the page posts it to /auth/password-reset/confirm. */
export function passwordResetMail(to: string, name: string, url: string, locale: 'fr' | 'en'): OutgoingMail {
  if (locale === 'en') {
    const lines = [
      `Hello ${name},`,
      'Someone (hopefully you) asked to reset your Parterre password. This link works once, for one hour:',
    ];
    const footer = 'If you did not ask for it, ignore this message: your password stays the same.';
    return {
      to,
      subject: 'Parterre — reset your password',
      text: `${lines.join('\n\n')}\n\n${url}\n\n${footer}\n`,
      html: layout(lines, { url, label: 'Choose a new password' }, footer),
    };
  }
  const lines = [
    `Bonjour ${name},`,
    'Une réinitialisation de votre mot de passe Parterre a été demandée. Ce lien est utilisable une seule fois, pendant une heure :',
  ];
  const footer =
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.";
  return {
    to,
    subject: 'Parterre — réinitialisation de votre mot de passe',
    text: `${lines.join('\n\n')}\n\n${url}\n\n${footer}\n`,
    html: layout(lines, { url, label: 'Choisir un nouveau mot de passe' }, footer),
  };
}

export function invitationMail(
  to: string,
  name: string,
  invitedBy: string | null,
  url: string,
  locale: 'fr' | 'en',
): OutgoingMail {
  if (locale === 'en') {
    const lines = [
      `Hello ${name},`,
      `${invitedBy ?? 'An administrator'} created your Parterre account. Choose your password with this link (valid for 7 days):`,
    ];
    const footer = 'Your sign-in is this email address.';
    return {
      to,
      subject: 'Parterre — your account is ready',
      text: `${lines.join('\n\n')}\n\n${url}\n\n${footer}\n`,
      html: layout(lines, { url, label: 'Choose my password' }, footer),
    };
  }
  const lines = [
    `Bonjour ${name},`,
    `${invitedBy ?? 'Un administrateur'} vous a créé un compte Parterre. Choisissez votre mot de passe avec ce lien (valable 7 jours) :`,
  ];
  const footer = 'Votre identifiant est cette adresse email.';
  return {
    to,
    subject: 'Parterre — votre compte est prêt',
    text: `${lines.join('\n\n')}\n\n${url}\n\n${footer}\n`,
    html: layout(lines, { url, label: 'Choisir mon mot de passe' }, footer),
  };
}
