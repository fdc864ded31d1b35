import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DESKTOP, launchBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const admin = {
  name: 'Claire Administratrice',
  email: 'claire@theatre-exemple.fr',
  password: 'mot-de-passe-solide-2026',
};
const email = 'camille.rousseau@example.org';
const workEmail = 'c.rousseau@fondation-lumiere.example';

function serious(violations: { impact: string }[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Picks an option of a Mantine select found by its label inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('person and organisation records in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let personId: string;
  let organisationId: string;
  let vcardFile: string;

  const api = async (pathAndQuery: string) => {
    const response = await context.request.get(`${server.url}/api/v1${pathAndQuery}`);
    expect(response.status()).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', locale: 'fr-FR' });
    // Setting up through the API signs the context in (the session cookie is shared with pages).
    const setup = await context.request.post(`${server.url}/api/v1/setup`, { data: admin });
    expect(setup.status()).toBe(201);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a person with two e-mails, and flags a probable duplicate afterwards', async () => {
    await page.goto(`${server.url}/contacts/new`);
    await page.getByRole('heading', { name: 'Nouvelle personne' }).waitFor();
    await page.getByRole('radio', { name: 'Mme' }).check();
    await page.getByLabel('Prénom').fill('Camille');
    await page.getByLabel('Nom', { exact: true }).fill('Rousseau');
    await page.getByLabel('Adresse e-mail', { exact: true }).first().fill(email);
    await page.getByRole('button', { name: 'Ajouter une adresse e-mail' }).click();
    const second = page.getByRole('group', { name: 'Adresse e-mail n° 2' });
    await second.getByLabel('Adresse e-mail', { exact: true }).fill(workEmail);
    await choose(page, second, 'Type', 'Professionnelle');
    await page.getByRole('button', { name: 'Ajouter un téléphone' }).click();
    await page.getByLabel('Numéro').fill('06 12 34 56 78');
    const tags = page.getByRole('combobox', { name: 'Étiquettes' });
    await tags.fill('mécène');
    await tags.press('Enter');
    await tags.blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'person-form-desktop');

    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.getByRole('heading', { name: 'Mme Camille Rousseau' }).waitFor();
    personId = page.url().split('/contacts/')[1];
    const person = await api(`/contacts/${personId}`);
    expect(person.emails.map((e: { address: string }) => e.address)).toEqual([email, workEmail]);

    await page.goto(`${server.url}/contacts/new`);
    await page.getByLabel('Nom', { exact: true }).fill('Rousseau');
    await page.getByLabel('Adresse e-mail', { exact: true }).first().fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.getByText('Cette personne existe peut-être déjà').waitFor();
    expect(await page.getByRole('link', { name: 'Camille Rousseau' }).getAttribute('href')).toBe(
      `/contacts/${personId}`,
    );
    await page.getByRole('button', { name: 'Revoir ma saisie' }).click();
  });

  it('creates an organisation, showing the SIREN error, and attaches her to it', async () => {
    await page.goto(`${server.url}/organisations/new`);
    await page.getByLabel(/^Nom( \*)?$/).fill('Fondation Lumière');
    await choose(page, page, 'Type', 'Fondation');
    await page.getByLabel('SIREN').fill('123456789');
    await page.getByRole('button', { name: 'Créer la structure' }).click();
    await page
      .getByText(/SIREN invalide/)
      .first()
      .waitFor();
    await page.getByLabel('SIREN').fill('552100554');
    await page.getByRole('button', { name: 'Créer la structure' }).click();
    await page.getByRole('heading', { name: 'Fondation Lumière' }).waitFor();
    organisationId = page.url().split('/organisations/')[1];

    await page.getByRole('button', { name: 'Ajouter un lien' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Nature du lien', 'Salarié·e ou membre de l’équipe');
    await dialog.getByLabel(/^Personne/).fill('Rousseau');
    await page.getByRole('option', { name: /Camille Rousseau/ }).click();
    await dialog.getByLabel('Fonction').fill('Chargée de mécénat');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Camille Rousseau' }).waitFor();
  });

  it('shows her record with the employment, accessible on desktop and phone', async () => {
    await page.goto(`${server.url}/contacts/${personId}`);
    await page.getByRole('heading', { name: 'Mme Camille Rousseau' }).waitFor();
    await page.getByRole('link', { name: 'Fondation Lumière' }).waitFor();
    await page.getByText('Chargée de mécénat · Fondation Lumière').waitFor();
    await page.getByText('Fiche créée').waitFor();
    await page.getByLabel('Nouvelle note').fill('Rencontrée au dîner des mécènes.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByText('« Rencontrée au dîner des mécènes. »').waitFor();
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'person-record-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Mme Camille Rousseau' }).waitFor();
    await screenshot(page, 'person-record-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('never overwrites a save made in another tab: the conflict is resolved field by field', async () => {
    const tab1 = page;
    const tab2 = await context.newPage();
    for (const tab of [tab1, tab2]) {
      await tab.goto(`${server.url}/contacts/${personId}/edit`);
      await tab.getByLabel('Nom d’usage').waitFor();
    }
    await tab1.getByLabel('Nom d’usage').fill('Lefèvre');
    await tab1.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await tab1.getByRole('heading', { name: 'Mme Camille Lefèvre' }).waitFor();

    await tab2.bringToFront();
    await tab2.getByLabel('Nom d’usage').fill('Rousseau-Blanc');
    await tab2.getByLabel('Source').fill('Salon du mécénat');
    await tab2.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const panel = tab2
      .getByRole('alert')
      .filter({ hasText: 'Quelqu’un a modifié cette fiche pendant que vous la modifiiez' });
    await panel.waitFor();
    const usage = panel.getByRole('radiogroup', { name: 'Nom d’usage' });
    expect(await usage.getByRole('radio', { name: /Votre valeur/ }).isChecked()).toBe(true);
    await usage.getByRole('radio', { name: /Sa valeur/ }).check();
    expect(
      await panel
        .getByRole('radiogroup', { name: 'Source' })
        .getByRole('radio', { name: /Votre valeur/ })
        .isChecked(),
    ).toBe(true);
    await screenshot(tab2, 'edit-conflict');
    await panel.getByRole('button', { name: 'Enregistrer avec ces choix' }).click();
    await tab2.getByRole('heading', { name: 'Mme Camille Lefèvre' }).waitFor();
    await tab2.close();

    const person = await api(`/contacts/${personId}`);
    expect(person.usageName).toBe('Lefèvre');
    expect(person.source).toBe('Salon du mécénat');
  });

  it('exports her vCard and re-imports it as an update, not a new person', async () => {
    await page.goto(`${server.url}/contacts/${personId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter la vCard' }).click(),
    ]);
    vcardFile = path.join(mkdtempSync(path.join(tmpdir(), 'parterre-vcard-')), download.suggestedFilename());
    await download.saveAs(vcardFile);
    const text = readFileSync(vcardFile, 'utf8');
    expect(text).toContain('BEGIN:VCARD');
    expect(text).toContain(email);
    expect(download.suggestedFilename()).toMatch(/\.vcf$/);

    await page.getByRole('button', { name: 'Autres actions' }).click();
    await page.getByRole('menuitem', { name: 'Importer des vCard' }).click();
    await page.getByRole('heading', { name: 'Importer des vCard' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(vcardFile);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('1 mise à jour').waitFor();
    await page.getByRole('link', { name: 'Carte n° 1' }).waitFor();

    const filter = JSON.stringify({ all: [{ field: 'email', op: 'eq', value: email }] });
    const list = await api(`/contacts?withTotal=true&filter=${encodeURIComponent(filter)}`);
    expect(list.data.map((p: { id: string }) => p.id)).toEqual([personId]);
    const organisation = await api(`/organisations/${organisationId}`);
    expect(organisation.members.map((m: { personId: string; role: string }) => [m.personId, m.role])).toEqual(
      [[personId, 'Chargée de mécénat']],
    );
  });

  it('moves her to the trash and restores her', async () => {
    await page.goto(`${server.url}/contacts/${personId}`);
    await page.getByRole('button', { name: 'Autres actions' }).click();
    await page.getByRole('menuitem', { name: 'Supprimer', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('heading', { name: 'Corbeille' }).waitFor();
    const restore = page.getByRole('button', { name: /Restaurer Camille/ });
    await restore.click();
    // The table keeps its empty-state text in the page (transparent) even with rows: wait for the row to go.
    await restore.waitFor({ state: 'detached' });
    await page.getByText('Camille Lefèvre a été restauré·e.').waitFor();
    const person = await api(`/contacts/${personId}`);
    expect(person.deletedAt).toBeNull();
  });
});
