import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DESKTOP, launchBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

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

function serious(violations: { impact: string }[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function signIn(page: Page, server: RunningServer, who: { email: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
}

async function signOut(page: Page, name: string) {
  await page.getByRole('button', { name: `Menu de ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
}

describe('platform foundation in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', locale: 'fr-FR' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks a newcomer through first-run setup to a French home page', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bienvenue dans Parterre' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await page.getByLabel('Nom').fill(admin.name);
    await page.getByLabel('Adresse e-mail').fill(admin.email);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: false }).first().fill(admin.password);
    await page.getByLabel('Confirmation du mot de passe').fill(admin.password);
    await screenshot(page, 'setup-desktop');
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
    await page.getByRole('heading', { name: `Bonjour, ${admin.name}` }).waitFor();
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await screenshot(page, 'home-desktop');
  });

  it('signs out and back in, with a readable error on a wrong password', async () => {
    await signOut(page, admin.name);
    await page.getByLabel('Adresse e-mail').fill(admin.email);
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .getByText(/incorrect|invalide/i)
      .first()
      .waitFor();
    await screenshot(page, 'login-error-desktop');
    await signIn(page, server, admin);
  });

  it('lets the administrator create an agent of the box office', async () => {
    await page.getByRole('link', { name: 'Utilisateurs' }).first().click();
    await page.getByRole('heading', { name: 'Utilisateurs' }).waitFor();
    expect(serious(await accessibilityViolations(page))).toEqual([]);
    await page.getByRole('link', { name: 'Créer un utilisateur' }).click();
    await page.getByLabel('Nom').fill(agent.name);
    await page.getByLabel('Adresse e-mail').fill(agent.email);
    await page.getByLabel('Définir un mot de passe maintenant').check();
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill(agent.password);
    await page.getByRole('checkbox', { name: 'Agent' }).check();
    await page.getByRole('checkbox', { name: 'Billetterie' }).check();
    await screenshot(page, 'user-create-desktop');
    await page.getByRole('button', { name: 'Créer un utilisateur' }).click();
    await page.getByText('L’utilisateur a été créé.').first().waitFor();
  });

  it('keeps the agent out of the administration screens and routes', async () => {
    await signOut(page, admin.name);
    await signIn(page, server, agent);
    expect(await page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    const apiAnswer = await page.request.get(`${server.url}/api/v1/users`);
    expect(apiAnswer.status()).toBe(403);
    expect((await apiAnswer.json()).code).toBe('common.forbidden');
    const auditAnswer = await page.request.get(`${server.url}/api/v1/audit`);
    expect(auditAnswer.status()).toBe(403);
  });

  it('creates a personal API token once, uses it, then revokes it', async () => {
    await page.goto(`${server.url}/account/tokens`);
    await page.getByRole('button', { name: 'Créer un jeton' }).click();
    await page.getByLabel('Nom').fill('Synchronisation site web');
    await page.getByRole('combobox', { name: 'Permissions' }).click();
    await page.getByRole('option', { name: /Toutes les permissions/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').getByRole('button', { name: 'Créer un jeton' }).click();
    const secret = (await page.getByTestId('token-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^prt_/);
    await screenshot(page, 'token-created-desktop');
    const me = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe(agent.email);
    await page.getByRole('button', { name: 'J’ai copié le jeton' }).click();
    await page.getByRole('button', { name: 'Révoquer le jeton Synchronisation site web' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Révoquer' }).click();
    await page.getByText('Révoqué').first().waitFor();
    const after = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status).toBe(401);
  });

  it('refuses a stale update with 412 instead of overwriting', async () => {
    await signOut(page, agent.name);
    await signIn(page, server, admin);
    const me = await (await page.request.get(`${server.url}/api/v1/auth/me`)).json();
    const headers = { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
    const users = await (await page.request.get(`${server.url}/api/v1/users?q=marc`)).json();
    const target = users.data[0];
    const first = await page.request.patch(`${server.url}/api/v1/users/${target.id}`, {
      headers: { ...headers, 'if-match': `"${target.version}"` },
      data: { name: 'Marc B.' },
    });
    expect(first.status()).toBe(200);
    const second = await page.request.patch(`${server.url}/api/v1/users/${target.id}`, {
      headers: { ...headers, 'if-match': `"${target.version}"` },
      data: { name: 'Marc Dupuis' },
    });
    expect(second.status()).toBe(412);
    expect((await second.json()).code).toBe('common.stale');
    const reread = await (await page.request.get(`${server.url}/api/v1/users/${target.id}`)).json();
    expect(reread.name).toBe('Marc B.');
  });

  it('fits a phone screen and keeps the navigation reachable', async () => {
    const phone = await browser.newContext({
      viewport: PHONE,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      isMobile: true,
    });
    const phonePage = await phone.newPage();
    await signIn(phonePage, server, admin);
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(serious(await accessibilityViolations(phonePage))).toEqual([]);
    await screenshot(phonePage, 'home-phone');
    await phone.close();
  });
});
