import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DESKTOP, launchBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const admin = {
  name: 'Claire Administratrice',
  email: 'claire@theatre-exemple.fr',
  password: 'mot-de-passe-solide-2026',
};

/** The same spectator entered twice at the box office: a typo in the name, no e-mail, same address. */
const address = { line1: '12 rue des Lilas', postalCode: '29200', city: 'Brest' };
const first = {
  civility: 'Mme',
  firstName: 'Gwenaëlle',
  lastName: 'Kerjean',
  birthDate: '1984-05-17',
  addresses: [address],
  source: 'billetterie',
};
const second = {
  firstName: 'Gwenaelle',
  lastName: 'Kerjan',
  addresses: [address],
  phones: [{ number: '06 11 22 33 44' }],
  tags: ['abonnée'],
  source: 'guichet',
};
/** A father and his son at one address, both without a birth date: alike, yet two people. */
const homonyms = [
  {
    firstName: 'Loïc',
    lastName: 'Morvan',
    addresses: [{ line1: '3 place de la Liberté', postalCode: '29200', city: 'Brest' }],
  },
  {
    firstName: 'Loic',
    lastName: 'Morvan',
    addresses: [{ line1: '3 place de la Liberté', postalCode: '29200', city: 'Brest' }],
  },
];
/** Other people, so that the base is not only the pairs. */
const others = [
  { firstName: 'Yann', lastName: 'Le Goff', addresses: [{ postalCode: '29000', city: 'Quimper' }] },
  { firstName: 'Maëlys', lastName: 'Tanguy', addresses: [{ postalCode: '35000', city: 'Rennes' }] },
];

function serious(violations: { impact: string }[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('reviewing a duplicate pair in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let request: APIRequestContext;
  let csrf: Record<string, string>;
  let firstId: string;
  let secondId: string;

  const get = async (path: string) => {
    const response = await request.get(`${server.url}/api/v1${path}`);
    expect(response.status(), path).toBe(200);
    return response.json();
  };
  const create = async (person: object) => {
    const response = await request.post(`${server.url}/api/v1/contacts`, { data: person, headers: csrf });
    expect(response.status()).toBe(201);
    return (await response.json()).id as string;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', locale: 'fr-FR' });
    request = context.request;
    // Setting up through the API signs the context in (the session cookie is shared with pages).
    const setup = await request.post(`${server.url}/api/v1/setup`, { data: admin });
    expect(setup.status()).toBe(201);
    csrf = { 'x-csrf-token': (await get('/auth/me')).csrfToken };
    firstId = await create(first);
    secondId = await create(second);
    for (const other of [...homonyms, ...others]) await create(other);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const scanFromTheQueue = async () => {
    await page.getByRole('button', { name: 'Rechercher les doublons' }).click();
    await page.getByRole('heading', { name: 'Recherche des doublons dans toute la base' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Terminée' }).waitFor();
    const done = page.getByRole('alert').filter({ hasText: 'Recherche terminée' });
    await done.waitFor();
    await done.getByRole('button').click();
  };

  it('finds the pairs with a scan launched from the queue, explained field by field', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Doublons' }).first().click();
    await page.getByRole('heading', { name: 'Doublons', level: 1 }).waitFor();
    await page.getByText('Aucun doublon à examiner pour le moment.').waitFor();

    await scanFromTheQueue();
    const card = page.getByRole('article').filter({ hasText: 'Gwenaëlle Kerjean' });
    await card.waitFor();
    await page.getByRole('article').filter({ hasText: 'Loïc Morvan' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(2);
    await card.getByText('Gwenaelle Kerjan', { exact: true }).waitFor();
    await card.getByText('29200 Brest').first().waitFor();
    await card.getByText(/^Ressemblance : \d+ %$/).waitFor();
    await card.getByText(/Même adresse/).waitFor();

    await page.mouse.move(700, 850);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'duplicates-queue-desktop');
    await page.setViewportSize(PHONE);
    await card.waitFor();
    await screenshot(page, 'duplicates-queue-phone');
    await page.setViewportSize(DESKTOP);

    // The scan followed stays in the address: after a reload its outcome is still shown.
    expect(new URL(page.url()).searchParams.get('scan')).toMatch(/^[0-9a-f-]{36}$/);
    await page.reload();
    await page.getByRole('heading', { name: 'Recherche des doublons dans toute la base' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Terminée' }).waitFor();
  });

  it('remembers two homonyms said not to be the same person, also after a new scan', async () => {
    await page.getByRole('link', { name: /^Examiner la paire Loïc Morvan/ }).click();
    await page.getByRole('heading', { name: 'Examiner un doublon possible' }).waitFor();
    await page.getByRole('button', { name: 'Ce ne sont pas les mêmes personnes' }).click();
    const dismissed = page
      .getByRole('alert')
      .filter({ hasText: 'Paire écartée : elle ne sera plus proposée.' });
    await dismissed.waitFor();
    await dismissed.getByRole('button').click();
    await page.getByRole('heading', { name: 'Doublons', level: 1 }).waitFor();
    await page.getByRole('article').filter({ hasText: 'Gwenaëlle Kerjean' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(1);

    await scanFromTheQueue();
    await page.getByRole('article').filter({ hasText: 'Gwenaëlle Kerjean' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    const queue = await get('/duplicates?minScore=0');
    expect(queue.data.map((pair: { a: { id: string } }) => pair.a.id)).toEqual([firstId]);
  });

  it('merges the pair keeping the spelling of the other record, and says so on the merged record', async () => {
    await page.getByRole('link', { name: /^Examiner la paire Gwenaëlle Kerjean/ }).click();
    await page.getByRole('heading', { name: 'Examiner un doublon possible' }).waitFor();
    await page.getByRole('region', { name: /Gwenaëlle Kerjean/ }).waitFor();
    await page.getByRole('region', { name: /Gwenaelle Kerjan/ }).waitFor();

    // The second record (phone, tag) is kept; the first one's spelling of the names survives.
    const survivor = page.getByRole('radiogroup', { name: 'Fiche conservée' });
    await survivor.getByRole('radio', { name: /Gwenaelle Kerjan/ }).check();
    const lastName = page.getByRole('radiogroup', { name: 'Nom', exact: true });
    await lastName.getByRole('radio', { name: /Kerjean/ }).check();
    const firstName = page.getByRole('radiogroup', { name: 'Prénom', exact: true });
    await firstName.getByRole('radio', { name: /Gwenaëlle/ }).check();
    // Keyboard: the choice of the source moves with the arrow keys, and back.
    const source = page.getByRole('radiogroup', { name: 'Source', exact: true });
    await source.getByRole('radio', { name: /guichet/ }).focus();
    await page.keyboard.press('ArrowUp');
    expect(await source.getByRole('radio', { name: /billetterie/ }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await source.getByRole('radio', { name: /guichet/ }).isChecked()).toBe(true);
    // The civility, missing on the record kept, is taken from the other one by default.
    const civility = page.getByRole('radiogroup', { name: 'Civilité', exact: true });
    expect(await civility.getByRole('radio', { name: /Mme/ }).isChecked()).toBe(true);

    await page.evaluate(() => window.scrollTo(0, 0));
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'duplicates-review-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Examiner un doublon possible' }).waitFor();
    await screenshot(page, 'duplicates-review-phone');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Fusionner', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Fusionner ces deux fiches ?' });
    await dialog.getByRole('button', { name: 'Fusionner les fiches' }).click();
    await page.getByRole('heading', { name: 'Mme Gwenaëlle Kerjean', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/contacts/${secondId}`);

    const kept = await get(`/contacts/${secondId}`);
    expect([kept.civility, kept.firstName, kept.lastName, kept.source]).toEqual([
      'Mme',
      'Gwenaëlle',
      'Kerjean',
      'guichet',
    ]);
    expect(kept.birthDate).toBe('1984-05-17');
    expect(kept.tags).toEqual(['abonnée']);
    expect(kept.addresses).toHaveLength(1);
    const queue = await get('/duplicates?minScore=0');
    expect(queue.data).toEqual([]);
    const list = await get(`/contacts?q=${encodeURIComponent('Kerjean')}`);
    expect(list.data.map((p: { id: string }) => p.id)).toEqual([secondId]);

    // The merged record, opened in another tab, says where it went.
    const other = await context.newPage();
    await other.goto(`${server.url}/contacts/${firstId}`);
    await other
      .getByText(/Cette fiche a été fusionnée le .* dans la fiche de Mme Gwenaëlle Kerjean/)
      .waitFor();
    expect(serious(await accessibilityViolations(other))).toEqual([]);
    await screenshot(other, 'duplicates-merged-record-desktop');
    await other.close();
  });

  it('undoes the merge from the notification: both records come back exactly', async () => {
    const notification = page.getByRole('alert').filter({ hasText: 'Fiches fusionnées.' });
    await notification.getByRole('button', { name: 'Annuler la fusion' }).click();
    await page.getByText('Fusion annulée : les deux fiches sont rétablies.').waitFor();
    await page.getByRole('heading', { name: 'Gwenaelle Kerjan', level: 1 }).waitFor();

    const restored = await get(`/contacts/${firstId}`);
    expect([restored.civility, restored.firstName, restored.lastName, restored.source]).toEqual([
      'Mme',
      'Gwenaëlle',
      'Kerjean',
      'billetterie',
    ]);
    const back = await get(`/contacts/${secondId}`);
    expect([back.civility, back.firstName, back.lastName, back.birthDate]).toEqual([
      null,
      'Gwenaelle',
      'Kerjan',
      null,
    ]);
    expect(back.phones).toHaveLength(1);
    const both = await get(`/contacts?q=${encodeURIComponent('Gwenaelle')}`);
    expect(both.data.map((p: { id: string }) => p.id).sort()).toEqual([firstId, secondId].sort());
    // The pair the merge had decided awaits review again.
    const queue = await get('/duplicates');
    expect(queue.data.map((pair: { a: { id: string } }) => pair.a.id)).toEqual([firstId]);
  });
});
