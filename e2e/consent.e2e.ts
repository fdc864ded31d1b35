import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DESKTOP, launchBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, repoRoot, startServer } from './support/server.ts';

const admin = {
  name: 'Claire Administratrice',
  email: 'claire@theatre-exemple.fr',
  password: 'mot-de-passe-solide-2026',
};
const agent = {
  name: 'Marc Billetterie',
  email: 'marc@theatre-exemple.fr',
  password: 'agent-password-solide-2026',
};
const host = {
  name: 'Inès Accueil',
  email: 'ines@theatre-exemple.fr',
  password: 'accueil-password-solide-2026',
};
const firstWording = 'J’accepte d’être invité·e aux avant-premières par e-mail.';
const secondWording =
  'J’accepte d’être invité·e aux avant-premières et aux répétitions publiques, par e-mail ou SMS. Je peux retirer mon accord à tout moment.';

const websiteBrowser =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** Closes the toasts, so that screenshots show what lies under them. */
async function dismissNotifications(page: Page) {
  const close = page.getByRole('alert').getByRole('button', { name: 'Fermer' });
  for (let left = await close.count(); left > 0; left = await close.count()) {
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  }
}

/** A drawer or a modal covers the viewport only: the guide shows that, not the whole page behind. */
async function viewportScreenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(repoRoot, 'docs/guide/images', `${name}.png`) });
}

function serious(violations: { impact: string }[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Picks an option of a Mantine select found by its label (a required one ends with « * »). */
async function choose(page: Page, label: string, option: string) {
  await page
    .getByRole('dialog')
    .getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) })
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('purposes and the consent ledger in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let request: APIRequestContext;
  let csrf: Record<string, string>;
  let personId: string;
  let purposeId: string;

  const get = async (path: string, via: APIRequestContext = request) => {
    const response = await via.get(`${server.url}/api/v1${path}`);
    expect(response.status(), path).toBe(200);
    return response.json();
  };
  const post = async (path: string, data: unknown) => {
    const response = await request.post(`${server.url}/api/v1${path}`, { data, headers: csrf });
    expect(response.status(), path).toBe(201);
    return response.json();
  };
  const checkAccessible = async (target: Page = page) => {
    await target.evaluate(() => window.scrollTo(0, 0));
    expect(serious(await accessibilityViolations(target))).toEqual([]);
  };
  /** A second browser session signed in as someone else, on a device set to `timezoneId`. */
  const signedIn = async (who: { email: string; password: string }, timezoneId = 'Europe/Paris') => {
    const other = await browser.newContext({
      viewport: DESKTOP,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      timezoneId,
    });
    const login = await other.request.post(`${server.url}/api/v1/auth/login`, {
      data: { email: who.email, password: who.password },
    });
    expect(login.status()).toBe(200);
    return other;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: DESKTOP,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    request = context.request;
    // Setting up through the API signs the context in (the session cookie is shared with pages).
    const setup = await request.post(`${server.url}/api/v1/setup`, { data: admin });
    expect(setup.status()).toBe(201);
    csrf = { 'x-csrf-token': (await get('/auth/me')).csrfToken };
    personId = (
      await post('/contacts', {
        civility: 'Mme',
        firstName: 'Camille',
        lastName: 'Rousseau',
        emails: [{ address: 'camille.rousseau@example.org' }],
      })
    ).id;
    const roles = (await get('/roles')).data as { id: string; code: string }[];
    const agentRole = roles.find((r) => r.code === 'agent');
    expect(agentRole).toBeDefined();
    await post('/users', { ...agent, roleIds: [agentRole?.id], departmentIds: [] });
    // The welcome desk sees people but not their consents.
    const welcome = await post('/roles', {
      code: 'accueil',
      name: 'Accueil',
      permissions: ['contacts.read'],
    });
    await post('/users', { ...host, roleIds: [welcome.id], departmentIds: [] });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a purpose from « Protection des données », with readable errors first', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Finalités et consentements' }).first().click();
    await page.getByRole('heading', { name: 'Finalités et consentements', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/privacy/purposes`);
    // The sector's usual purposes are there from the start, in French words.
    await page
      .getByRole('row', { name: /Lettre d’information/ })
      .getByRole('cell', { name: 'Consentement', exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Nouvelle finalité' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'E-mail' }).uncheck();
    await dialog.getByRole('button', { name: 'Créer' }).click();
    // Nothing is sent: the contract's schema puts a French message under each empty input.
    const name = dialog.getByLabel(/^Nom( \*)?$/);
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByText('Ce champ est obligatoire').count()).toBeGreaterThanOrEqual(4);
    // The keyboard lands on the first field to correct.
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkAccessible();
    await viewportScreenshot(page, 'consent-purpose-errors-desktop');

    await name.fill('Avant-premières');
    // The code is proposed from the name.
    expect(await dialog.getByLabel(/^Code/).inputValue()).toBe('avant-premieres');
    await dialog.getByRole('checkbox', { name: 'E-mail' }).check();
    await dialog.getByRole('checkbox', { name: 'SMS' }).check();
    await dialog.getByLabel(/^Durée de conservation/).fill('3 ans après le dernier contact actif');
    await dialog.getByLabel('Durée en mois').fill('36');
    await dialog.getByLabel(/^Texte en français/).fill(firstWording);
    // A code already in use is refused by the server, in French, and nothing is created.
    await dialog.getByLabel(/^Code/).fill('mecenat');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.getByText('Une finalité porte déjà le code « mecenat ».').first().waitFor();
    expect((await get('/purposes')).data).toHaveLength(4);
    await dialog.getByLabel(/^Code/).fill('avant-premieres');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Avant-premières/ });
    await row.getByRole('cell', { name: 'Version 1', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'E-mail, SMS', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Consentement', exact: true }).waitFor();

    const list = await get('/purposes');
    const created = list.data.find((p: { code: string }) => p.code === 'avant-premieres');
    expect(created).toMatchObject({
      legalBasis: 'consent',
      channels: ['email', 'sms'],
      retention: { text: '3 ans après le dernier contact actif', months: 36 },
      currentWording: { version: 1, text: { fr: firstWording, en: null } },
    });
    purposeId = created.id;
  });

  it('changes its wording: version 2 appears in the history, version 1 is kept', async () => {
    await page.getByRole('button', { name: 'Modifier Avant-premières' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Texte en français/).fill(secondWording);
    await dialog.getByText('Le texte a changé : l’enregistrement créera la version 2.').waitFor();
    // Meanwhile a colleague adds the English name: saving must not overwrite it.
    const before = await get(`/purposes/${purposeId}`);
    const colleague = await request.patch(`${server.url}/api/v1/purposes/${purposeId}`, {
      data: { name: { fr: 'Avant-premières', en: 'Previews' } },
      headers: { ...csrf, 'if-match': `"${before.version}"` },
    });
    expect(colleague.status()).toBe(200);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText(/Ces données ont été modifiées entre-temps/).waitFor();
    // Their version is loaded in the form; the wording typed here is to be typed again.
    expect(await dialog.getByLabel('Nom en anglais').inputValue()).toBe('Previews');
    expect(await dialog.getByLabel(/^Texte en français/).inputValue()).toBe(firstWording);
    expect((await get(`/purposes/${purposeId}`)).currentWording.version).toBe(1);
    await dialog.getByLabel(/^Texte en français/).fill(secondWording);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Finalité modifiée : le texte est passé en version 2.').waitFor();
    await page
      .getByRole('row', { name: /Avant-premières/ })
      .getByRole('cell', { name: 'Version 2', exact: true })
      .waitFor();
    await dismissNotifications(page);
    await checkAccessible();
    await screenshot(page, 'consent-purposes-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Finalités et consentements', level: 1 }).waitFor();
    await checkAccessible();
    await screenshot(page, 'consent-purposes-phone');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Historique du texte de Avant-premières' }).click();
    const versions = page.getByRole('list', { name: 'Versions du texte' });
    const items = versions.getByRole('listitem');
    await items.nth(1).waitFor();
    expect(await items.count()).toBe(2);
    await items.nth(0).getByText('Version 2', { exact: true }).waitFor();
    await items.nth(0).getByText('En vigueur').waitFor();
    await items.nth(0).getByText(secondWording).waitFor();
    await items
      .nth(0)
      .getByText(/par Claire Administratrice/)
      .waitFor();
    await items.nth(1).getByText('Version 1', { exact: true }).waitFor();
    await items.nth(1).getByText(firstWording).waitFor();
    await items
      .nth(1)
      .getByText(/^Écrite le \d{1,2} .+ \d{4}/)
      .waitFor();
    await checkAccessible();
    await viewportScreenshot(page, 'consent-wording-history-desktop');
    await page.keyboard.press('Escape');
    await versions.waitFor({ state: 'detached' });

    const detail = await get(`/purposes/${purposeId}`);
    expect(detail.name).toEqual({ fr: 'Avant-premières', en: 'Previews' });
    expect(
      detail.wordings.map((w: { version: number; text: { fr: string } }) => [w.version, w.text.fr]),
    ).toEqual([
      [2, secondWording],
      [1, firstWording],
    ]);
  });

  it('archives a purpose the venue does not use: kept in the list on demand, offered nowhere', async () => {
    await page.getByRole('button', { name: 'Archiver Enquêtes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archiver cette finalité ?' });
    await dialog.getByText(/n’acceptera plus de nouveau consentement/).waitFor();
    await dialog.getByRole('button', { name: 'Archiver' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Enquêtes/ });
    await row.getByText('Archivée', { exact: true }).waitFor();
    await page.getByRole('switch', { name: 'Afficher les finalités archivées' }).uncheck();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Avant-premières/ }).waitFor();
    const active = (await get('/purposes')).data.map((p: { code: string }) => p.code);
    expect(active).not.toContain('enquetes');
    expect(active).toContain('avant-premieres');
  });

  it('lets a box-office agent record a consent at the counter, then its withdrawal', async () => {
    // She had subscribed to the newsletter on the website two days earlier (an online proof), and a
    // subscribers' file imported last year said she wanted the programme by post.
    const purposes = (await get('/purposes')).data as { id: string; code: string }[];
    const codeId = (code: string) => purposes.find((p) => p.code === code)?.id;
    await post(`/contacts/${personId}/consents`, [
      {
        purposeId: codeId('lettre-information'),
        channel: 'email',
        status: 'granted',
        occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        proof: {
          source: 'form',
          detail: 'Formulaire d’inscription du site',
          ip: '203.0.113.24',
          userAgent: websiteBrowser,
        },
      },
      {
        purposeId: codeId('programmation'),
        channel: 'post',
        status: 'granted',
        occurredAt: '2025-10-03T10:00:00.000Z',
        proof: { source: 'import', fileName: 'abonnes-2025.csv', fileRow: 12 },
      },
    ]);
    const agentContext = await signedIn(agent);
    const desk = await agentContext.newPage();
    // No administration for an agent, but the consents of the people they serve.
    await desk.goto(`${server.url}/contacts/${personId}`);
    await desk.getByRole('heading', { name: 'Mme Camille Rousseau' }).waitFor();
    expect(await desk.getByRole('link', { name: 'Finalités et consentements' }).count()).toBe(0);
    const section = desk.getByRole('region', { name: 'Consentements' });
    const channels = section.getByRole('list', { name: 'Consentements pour Avant-premières' });
    await channels.waitFor();
    // The archived purpose, for which she never had a status, is not shown.
    expect(await section.getByRole('list', { name: 'Consentements pour Enquêtes' }).count()).toBe(0);
    const email = channels.getByRole('listitem').filter({ hasText: 'E-mail' });
    await email.getByText('Inconnu').waitFor();
    await email.getByText('Jamais demandé').waitFor();

    await section.getByRole('button', { name: 'Enregistrer un consentement' }).click();
    let dialog = desk.getByRole('dialog', { name: 'Enregistrer un consentement' });
    await desk
      .getByRole('dialog')
      .getByRole('combobox', { name: /^Finalité/ })
      .click();
    await desk.getByRole('option', { name: 'Avant-premières', exact: true }).waitFor();
    expect(await desk.getByRole('option', { name: 'Enquêtes' }).count()).toBe(0);
    await desk.getByRole('option', { name: 'Avant-premières', exact: true }).click();
    await choose(desk, 'Canal', 'E-mail');
    await dialog.getByRole('radio', { name: 'Accepte' }).check();
    // The current wording is proposed, and shown, as what the person was read.
    expect(await dialog.getByRole('combobox', { name: /^Texte présenté à la personne/ }).inputValue()).toBe(
      'Version 2 (en vigueur)',
    );
    await dialog.getByText(secondWording).waitFor();
    await dialog.getByLabel('Note').fill('Demandé au guichet, soirée du Misanthrope');
    await checkAccessible(desk);
    await viewportScreenshot(desk, 'consent-record-desktop');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await email.getByText('Accordé').waitFor();
    await email.getByText(/^depuis le .+ · Au guichet$/).waitFor();

    // The withdrawal is recorded with the keyboard only.
    await section.getByRole('button', { name: 'Enregistrer un consentement' }).focus();
    await desk.keyboard.press('Enter');
    dialog = desk.getByRole('dialog', { name: 'Enregistrer un consentement' });
    const purposeInput = dialog.getByRole('combobox', { name: /^Finalité/ });
    await expect.poll(() => purposeInput.evaluate((el) => el === document.activeElement)).toBe(true);
    await desk.keyboard.press('ArrowDown');
    await desk.getByRole('option', { name: 'Avant-premières' }).waitFor();
    await desk.keyboard.press('Enter');
    expect(await purposeInput.inputValue()).toBe('Avant-premières');
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('ArrowDown');
    await desk.getByRole('option', { name: 'E-mail' }).waitFor();
    await desk.keyboard.press('Enter');
    expect(await dialog.getByRole('combobox', { name: /^Canal/ }).inputValue()).toBe('E-mail');
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'Refuse ou retire son accord' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Enregistrer' }).focus();
    await desk.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await email.getByText('Retiré').waitFor();
    await dismissNotifications(desk);
    await checkAccessible(desk);
    await screenshot(desk, 'consent-person-desktop');

    await section.getByRole('button', { name: 'Historique et preuves' }).click();
    const history = desk.getByRole('list', {
      name: 'Événements de consentement, du plus récent au plus ancien',
    });
    const withdrawal = history.getByRole('listitem', { name: 'Avant-premières · E-mail : Retiré' });
    const grant = history.getByRole('listitem', { name: 'Avant-premières · E-mail : Accordé' });
    await withdrawal.waitFor();
    await grant.waitFor();
    expect(await history.getByRole('listitem').count()).toBe(4);
    for (const event of [withdrawal, grant]) {
      await event.getByText('Au guichet', { exact: true }).waitFor();
      await event.getByText('Marc Billetterie', { exact: true }).waitFor();
      await event.getByText('Version 2', { exact: true }).waitFor();
      await event.getByText(secondWording).waitFor();
    }
    await grant.getByText('Demandé au guichet, soirée du Misanthrope').waitFor();
    // The online subscription keeps the address and browser it came from, and the wording then in force.
    const online = history.getByRole('listitem', { name: 'Lettre d’information · E-mail : Accordé' });
    await online.getByText('Formulaire en ligne', { exact: true }).waitFor();
    await online.getByText('Formulaire d’inscription du site').waitFor();
    await online.getByText('203.0.113.24').waitFor();
    await online.getByText(websiteBrowser).waitFor();
    await online.getByText('Version 1', { exact: true }).waitFor();
    await online.getByText(/^J’accepte de recevoir la lettre d’information/).waitFor();
    await online.getByText(admin.name, { exact: true }).waitFor();
    const imported = history.getByRole('listitem', { name: 'Programmation · Courrier : Accordé' });
    await imported.getByText('Import de fichier', { exact: true }).waitFor();
    await imported.getByText('abonnes-2025.csv, ligne 12').waitFor();
    // 10:00 UTC is noon in Paris (summer time).
    await imported.getByText('3 oct. 2025, 12:00').waitFor();
    await checkAccessible(desk);
    await viewportScreenshot(desk, 'consent-history-desktop');
    await desk.setViewportSize(PHONE);
    await withdrawal.waitFor();
    await checkAccessible(desk);
    await viewportScreenshot(desk, 'consent-history-phone');
    await desk.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });
    await checkAccessible(desk);
    await screenshot(desk, 'consent-person-phone');
    // The record's history has a filter of its own for consent events.
    const recordHistory = desk.getByRole('region', { name: 'Historique' });
    await recordHistory.getByText('Fiche créée').waitFor();
    await recordHistory.getByText('Consentements', { exact: true }).click();
    await recordHistory.getByText('Consentement retiré : Avant-premières (e-mail)').waitFor();
    await recordHistory.getByText('Fiche créée').waitFor({ state: 'detached' });

    const consents = await get(`/contacts/${personId}/consents`, agentContext.request);
    expect(consents.states).toHaveLength(3);
    expect(consents.states).toContainEqual(
      expect.objectContaining({ purposeId, channel: 'email', status: 'withdrawn' }),
    );
    expect(consents.history.slice(0, 2)).toMatchObject([
      {
        status: 'withdrawn',
        wordingVersion: 2,
        proof: { source: 'counter', recordedBy: { kind: 'user', label: agent.name } },
      },
      {
        status: 'granted',
        wordingVersion: 2,
        proof: {
          source: 'counter',
          detail: 'Demandé au guichet, soirée du Misanthrope',
          recordedBy: { kind: 'user', label: agent.name },
        },
      },
    ]);
    await agentContext.close();
  });

  it('reads proof times in Paris time on a device set to another time zone', async () => {
    const abroad = await signedIn(agent, 'America/Montreal');
    const desk = await abroad.newPage();
    await desk.goto(`${server.url}/contacts/${personId}`);
    await desk
      .getByRole('region', { name: 'Consentements' })
      .getByRole('button', { name: 'Historique et preuves' })
      .click();
    const imported = desk.getByRole('listitem', { name: 'Programmation · Courrier : Accordé' });
    // 10:00 UTC: noon in Paris, 6 a.m. in Montréal.
    await imported.getByText('3 oct. 2025, 12:00').waitFor();
    // …while the device itself reads that instant as 6 a.m.
    expect(await desk.evaluate(() => new Date('2025-10-03T10:00:00.000Z').getHours())).toBe(6);
    await abroad.close();
  });

  it('shows no consents to a role without the permission to read them', async () => {
    const welcomeContext = await signedIn(host);
    const desk = await welcomeContext.newPage();
    await desk.goto(`${server.url}/contacts/${personId}`);
    await desk.getByRole('heading', { name: 'Mme Camille Rousseau' }).waitFor();
    await desk.getByRole('region', { name: 'Coordonnées' }).waitFor();
    expect(await desk.getByRole('region', { name: 'Consentements' }).count()).toBe(0);
    const refused = await welcomeContext.request.get(`${server.url}/api/v1/contacts/${personId}/consents`);
    expect(refused.status()).toBe(403);
    await welcomeContext.close();
  });
});
