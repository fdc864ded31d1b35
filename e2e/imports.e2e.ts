import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DESKTOP, launchBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, repoRoot, startServer } from './support/server.ts';

const admin = {
  name: 'Claire Administratrice',
  email: 'claire@theatre-exemple.fr',
  password: 'mot-de-passe-solide-2026',
};
const EXTRA_BUYERS = 300;
const presetName = 'Export salle sans type de produit';

function serious(violations: { impact: string }[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * The French box-office fixture (Windows-1252, « ; », a multi-line address, a refund, an impossible
 * date and an anonymous sale), followed by one ticket for each of 1,500 more buyers and a row with an
 * unreadable price: 330 rows, 3 of them rejected.
 */
function boxOfficeExport(dir: string): string {
  const fixture = readFileSync(
    path.join(repoRoot, 'server/src/modules/intake/fixtures/french-venue-cp1252.csv'),
  );
  const performance = 'S01;Le Misanthrope;R011;Le Misanthrope — 12 mars;12/03/2025;20:30;12/03/2025;22:45';
  const lines = Array.from({ length: EXTRA_BUYERS }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return `B3${n};C7${n};06/03/2025;12:00;${performance};15,00;Billet;Internet;Spectateur${n};Léa;lea.spectateur${n}@example.fr;${n} rue de la Comédie;69001;France;30;F`;
  });
  lines.push(
    `B39999;C79999;06/03/2025;12:00;${performance};douze euros;Billet;Guichet;Martin;Éric;eric.martin@example.fr;;;France;;`,
  );
  const file = path.join(dir, 'export-billetterie-salle.csv');
  writeFileSync(file, Buffer.concat([fixture, iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1252')]));
  return file;
}

/** The number shown in the report's card for a count ("1 523" → 1523). */
async function shownCount(page: Page, label: string): Promise<number> {
  const term = page.locator('dl dt').filter({ hasText: new RegExp(`^${label}$`) });
  const text = await term.locator('xpath=following-sibling::dd[1]/p[1]').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

describe('file import assistant in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let exportFile: string;

  const api = async (pathAndQuery: string) => {
    // The embedded database answers one query at a time: a request may wait for an import chunk.
    const response = await context.request.get(`${server.url}/api/v1${pathAndQuery}`, { timeout: 120_000 });
    expect(response.status()).toBe(200);
    return response.json();
  };
  const peopleCount = async () => (await api('/contacts?withTotal=true&limit=1')).total as number;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: DESKTOP,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    const setup = await context.request.post(`${server.url}/api/v1/setup`, { data: admin });
    expect(setup.status()).toBe(201);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    dir = mkdtempSync(path.join(tmpdir(), 'parterre-imports-'));
    exportFile = boxOfficeExport(dir);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a file that is not an export before uploading it, and shows the server’s reason for one it cannot read', async () => {
    await page.goto(`${server.url}/`);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Imports de fichiers' })
      .click();
    await page.getByRole('heading', { name: 'Imports de fichiers' }).waitFor();
    await page.getByText('Aucun import pour le moment.').waitFor();
    await page.getByRole('link', { name: 'Nouvel import' }).click();
    await page.getByRole('heading', { name: 'Importer un fichier de billetterie' }).waitFor();

    const input = page.locator('input[type="file"]');
    const pdf = path.join(dir, 'programme.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    await input.setInputFiles(pdf);
    await page
      .getByRole('alert')
      .filter({ hasText: '« programme.pdf » n’est pas un fichier CSV ou XLSX' })
      .waitFor();

    const blank = path.join(dir, 'vide.csv');
    writeFileSync(blank, '\r\n\r\n');
    await input.setInputFiles(blank);
    await page.getByRole('alert').filter({ hasText: 'Le fichier ne contient pas de ligne d' }).waitFor();
  });

  it('reads a Windows-1252 « ; » export, recognises its layout and shows its first rows', async () => {
    await page.locator('input[type="file"]').setInputFiles(exportFile);
    await page.getByText('Windows-1252 (Excel sous Windows)').waitFor();
    await page.getByText('point-virgule « ; »').waitFor();
    await page
      .getByText(
        'Ce fichier a les colonnes du modèle « Billetterie de salle — export des billets (CSV « ; ») »',
      )
      .waitFor();
    const table = page.getByRole('table').filter({ hasText: 'Les 10 premières lignes du fichier' });
    await table.getByRole('cell', { name: 'Lefèvre' }).first().waitFor();
    await table.getByRole('cell', { name: 'Cœur battant — concert' }).first().waitFor();
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'imports-file-desktop');
    await page.setViewportSize(PHONE);
    await page.getByText('point-virgule « ; »').waitFor();
    await screenshot(page, 'imports-file-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('maps the columns from the preset, ignores one, and saves the result as the institution’s preset', async () => {
    await page.getByRole('button', { name: 'Étape suivante' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Modèle d’import' }).inputValue(), { timeout: 30_000 })
      .toBe('Billetterie de salle — export des billets (CSV « ; »)');
    const column = (name: string) => page.getByRole('group', { name, exact: true });
    expect(await column('Nom').getByRole('combobox', { name: 'Destination' }).inputValue()).toBe('Nom');
    expect(
      await column('Date reservation').getByRole('combobox', { name: 'Format de date' }).inputValue(),
    ).toBe('dd/MM/yyyy');
    expect(await column('Sexe').getByRole('combobox', { name: 'Destination' }).inputValue()).toBe(
      'Ignorer la colonne',
    );
    await column('Type de produit').getByRole('combobox', { name: 'Destination' }).click();
    await page.getByRole('option', { name: 'Ignorer la colonne' }).click();
    expect(await column('Type de produit').getByRole('combobox', { name: 'Destination' }).inputValue()).toBe(
      'Ignorer la colonne',
    );
    await page.getByRole('textbox', { name: 'Nom du modèle' }).fill(presetName);
    await page.getByRole('button', { name: 'Enregistrer comme modèle' }).click();
    await page.getByText(`Modèle « ${presetName} » enregistré.`).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Modèle d’import' }).inputValue(), { timeout: 30_000 })
      .toBe(presetName);
    expect(
      await page.getByRole('radio', { name: 'Signaler les doublons probables (conseillé)' }).isChecked(),
    ).toBe(true);
    // Every buyer of this file has an e-mail of their own: the fuzzy duplicate search is not needed.
    await page.getByRole('radio', { name: 'Ne pas chercher de doublons' }).check();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'imports-mapping-desktop');
    await page.setViewportSize(PHONE);
    await column('Nom').waitFor();
    await screenshot(page, 'imports-mapping-phone');
    await page.setViewportSize(DESKTOP);

    const presets = await api('/intake/presets');
    const saved = presets.items.find((p: { name: string }) => p.name === presetName);
    expect(saved.source).toBe('french-venue');
    expect(saved.columns['Type de produit']).toBeUndefined();
    expect(saved.columns.Prix).toEqual({ target: 'line.amount', transform: 'decimal' });
  });

  it('simulates the import: the counts and the rejected rows, with nothing written', async () => {
    await page.getByRole('button', { name: 'Étape suivante' }).click();
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByRole('heading', { name: 'Ce que ferait l’import' }).waitFor({ timeout: 240_000 });
    expect(await shownCount(page, 'Lignes lues')).toBe(29 + EXTRA_BUYERS + 1);
    expect(await shownCount(page, 'Créations')).toBe(23 + EXTRA_BUYERS);
    expect(await shownCount(page, 'Mises à jour')).toBe(0);
    expect(await shownCount(page, 'Lignes rejetées')).toBe(3);
    const rejected = page.getByRole('table').filter({ hasText: 'Lignes rejetées et leur motif' });
    await rejected.getByRole('cell', { name: /Date illisible « 31\/02\/2024 »/ }).waitFor();
    await rejected.getByRole('cell', { name: /Ni nom, ni e-mail/ }).waitFor();
    await rejected
      .getByRole('cell', { name: /douze euros/ })
      .first()
      .waitFor();
    expect(await peopleCount()).toBe(0);
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'imports-dry-run-desktop');
  }, 300_000);

  it('imports with a live progress bar, then reports and serves the rejected rows as CSV', async () => {
    await page.getByRole('button', { name: 'Étape suivante' }).click();
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    const progress = page.getByRole('progressbar', { name: 'Avancement de l’import' });
    await progress.waitFor({ state: 'attached' });
    // The first state the page shows after the start: running with a speed, or already finished.
    await page
      .getByText(/lignes\/s|Terminée/)
      .first()
      .waitFor({ timeout: 120_000 });
    await screenshot(page, 'imports-progress-desktop');
    await page.getByRole('heading', { name: 'Rapport d’import' }).waitFor({ timeout: 240_000 });
    await page.getByRole('status').filter({ hasText: 'Terminée' }).waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await page.getByText(/^330 lignes lues · [\d\s]+ lignes\/s$/).waitFor();
    expect(await shownCount(page, 'Créations')).toBe(23 + EXTRA_BUYERS);
    expect(await shownCount(page, 'Lignes rejetées')).toBe(3);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger les lignes rejetées (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rejets-.*\.csv$/);
    const csvFile = path.join(dir, download.suggestedFilename());
    await download.saveAs(csvFile);
    const bytes = readFileSync(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Ligne;Motif;Numero billet;Reservation;Date reservation;/);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([
      '28',
      '29',
      String(29 + EXTRA_BUYERS + 2),
    ]);
    expect(lines[1]).toContain('Date illisible « 31/02/2024 »');
    expect(lines[1]).toContain(';B1026;C523;31/02/2024;');
    expect(lines[3]).toContain('douze euros');

    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'imports-report-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Rapport d’import' }).waitFor();
    await screenshot(page, 'imports-report-phone');
    await page.setViewportSize(DESKTOP);
  }, 300_000);

  it('wrote the people and their orders, and a second import of the same file creates nothing', async () => {
    expect(await peopleCount()).toBe(11 + EXTRA_BUYERS);
    const filter = JSON.stringify({
      all: [{ field: 'email', op: 'eq', value: 'helene.lefevre@example.fr' }],
    });
    const helene = (await api(`/contacts?filter=${encodeURIComponent(filter)}`)).data;
    expect(helene).toHaveLength(1);
    const orders = await api(`/orders?personId=${helene[0].id}`);
    expect(orders.data.map((o: { externalId: string }) => o.externalId).sort()).toEqual([
      'C501',
      'C511',
      'C521',
    ]);
    expect(orders.data.every((o: { source: string }) => o.source === 'french-venue')).toBe(true);

    const { csrfToken } = await api('/auth/me');
    const again = await context.request.post(`${server.url}/api/v1/imports`, {
      headers: { 'x-csrf-token': csrfToken },
      multipart: {
        preset: presetName,
        dedupe: 'off',
        file: {
          name: 'export-billetterie-salle.csv',
          mimeType: 'text/csv',
          buffer: readFileSync(exportFile),
        },
      },
    });
    expect(again.status()).toBe(202);
    const { importId } = await again.json();
    await expect
      .poll(async () => (await api(`/imports/${importId}`)).status, { timeout: 240_000, interval: 500 })
      .toBe('succeeded');
    const second = await api(`/imports/${importId}`);
    expect(second.preset).toBe(presetName);
    expect(second.counts).toEqual({
      rows: 29 + EXTRA_BUYERS + 1,
      created: 0,
      updated: 0,
      unchanged: 23 + EXTRA_BUYERS,
      merged: 0,
      rejected: 3,
    });
    expect(await peopleCount()).toBe(11 + EXTRA_BUYERS);
  }, 300_000);

  it('lists the imports in the history, each opening its report', async () => {
    await page.goto(`${server.url}/imports`);
    const table = page.getByRole('table', { name: 'Historique des imports' });
    const links = table.getByRole('link', { name: 'export-billetterie-salle.csv' });
    await links.nth(2).waitFor();
    expect(await links.count()).toBe(3);
    await table.getByText('Simulation').waitFor();
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'imports-history-desktop');
    await table.getByRole('link', { name: 'export-billetterie-salle.csv' }).first().click();
    await page.getByRole('heading', { name: 'export-billetterie-salle.csv' }).waitFor();
    await page.getByText(`modèle : ${presetName}`).waitFor();
    await page.getByRole('heading', { name: 'Rapport d’import' }).waitFor();
    expect(await shownCount(page, 'Sans changement')).toBe(23 + EXTRA_BUYERS);
  });
});
