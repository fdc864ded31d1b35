import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DESKTOP, launchBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const admin = {
  name: 'Claire Administratrice',
  email: 'claire@theatre-exemple.fr',
  password: 'mot-de-passe-solide-2026',
};
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const plain = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

type Buyer = { firstName: string; lastName: string; postalCode: string; city: string };

/** One theatre ticket bought on the web a month ago (no holder: the buyer attends). */
function orderOf(n: number, buyer: Buyer) {
  return {
    externalId: `CMD-${n}`,
    orderedAt: daysAgo(40),
    channel: 'web',
    buyer: {
      externalId: `CLI-${n}`,
      firstName: buyer.firstName,
      lastName: buyer.lastName,
      email: `${plain(buyer.firstName)}.${plain(buyer.lastName)}@example.org`,
      address: { line1: `${n} rue de la Scène`, postalCode: buyer.postalCode, city: buyer.city },
    },
    lines: [
      {
        externalId: `CMD-${n}-1`,
        performance: {
          externalId: 'ONDINE-1',
          startsAt: daysAgo(30),
          production: { externalId: 'ONDINE', title: 'Ondine', genre: 'Théâtre' },
          venue: { name: 'Grande salle' },
        },
        priceCategory: 'Plein tarif',
        amount: 28,
      },
    ],
  };
}

/** Two Parisian buyers, one in Nantes; two Parisians and a Lyonnais who never bought. */
const buyers: Buyer[] = [
  { firstName: 'Camille', lastName: 'Rousseau', postalCode: '75011', city: 'Paris' },
  { firstName: 'Hugo', lastName: 'Lefèvre', postalCode: '75018', city: 'Paris' },
  { firstName: 'Inès', lastName: 'Garnier', postalCode: '44000', city: 'Nantes' },
];
const others = [
  { firstName: 'Jeanne', lastName: 'Martin', addresses: [{ postalCode: '75005', city: 'Paris' }] },
  { firstName: 'Manon', lastName: 'Durand', addresses: [{ postalCode: '75020', city: 'Paris' }] },
  { firstName: 'Lucas', lastName: 'Petit', addresses: [{ postalCode: '69003', city: 'Lyon' }] },
];

function serious(violations: { impact: string }[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('segments and lists in the back office', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let bearer: Record<string, string>;
  let segmentUrl: string;

  const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...bearer, ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };

  const liveCount = () => page.getByTestId('live-count');
  const checkAccessible = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(serious(await accessibilityViolations(page))).toEqual([]);
  };

  /** At phone width, once the navigation has folded away: nothing wider than the screen. */
  const phoneScreenshot = async (name: string) => {
    await page.setViewportSize(PHONE);
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    await checkAccessible();
    await screenshot(page, name);
    await page.setViewportSize(DESKTOP);
  };

  /** Picks a criterion in the n-th rule (0-based) by typing in its searchable select. */
  const chooseField = async (n: number, label: string) => {
    const select = page.getByRole('combobox', { name: 'Critère' }).nth(n);
    await select.click();
    await select.fill(label);
    await page.getByRole('option', { name: label, exact: true }).click();
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
    // Setting up through the API signs the context in; the seed data goes through an API token.
    const setup = await context.request.post(`${server.url}/api/v1/setup`, { data: admin });
    expect(setup.status()).toBe(201);
    const { csrfToken } = await (await context.request.get(`${server.url}/api/v1/auth/me`)).json();
    const token = await context.request.post(`${server.url}/api/v1/tokens`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { name: 'Données de test', scopes: ['*'] },
    });
    expect(token.status()).toBe(201);
    bearer = { authorization: `Bearer ${(await token.json()).secret}` };

    const pushed = await api('POST', '/ticketing/orders:batch', {
      source: 'billetweb',
      dedupe: 'off',
      orders: buyers.map((buyer, i) => orderOf(i + 1, buyer)),
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.counts.created).toBe(3);
    const batch = await api('POST', '/contacts:batch', { items: others });
    expect(batch.status).toBe(200);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds « Spectateurs parisiens », the count following each condition, and saves it', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Segments' }).first().click();
    await page.getByRole('heading', { name: 'Segments et listes' }).waitFor();
    await page.getByRole('link', { name: 'Nouveau segment' }).click();
    await page.getByRole('heading', { name: 'Nouveau segment' }).waitFor();
    await page.getByRole('textbox', { name: /^Nom du segment/ }).fill('Spectateurs parisiens');
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('Habitants de Paris venus au moins une fois');
    // No condition: everybody.
    await expect.poll(() => liveCount().textContent()).toBe('6 personnes');

    await page.getByRole('button', { name: 'Condition', exact: true }).click();
    await chooseField(0, 'Code postal');
    await page.getByRole('combobox', { name: 'Condition' }).first().click();
    await page.getByRole('option', { name: 'commence par', exact: true }).click();
    // An unfinished condition is not counted, and says so.
    await page.getByText('Une condition est à compléter').waitFor();
    const postal = page.getByRole('combobox', { name: 'Valeur : Code postal' });
    await postal.fill('75');
    await postal.press('Enter');
    await expect.poll(() => liveCount().textContent()).toBe('4 personnes');

    // The second condition with the keyboard only: add, pick the criterion, keep « au moins 1 ».
    await page.getByRole('button', { name: 'Condition', exact: true }).focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('combobox', { name: 'Critère' }).nth(1);
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Nombre de billets');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('Nombre de billets');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Condition' }).nth(1).inputValue())
      .toBe('au moins');
    await expect.poll(() => liveCount().textContent()).toBe('2 personnes');
    await page.getByRole('link', { name: 'Camille Rousseau' }).waitFor();

    // A value the server refuses is named in a readable message, and the count recovers.
    const tickets = page.getByRole('textbox', { name: 'Valeur : Nombre de billets' });
    await tickets.fill('2000000');
    const refused = page.getByRole('alert').filter({ hasText: 'Condition invalide — Nombre de billets' });
    await refused.waitFor();
    await tickets.fill('1');
    await refused.waitFor({ state: 'detached' });
    await expect.poll(() => liveCount().textContent()).toBe('2 personnes');

    await checkAccessible();
    await screenshot(page, 'segments-builder-desktop');
    await phoneScreenshot('segments-builder-phone');

    await page.getByRole('button', { name: 'Enregistrer le segment' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    segmentUrl = page.url();
    await page.getByRole('heading', { name: 'Spectateurs parisiens' }).waitFor();

    const saved = await api('GET', `/segments/${segmentUrl.split('/').pop()}`);
    expect(saved.body.criteria).toEqual({
      op: 'and',
      rules: [
        { field: 'geography.postalCode', operator: 'startsWith', value: { codes: ['75'] } },
        { field: 'purchases.tickets', operator: 'gte', value: { count: 1 } },
      ],
    });
  });

  it('nests a group and excludes it (SAUF): Parisians except those of the 18th', async () => {
    await page.goto(`${server.url}/segments/new`);
    await page.getByRole('button', { name: 'Condition', exact: true }).click();
    await chooseField(0, 'Code postal');
    await page.getByRole('combobox', { name: 'Condition' }).first().click();
    await page.getByRole('option', { name: 'commence par', exact: true }).click();
    const prefix = page.getByRole('combobox', { name: 'Valeur : Code postal' });
    await prefix.fill('75');
    await prefix.press('Enter');
    await expect.poll(() => liveCount().textContent()).toBe('4 personnes');

    await page.getByRole('button', { name: 'Groupe', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Exclure (SAUF)' }).nth(1).check();
    await page.getByRole('button', { name: 'Condition', exact: true }).nth(1).click();
    await chooseField(1, 'Code postal');
    const exact = page.getByRole('combobox', { name: 'Valeur : Code postal' }).nth(1);
    await exact.fill('75018');
    await exact.press('Enter');
    // Camille (75011), Jeanne (75005) and Manon (75020) remain; Hugo (75018) is excluded.
    await expect.poll(() => liveCount().textContent()).toBe('3 personnes');
    await page.getByRole('link', { name: 'Hugo Lefèvre' }).waitFor({ state: 'detached' });

    // With « Au moins une (OU) » at the top, either suffices: Parisians, or anyone not in the 18th.
    await page.getByRole('radio', { name: 'Toutes (ET)' }).first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Au moins une (OU)' }).first().isChecked()).toBe(true);
    await expect.poll(() => liveCount().textContent()).toBe('6 personnes');
    await page.getByRole('button', { name: 'Retirer le groupe' }).click();
    await expect.poll(() => liveCount().textContent()).toBe('4 personnes');

    // Back to « Toutes (ET) »; which tickets count: dance (none), then theatre (what « Ondine » is) too.
    await page.getByRole('radio', { name: 'Au moins une (OU)' }).first().focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('button', { name: 'Condition', exact: true }).first().click();
    await chooseField(1, 'Nombre de billets');
    await expect.poll(() => liveCount().textContent()).toBe('2 personnes');
    await page.getByRole('button', { name: 'Préciser (discipline, spectacle…)' }).click();
    const discipline = page.getByRole('combobox', { name: 'Discipline : Nombre de billets' });
    await discipline.click();
    await page.getByRole('option', { name: 'danse', exact: true }).click();
    await expect.poll(() => liveCount().textContent()).toBe('0 personne');
    await page.getByRole('option', { name: 'théâtre', exact: true }).click();
    await expect.poll(() => liveCount().textContent()).toBe('2 personnes');
    await page.keyboard.press('Escape');
  });

  it('counts the people who may be invited by e-mail to previews (consent criterion)', async () => {
    const purpose = await api('POST', '/purposes', {
      code: 'avant-premieres',
      name: { fr: 'Invitations aux avant-premières' },
      legalBasis: 'consent',
      channels: ['email'],
      retention: { text: 'Trois ans après le dernier contact', months: 36 },
      wording: { fr: 'J’accepte d’être invité·e aux avant-premières par e-mail.' },
    });
    expect(purpose.status).toBe(201);
    const people = await api('GET', '/contacts?q=Rousseau');
    const camille = people.body.data[0].id;
    const granted = await api('POST', `/contacts/${camille}/consents`, [
      {
        purposeId: purpose.body.id,
        channel: 'email',
        status: 'granted',
        proof: { source: 'counter', detail: 'Au guichet' },
      },
    ]);
    expect(granted.status).toBeLessThan(300);

    await page.goto(`${server.url}/segments/new`);
    await page.getByRole('button', { name: 'Condition', exact: true }).click();
    await chooseField(0, 'Consentement');
    await page.getByText('Une condition est à compléter').waitFor();
    await page.getByRole('combobox', { name: 'Finalité : Consentement' }).click();
    await page.getByRole('option', { name: 'Invitations aux avant-premières' }).click();
    // « est » e-mail « accordé » by default: Camille only; « n’est pas »: the five others.
    await expect.poll(() => liveCount().textContent()).toBe('1 personne');
    await page.getByRole('link', { name: 'Camille Rousseau' }).waitFor();
    await page.getByRole('combobox', { name: 'Condition' }).first().click();
    await page.getByRole('option', { name: 'n’est pas', exact: true }).click();
    await expect.poll(() => liveCount().textContent()).toBe('5 personnes');
  });

  it('reopens the saved segment with its conditions and shows its members, each linked to the record', async () => {
    await page.goto(`${server.url}/segments`);
    const row = page.getByRole('row', { name: /Spectateurs parisiens/ });
    await row.getByText('2 personnes').waitFor();
    await screenshot(page, 'segments-list-desktop');
    await row.getByRole('link', { name: 'Spectateurs parisiens' }).click();

    await expect
      .poll(() => page.getByRole('combobox', { name: 'Critère' }).first().inputValue())
      .toBe('Code postal');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Critère' }).nth(1).inputValue())
      .toBe('Nombre de billets');
    await expect.poll(() => liveCount().textContent()).toBe('2 personnes');

    await page.getByRole('tab', { name: 'Personnes (2)' }).click();
    const table = page.getByRole('table', { name: 'Personnes de « Spectateurs parisiens »' });
    await table.getByRole('row', { name: /Rousseau Camille/ }).waitFor();
    await table.getByRole('row', { name: /Lefèvre Hugo/ }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await checkAccessible();
    await screenshot(page, 'segments-members-desktop');
    await phoneScreenshot('segments-members-phone');

    await table.getByRole('link', { name: 'Rousseau Camille' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Camille Rousseau/ }).waitFor();
  });

  it('refuses to overwrite a change saved meanwhile (412) and lets the user keep either version', async () => {
    const id = segmentUrl.split('/').pop() as string;
    await page.goto(segmentUrl);
    const name = page.getByRole('textbox', { name: /^Nom du segment/ });
    await expect.poll(() => name.inputValue()).toBe('Spectateurs parisiens');
    // A colleague renames it through the API meanwhile.
    const current = await api('GET', `/segments/${id}`);
    const renamed = await api(
      'PATCH',
      `/segments/${id}`,
      { description: 'Revu par Paul' },
      {
        'if-match': `"${current.body.version}"`,
      },
    );
    expect(renamed.status).toBe(200);

    await name.fill('Spectateurs parisiens fidèles');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Modifié entre-temps' });
    await conflict.waitFor({ timeout: 8000 }).catch(async (e) => {
      await page.screenshot({ path: '/tmp/seg-conflict.png', fullPage: true });
      throw e;
    });
    await conflict.getByRole('button', { name: 'Enregistrer la mienne' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByText('Modifications enregistrées.').waitFor();
    const after = await api('GET', `/segments/${id}`);
    expect(after.body.name).toBe('Spectateurs parisiens fidèles');
    expect(after.body.version).toBe(current.body.version + 2);
  });

  it('freezes the segment into a list, then removes and adds people by hand', async () => {
    await page.goto(segmentUrl);
    await page.getByRole('button', { name: 'Figer dans une liste' }).click();
    const dialog = page.getByRole('dialog', { name: 'Figer le segment dans une liste' });
    await dialog.getByRole('textbox', { name: /^Nom de la liste/ }).fill('Invitations avant-première');
    await dialog.getByRole('button', { name: 'Créer la liste' }).click();
    await page.waitForURL(/\/segments\/lists\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Invitations avant-première' }).waitFor();
    const listUrl = page.url();
    await page
      .getByText('Figée à partir du segment')
      .getByRole('link', { name: 'Spectateurs parisiens fidèles' })
      .waitFor();
    const table = page.getByRole('table', { name: 'Personnes de « Invitations avant-première »' });
    const hugo = table.getByRole('row', { name: /Lefèvre Hugo/ });
    await hugo.waitFor();

    await hugo.getByRole('button', { name: 'Retirer Hugo Lefèvre de la liste' }).click();
    await hugo.waitFor({ state: 'detached' });

    const picker = page.getByRole('combobox', { name: 'Ajouter une personne' });
    await picker.fill('Jeanne Mar');
    await page.getByRole('option', { name: /Jeanne Martin/ }).click();
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await table.getByRole('row', { name: /Martin Jeanne/ }).waitFor();
    await page.getByText('2 personnes', { exact: false }).first().waitFor();
    await page.getByText('Personne ajoutée à la liste.').waitFor({ state: 'detached' });
    await checkAccessible();
    await screenshot(page, 'segments-list-members-desktop');

    await page.getByRole('link', { name: 'Listes' }).first().click();
    const row = page.getByRole('row', { name: /Invitations avant-première/ });
    await row.getByText('Liste figée').waitFor();
    await row.getByText('2 personnes').waitFor();

    // Today's members of the segment added to the existing list: Hugo comes back, Camille is already in.
    await page.goto(segmentUrl);
    await page.getByRole('button', { name: 'Ajouter à une liste' }).click();
    const adding = page.getByRole('dialog', { name: 'Ajouter les personnes du segment à une liste' });
    await adding.getByRole('combobox', { name: 'Liste' }).click();
    await page.getByRole('option', { name: 'Invitations avant-première' }).click();
    await adding.getByRole('button', { name: 'Ajouter 2 personnes' }).click();
    await page.getByText('Une personne ajoutée (déjà présentes : 1) ; la liste en compte 3.').waitFor();
    const members = await api('GET', `/lists/${listUrl.split('/').pop()}/members`);
    expect(members.body.data.map((p: { firstName: string }) => p.firstName).sort()).toEqual([
      'Camille',
      'Hugo',
      'Jeanne',
    ]);
  });

  it('duplicates a segment and deletes the copy after confirmation', async () => {
    await page.goto(`${server.url}/segments`);
    await page
      .getByRole('button', { name: 'Dupliquer le segment « Spectateurs parisiens fidèles »' })
      .click();
    await page.getByRole('heading', { name: 'Spectateurs parisiens fidèles (copie)' }).waitFor();
    await page.getByRole('link', { name: 'Segments', exact: true }).first().click();
    const copy = page.getByRole('row', { name: /fidèles \(copie\)/ });
    await copy.waitFor();
    await copy.getByRole('button', { name: /^Supprimer le segment/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer ce segment ?' });
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await copy.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Spectateurs parisiens fidèles/ }).waitFor();
    const remaining = await api('GET', '/segments');
    expect(remaining.body.data.map((s: { name: string }) => s.name)).toEqual([
      'Spectateurs parisiens fidèles',
    ]);
  });
  it('lets a role that only reads segments try criteria but not save them', async () => {
    const role = await api('POST', '/roles', {
      code: 'etudes',
      name: 'Études des publics',
      permissions: ['segments.read', 'contacts.read'],
    });
    expect(role.status).toBe(201);
    const analyst = {
      name: 'Paul Études',
      email: 'paul@theatre-exemple.fr',
      password: 'etudes-password-solide-2026',
    };
    const user = await api('POST', '/users', { ...analyst, roleIds: [role.body.id], departmentIds: [] });
    expect(user.status).toBe(201);
    const other = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', locale: 'fr-FR' });
    const login = await other.request.post(`${server.url}/api/v1/auth/login`, {
      data: { email: analyst.email, password: analyst.password },
    });
    expect(login.status()).toBe(200);
    const reader = await other.newPage();
    await reader.goto(`${server.url}/segments`);
    await reader
      .getByRole('row', { name: /Spectateurs parisiens fidèles/ })
      .getByText('2 personnes')
      .waitFor();
    expect(await reader.getByRole('link', { name: 'Nouveau segment' }).count()).toBe(0);
    await reader.getByRole('link', { name: 'Spectateurs parisiens fidèles' }).click();
    await reader.getByText('Consultation seule').waitFor();
    await expect.poll(() => reader.getByTestId('live-count').textContent()).toBe('2 personnes');
    expect(await reader.getByRole('button', { name: 'Enregistrer', exact: true }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Figer dans une liste' }).count()).toBe(0);
    await other.close();
  });
});
