import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DESKTOP, launchBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const admin = {
  name: 'Claire Administratrice',
  email: 'claire@theatre-exemple.fr',
  password: 'mot-de-passe-solide-2026',
};

const firstNames = ['Jeanne', 'Lucas', 'Manon', 'Hugo', 'Léa', 'Gabriel', 'Chloé', 'Louis', 'Inès', 'Arthur'];
const lastNames = ['Martin', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Michel'];
const places = [
  { postalCode: '75011', city: 'Paris' },
  { postalCode: '69003', city: 'Lyon' },
  { postalCode: '13001', city: 'Marseille' },
];

/** 30 people, a third of them in Paris; François Dupont lives in Paris, among other Duponts and Françoises. */
function seedPeople() {
  const people = Array.from({ length: 27 }, (_, i) => ({
    firstName: firstNames[i % firstNames.length],
    lastName: lastNames[i % lastNames.length],
    emails: [{ address: `personne.${i}@exemple.fr` }],
    addresses: [places[i % places.length]],
    tags: i % 2 ? ['abonné'] : [],
  }));
  return [
    ...people,
    {
      civility: 'M.',
      firstName: 'François',
      lastName: 'Dupont',
      emails: [{ address: 'francois.dupont@exemple.fr' }],
      phones: [{ number: '06 12 34 56 78' }],
      addresses: [{ postalCode: '75011', city: 'Paris' }],
    },
    { firstName: 'Marie', lastName: 'Dupont', addresses: [{ postalCode: '69003', city: 'Lyon' }] },
    { firstName: 'Françoise', lastName: 'Dupuis', addresses: [{ postalCode: '13001', city: 'Marseille' }] },
  ];
}

function serious(violations: { impact: string }[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('the people list and the global search in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let bearer: Record<string, string>;

  const api = async (pathAndQuery: string) => {
    const response = await fetch(`${server.url}/api/v1${pathAndQuery}`, { headers: bearer });
    expect(response.status).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    server = await startServer();
    // The administrator through the API: its session cookie, then the CSRF token, then a token.
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    expect(setup.status).toBe(201);
    const cookies = setup.headers.getSetCookie().map((c) => c.split(';')[0]);
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie: cookies.join('; ') } });
    cookies.push(...me.headers.getSetCookie().map((c) => c.split(';')[0]));
    const { csrfToken } = await me.json();
    const created = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: cookies.join('; '),
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify({ name: 'Données de test', scopes: ['*'] }),
    });
    expect(created.status).toBe(201);
    bearer = { authorization: `Bearer ${(await created.json()).secret}` };
    const batch = await fetch(`${server.url}/api/v1/contacts:batch`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ items: seedPeople() }),
    });
    expect(batch.status).toBe(200);
    const { results } = await batch.json();
    expect(results.filter((r: { status: string }) => r.status === 'created')).toHaveLength(30);

    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: DESKTOP,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(admin.email);
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill(admin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens Publics, sorts by postal code, filters Paris and saves the view', async () => {
    await page.getByRole('link', { name: 'Publics' }).first().click();
    await page.getByRole('heading', { name: 'Publics' }).waitFor();
    await page.getByText('30 personnes', { exact: true }).waitFor();

    await page.getByRole('button', { name: /Code postal/ }).click();
    await page.waitForURL(/sort=postalCode/);
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toContain('13001');

    await page.getByRole('button', { name: 'Filtres' }).click();
    await page.getByRole('button', { name: 'Ajouter une condition' }).click();
    await page.getByRole('combobox', { name: 'Champ de la condition 1' }).click();
    await page.getByRole('option', { name: 'Code postal' }).click();
    await page.getByRole('textbox', { name: 'Valeur de la condition 1' }).fill('75');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await page.getByText('10 personnes correspondent à la recherche').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(10);
    expect(await page.locator('tbody').textContent()).not.toContain('Lyon');

    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'contacts-list-desktop');

    await page.getByRole('button', { name: 'Vues' }).click();
    await page.getByRole('menuitem', { name: /Enregistrer comme nouvelle vue/ }).click();
    await page.getByRole('textbox', { name: 'Nom de la vue' }).fill('Parisiens');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('button', { name: 'Vue : Parisiens' }).waitFor();
    const views = await api('/saved-views?entity=person');
    expect(views.data).toHaveLength(1);
    expect(views.data[0]).toMatchObject({
      name: 'Parisiens',
      definition: {
        sort: 'postalCode',
        filter: { all: [{ field: 'postalCode', op: 'startsWith', value: '75' }] },
      },
    });
  });

  it('tags every result of the filter', async () => {
    await page.getByRole('button', { name: 'Sélectionner tous les résultats (10)' }).click();
    await page.getByText('Les 10 résultats sont sélectionnés').waitFor();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Ajouter une étiquette' }).click();
    await page.getByRole('textbox', { name: 'Étiquette' }).fill('parisien');
    await page.getByRole('button', { name: 'Ajouter l’étiquette' }).click();
    await page.getByText('Étiquette ajoutée à 10 personnes.').waitFor();

    const filter = JSON.stringify({ all: [{ field: 'tags', op: 'hasAny', value: ['parisien'] }] });
    const tagged = await api(`/contacts?withTotal=true&filter=${encodeURIComponent(filter)}`);
    expect(tagged.total).toBe(10);
    expect(tagged.data.every((p: { postalCode: string }) => p.postalCode === '75011')).toBe(true);
  });

  it('exports the filter results as CSV and downloads the file', async () => {
    await page.getByRole('button', { name: 'Sélectionner tous les résultats (10)' }).click();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Exporter' }).click();
    const dialog = page.getByRole('dialog', { name: /Exporter 10 personnes/ });
    await dialog.getByRole('radio', { name: /points-virgules/ }).check();
    await dialog.getByRole('button', { name: 'Exporter' }).click();
    const link = dialog.getByRole('link', { name: 'Télécharger le fichier' });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Civilité;Nom;Prénom;E-mail;Téléphone;Code postal;Ville;Étiquettes');
    expect(lines).toHaveLength(11);
    expect(csv).toContain('M.;Dupont;François;francois.dupont@exemple.fr');
    expect(lines.slice(1).every((line) => line.includes(';75011;Paris;'))).toBe(true);
    await dialog.getByRole('button', { name: 'Fermer' }).first().click();
  });

  it('finds François Dupont from "Francois Dupond" with the keyboard only', async () => {
    const found = await api(`/search?q=${encodeURIComponent('François Dupont')}`);
    const dupont = found.data.find((r: { label: string }) => r.label === 'François Dupont');
    // From any screen: the home page here (also clears the notifications of the list).
    await page.goto(server.url);
    await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: 'Rechercher une personne ou une structure' });
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('Francois Dupond');
    const option = page.getByRole('option', { name: /François Dupont/ });
    await option.waitFor();
    expect(await page.getByRole('group', { name: 'Personnes' }).count()).toBe(1);

    // Échap closes the list, ↓ opens it again.
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    // ↓ reopens the list, then moves through the results until François Dupont is highlighted.
    let highlighted = '';
    for (let presses = 0; presses < 4 && !highlighted.includes('François Dupont'); presses++) {
      await page.keyboard.press('ArrowDown');
      const activeId = await box.getAttribute('aria-activedescendant');
      highlighted = activeId ? ((await page.locator(`[id="${activeId}"]`).textContent()) ?? '') : '';
    }
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(highlighted).toContain('François Dupont');

    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'global-search');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/contacts/${dupont.id}`);
  });

  it('shows people as cards on a phone, with the search behind an icon', async () => {
    const phone = await browser.newContext({
      viewport: PHONE,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      storageState: await context.storageState(),
    });
    const mobile = await phone.newPage();
    await mobile.goto(`${server.url}/contacts`);
    await mobile.getByRole('heading', { name: 'Publics' }).waitFor();
    await mobile.getByRole('listitem').filter({ hasText: 'francois.dupont@exemple.fr' }).waitFor();
    expect(await mobile.locator('table').count()).toBe(0);
    // The saved view works on a phone too.
    await mobile.getByRole('button', { name: 'Vues' }).click();
    await mobile.getByRole('menuitem', { name: 'Parisiens' }).click();
    await mobile.getByText('10 personnes correspondent à la recherche').waitFor();
    expect(await mobile.locator('main li').count()).toBe(10);
    expect(serious(await accessibilityViolations(mobile))).toEqual([]);
    await screenshot(mobile, 'contacts-list-phone');

    await mobile.getByRole('button', { name: 'Rechercher' }).click();
    await mobile.keyboard.type('dupont');
    await mobile.getByRole('option', { name: /Marie Dupont/ }).waitFor();
    await phone.close();
  });
});
