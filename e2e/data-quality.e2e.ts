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

/**
 * 16 people from the box office (a quarter without a phone, a third without an address), 6 entered
 * by hand (two with neither e-mail nor phone), and 4 vCards of which two carry an unreadable e-mail.
 */
function seedPeople() {
  const boxOffice = Array.from({ length: 16 }, (_, i) => ({
    firstName: firstNames[i % firstNames.length],
    lastName: lastNames[i % lastNames.length],
    source: 'billetweb',
    emails: [{ address: `spectateur.${i}@exemple.fr` }],
    phones: i % 4 === 0 ? [] : [{ number: `06 12 34 56 ${String(10 + i)}` }],
    addresses: i % 3 === 0 ? [] : [{ postalCode: '69003', city: 'Lyon' }],
  }));
  const byHand = Array.from({ length: 6 }, (_, i) => ({
    firstName: firstNames[(i + 3) % firstNames.length],
    lastName: lastNames[(i + 5) % lastNames.length],
    emails: i < 2 ? [] : [{ address: `contact.${i}@exemple.fr` }],
    addresses: [{ postalCode: '75011', city: 'Paris' }],
  }));
  return [...boxOffice, ...byHand];
}

const card = (name: string, email: string) =>
  ['BEGIN:VCARD', 'VERSION:3.0', `N:${name};Camille;;;`, `FN:Camille ${name}`, `EMAIL:${email}`, 'END:VCARD']
    .join('\r\n')
    .concat('\r\n');
const vcards = [
  card('Fontaine', 'camille.fontaine@gmail'),
  card('Garnier', 'camille@@exemple.fr'),
  card('Rousseau', 'camille.rousseau@exemple.fr'),
  card('Mercier', 'camille.mercier@exemple.fr'),
].join('');

describe('the data-quality report in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
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
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Données de test', scopes: ['*'] }),
    });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${(await created.json()).secret}` };
    const batch = await fetch(`${server.url}/api/v1/contacts:batch`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ items: seedPeople() }),
    });
    expect(batch.status).toBe(200);
    // vCards are read leniently: the faulty addresses are kept and flagged invalid.
    const imported = await fetch(`${server.url}/api/v1/contacts:import-vcard`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'text/vcard' },
      body: vcards,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    expect((await imported.json()).created).toBe(4);

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', locale: 'fr-FR' });
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

  it('shows the counts per source and opens the people behind one of them', async () => {
    await page.getByRole('link', { name: 'Qualité des données' }).first().click();
    await page.getByRole('heading', { name: 'Qualité des données' }).waitFor();
    await page.getByRole('link', { name: '26 personnes : Personnes, Toutes sources' }).waitFor();
    await page.getByRole('columnheader', { name: 'billetweb' }).waitFor();
    await page.getByRole('columnheader', { name: 'vcard' }).waitFor();
    await page.getByRole('columnheader', { name: 'Sans source (saisie directe)' }).waitFor();
    // Box office: 4 of 16 without a phone (all have an e-mail), 6 without an address.
    await page
      .getByRole('link', { name: '6 personnes : Sans adresse postale, billetweb', exact: true })
      .waitFor();
    await page.getByRole('link', { name: '2 personnes : Ni e-mail ni téléphone, Sans source' }).waitFor();
    expect(
      await page.getByRole('link', { name: /^0 personne : Ni e-mail ni téléphone, billetweb/ }).count(),
    ).toBe(1);

    expect(
      (await accessibilityViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
    await screenshot(page, 'data-quality-desktop');

    await page.getByRole('link', { name: '2 personnes : E-mails invalides, vcard' }).click();
    await page.waitForURL(/\/contacts\?/);
    await page.getByRole('heading', { name: 'Publics' }).waitFor();
    await page.getByText('2 personnes correspondent à la recherche').waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    const rows = await page.locator('tbody').textContent();
    expect(rows).toContain('Fontaine');
    expect(rows).toContain('Garnier');
    // The filter is shown as conditions the user can read and change.
    await page.getByRole('textbox', { name: 'Valeur de la condition 1' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Valeur de la condition 1' }).inputValue()).toBe('vcard');
    expect(await page.getByRole('combobox', { name: 'Valeur de la condition 2' }).inputValue()).toBe(
      'invalide',
    );
  });

  it('shows one source at a time on a phone', async () => {
    const phone = await browser.newContext({
      viewport: PHONE,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      storageState: await context.storageState(),
    });
    const mobile = await phone.newPage();
    await mobile.goto(`${server.url}/data-quality`);
    await mobile.getByRole('heading', { name: 'Qualité des données' }).waitFor();
    await mobile.getByRole('link', { name: '26 personnes : Personnes, Toutes sources' }).waitFor();
    await mobile.getByRole('combobox', { name: 'Source' }).click();
    await mobile.getByRole('option', { name: 'billetweb' }).click();
    await mobile.getByRole('link', { name: '16 personnes : Personnes, billetweb' }).waitFor();
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(mobile, 'data-quality-phone');
    await phone.close();
  });
});
