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
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

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

/** Camille bought two tickets on billetweb: one she used a month ago, one for next month. */
function camilleOrder() {
  const production = { externalId: 'CARMEN', title: 'Carmen', genre: 'Opéra' };
  return {
    externalId: 'BW-1001',
    orderedAt: daysFromNow(-40),
    channel: 'web',
    buyer: {
      externalId: 'CLI-77',
      civility: 'Mme',
      firstName: 'Camille',
      lastName: 'Rousseau',
      email: 'camille.rousseau@example.org',
    },
    lines: [
      {
        externalId: 'BW-1001-1',
        performance: {
          externalId: 'CARMEN-1',
          startsAt: daysFromNow(-30),
          production,
          venue: { name: 'Grande salle' },
        },
        priceCategory: 'Tarif réduit',
        amount: 24,
        seat: 'B12',
      },
      {
        externalId: 'BW-1001-2',
        performance: {
          externalId: 'CARMEN-2',
          startsAt: daysFromNow(30),
          production,
          venue: { name: 'Grande salle' },
        },
        priceCategory: 'Plein tarif',
        amount: 32,
        holder: { firstName: 'Louis', lastName: 'Rousseau', email: 'louis.rousseau@example.org' },
      },
    ],
  };
}

describe('ticketing in the back office', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let bearer: Record<string, string>;
  let orderId: string;
  let camilleId: string;

  /** Calls the API as the connector does: its bearer token, no session. */
  const connector = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  const checkAccessible = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(serious(await accessibilityViolations(page))).toEqual([]);
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
    // Setting up through the API signs the context in; the connector gets its own API token.
    const setup = await context.request.post(`${server.url}/api/v1/setup`, { data: admin });
    expect(setup.status()).toBe(201);
    const { csrfToken } = await (await context.request.get(`${server.url}/api/v1/auth/me`)).json();
    const token = await context.request.post(`${server.url}/api/v1/tokens`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { name: 'Connecteur billetweb', scopes: ['*'] },
    });
    expect(token.status()).toBe(201);
    bearer = { authorization: `Bearer ${(await token.json()).secret}` };
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds the programme by hand: season, venue (after a refused capacity), production, performance, price', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Programmation' }).first().click();
    await page.getByRole('heading', { name: 'Programmation' }).waitFor();
    expect(page.url()).toBe(`${server.url}/ticketing/programme/seasons`);

    await page.getByRole('button', { name: 'Nouvelle saison' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Nom de la saison/).fill('Saison 2026-2027');
    await dialog.getByLabel('Début').fill('01/09/2026');
    await dialog.getByLabel('Fin').fill('30/06/2027');
    await dialog.getByLabel('Fin').press('Tab');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '1 sept. 2026' }).waitFor();

    await page.getByRole('tab', { name: 'Lieux' }).click();
    await page.getByRole('button', { name: 'Nouveau lieu' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Nom du lieu ou de la salle/).fill('Studio');
    await dialog.getByLabel('Commune').fill('Lyon');
    await dialog.getByLabel('Jauge').fill('-10');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    // The server refuses it; its message sits under the field, which is marked invalid.
    const capacity = dialog.getByLabel('Jauge');
    await expect.poll(() => capacity.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText(/Trop petit/).waitFor();
    await checkAccessible();
    await screenshot(page, 'ticketing-venue-error-desktop');
    await capacity.fill('120');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Studio', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Spectacles et expositions' }).click();
    await page.getByRole('button', { name: 'Nouveau spectacle ou exposition' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Titre/).fill('Le Misanthrope');
    await dialog.getByLabel('Discipline ou genre').fill('Théâtre');
    await choose(page, 'Saison', 'Saison 2026-2027');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Le Misanthrope', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Représentations et créneaux' }).click();
    await page.getByRole('button', { name: 'Nouvelle représentation' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, 'Spectacle ou exposition', 'Le Misanthrope');
    await choose(page, 'Lieu', 'Studio');
    await dialog.getByLabel('Début').fill('2026-11-05T20:00');
    await dialog.getByLabel('Jauge').fill('100');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Le Misanthrope — 5 nov\. 2026.*20:00$/ }).waitFor();

    await page.getByRole('tab', { name: 'Tarifs' }).click();
    await page.getByRole('button', { name: 'Nouveau tarif' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Libellé/).fill('Tarif réduit');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The kind is inferred from the label: « Tarif réduit » is of kind « Tarif réduit ».
    await page.getByRole('row', { name: /^Tarif réduit Tarif réduit tarif reduit/ }).waitFor();

    const performances = await (await context.request.get(`${server.url}/api/v1/performances`)).json();
    expect(performances.data).toMatchObject([{ startsAt: '2026-11-05T19:00:00.000Z', capacity: 100 }]);
  });

  it('takes an order pushed by a connector and shows it in Ventes, then opens it', async () => {
    const pushed = await connector('/ticketing/orders:batch', {
      source: 'billetweb',
      // Duplicate detection has its own screen and test: these two people are new and distinct.
      dedupe: 'off',
      orders: [camilleOrder()],
    });
    expect(pushed.status).toBe(200);
    const [result] = pushed.body.results;
    expect(result.status).toBe('created');
    orderId = result.orderId;
    const scan = await connector('/visits', {
      source: 'billetweb',
      externalId: 'SCAN-1',
      ticketLineExternalId: 'BW-1001-1',
      scannedAt: daysFromNow(-30),
    });
    expect(scan.status).toBe(201);

    await page.getByRole('link', { name: 'Ventes' }).first().click();
    await page.getByRole('heading', { name: 'Ventes' }).waitFor();
    const row = page.getByRole('row', { name: /Camille Rousseau/ });
    await row.getByText('56,00 €').waitFor();
    await row.getByText('Payée').waitFor();
    await page.getByRole('combobox', { name: 'Canal' }).click();
    await page.getByRole('option', { name: 'Guichet', exact: true }).click();
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Aucune commande ne correspond.').waitFor();
    expect(page.url()).toContain('channel=guichet');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await row.waitFor();
    await checkAccessible();
    await screenshot(page, 'ticketing-sales-desktop');

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Commande BW-1001' }).waitFor();
    expect(page.url()).toBe(`${server.url}/ticketing/orders/${orderId}`);
    const lines = page.getByRole('table', { name: 'Billets de la commande' });
    await lines
      .getByRole('row', { name: /Tarif réduit/ })
      .getByText(/^Entrée le/)
      .waitFor();
    await lines
      .getByRole('row', { name: /Plein tarif/ })
      .getByRole('link', { name: 'Louis Rousseau' })
      .waitFor();
    await page.getByText('billetweb → BW-1001').waitFor();
    await checkAccessible();
    await screenshot(page, 'ticketing-order-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Commande BW-1001' }).waitFor();
    await checkAccessible();
    await screenshot(page, 'ticketing-order-phone');
    await page.setViewportSize(DESKTOP);

    const buyer = page
      .getByRole('link', { name: 'Mme Camille Rousseau' })
      .or(page.getByRole('link', { name: 'Camille Rousseau' }));
    camilleId = (await buyer.first().getAttribute('href'))?.split('/contacts/')[1] ?? '';
    expect(camilleId).not.toBe('');
  });

  it('summarises her attendance and spend on her record, with links to her orders', async () => {
    await page.goto(`${server.url}/contacts/${camilleId}`);
    const section = page.getByRole('region', { name: 'Billetterie' });
    await section.waitFor();
    // Both tickets were bought by her; one was used a month ago (a visit), the other is to come.
    await section.getByText('56,00 € sur 12 mois · 56,00 € au total').waitFor();
    await section.getByText('1 sur 12 mois · 1 au total').first().waitFor();
    await section.getByText('Opéra').waitFor();
    await section.getByText('Grande salle').waitFor();
    await section.getByRole('link', { name: /\d{4}/ }).first().waitFor();
    expect(await section.getByRole('link', { name: /\d{4}/ }).first().getAttribute('href')).toBe(
      `/ticketing/orders/${orderId}`,
    );
    await checkAccessible();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'ticketing-person-desktop');
    await page.setViewportSize(PHONE);
    await section.waitFor();
    await checkAccessible();
    await screenshot(page, 'ticketing-person-phone');
    await page.setViewportSize(DESKTOP);

    await section.getByRole('link', { name: 'Toutes ses commandes' }).click();
    await page.getByText('Commandes de Mme Camille Rousseau').waitFor();
    await page
      .getByRole('row', { name: /BW|Camille Rousseau/ })
      .first()
      .waitFor();
  });

  it('shows the connector’s catalogue with its external ids, read-only, on desktop and phone', async () => {
    await page.goto(`${server.url}/ticketing/programme/productions`);
    await page.getByRole('button', { name: 'Carmen', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const origin = dialog.getByLabel('Origine');
    expect(await origin.inputValue()).toBe('billetweb → CARMEN');
    expect(await origin.getAttribute('readonly')).not.toBeNull();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Représentations et créneaux' }).click();
    await page
      .getByRole('button', { name: /^Carmen/ })
      .first()
      .waitFor();
    await page.getByRole('combobox', { name: 'Saison' }).fill('2026');
    await page.getByRole('option', { name: 'Saison 2026-2027' }).click();
    await page.getByRole('button', { name: /^Le Misanthrope/ }).waitFor();
    await page
      .getByRole('button', { name: /^Carmen/ })
      .first()
      .waitFor({ state: 'detached' });
    await checkAccessible();
    await screenshot(page, 'ticketing-programme-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Programmation' }).waitFor();
    await checkAccessible();
    await screenshot(page, 'ticketing-programme-phone');
    await page.setViewportSize(DESKTOP);
  });
});
