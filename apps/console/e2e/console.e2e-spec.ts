/**
 * The partner console in a real browser (Debian's Chromium via playwright-core) against the real API:
 * a distributor signs in by pasting its token and claims a client the company owns; the company,
 * signed in with a dev link and watching the dispute list, sees the dispute appear through the event
 * feed without reloading; compliance resolves it; the claims register exports CSV; the client's
 * ownership timeline tells the whole story. Each main view is saved to test-output/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumMissing, collectPageErrors, launchChromium, screenshot } from '../testing/browser';
import { startConsoleServer, type ConsoleServer } from '../testing/console-server';
import {
  BAKERY,
  buildWorld,
  PLAN_THIS_MONTH_MINOR,
  POLICY_ID,
  SALE_QUANTITIES,
  tokensFor,
  UNIT_PRICE_MINOR,
  type Tokens,
} from '../testing/console-world';

const WAIT = { timeout: 20_000 };
const missing = chromiumMissing();
if (missing) process.stdout.write(`console end-to-end spec skipped: ${missing}\n`);
const describeInBrowser = missing ? describe.skip : describe;

describeInBrowser('partner console in headless Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let tokens: Tokens;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let acme: Page;
  let company: Page;
  let compliance: Page;
  let disputeId: string;

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    return page;
  }

  async function signInByPasting(page: Page, token: string): Promise<void> {
    await page.goto(`${server.base}/console/`);
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('whoami').waitFor(WAIT);
  }

  /** Moves to a view as a click on the navigation does: a new hash, no reload (the page and its live stream stay). */
  const go = (page: Page, route: string) =>
    page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/${route}`);
  const liveFeedOpen = (page: Page) => page.locator('[data-live="open"]').waitFor(WAIT);

  beforeAll(async () => {
    server = await startConsoleServer();
    tokens = await tokensFor(server);
    await buildWorld(server, tokens);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('serves the console same-origin under its own CSP, outside the OpenAPI document', async () => {
    const res = await fetch(`${server.base}/console/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="app">');
    const doc = (await (await fetch(`${server.base}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/console'))).toEqual([]);
  });

  it('signs the distributor in by a pasted token and shows who it is and what it may see', async () => {
    acme = await openPage();
    await acme.goto(`${server.base}/console/`);
    await screenshot(acme, '01-sign-in');
    await signInByPasting(acme, tokens.acme);
    expect(await acme.getByTestId('whoami-party').textContent()).toBe('distributor');
    await acme.getByTestId('whoami-probe').waitFor(WAIT);
    expect(await acme.getByTestId('whoami-probe').textContent()).toContain('Acme Distribution, territories PL-MZ');
    await screenshot(acme, '02-whoami-distributor');
  }, 60_000);

  it('shows the company the policy with its signatures and the amendment side by side', async () => {
    company = await openPage();
    await company.goto(`${server.base}/console/#token=${tokens.company}`); // the CLI's dev link
    await company.getByTestId('whoami').waitFor(WAIT);
    expect(company.url()).not.toContain('token=');
    await go(company, `policies/${POLICY_ID}`);
    await company.getByTestId('versions').waitFor(WAIT);
    const versions = await company.getByTestId('versions').textContent();
    expect(versions).toContain('distributor jan');
    expect(versions).toContain('company anna');
    await company.getByRole('button', { name: 'Compare v1 ↔ v2' }).click();
    const diff = await company.getByTestId('terms-diff').textContent();
    expect(diff).toContain('plan.periods[6].amount.minor');
    expect(diff).toContain('bonus.tiers[2].thresholdBp');
    await screenshot(company, '03-policy-amendment-diff');
  }, 60_000);

  it('draws plan vs actual with the bonus tiers as thresholds, and the promotion budget as stacked bars', async () => {
    await go(company, 'plan');
    await company.getByTestId('plan-chart').waitFor(WAIT);
    expect(await company.getByTestId('tier-line').count()).toBe(3);
    const month = new Date().toISOString().slice(0, 7);
    const actual = SALE_QUANTITIES.reduce((sum, q) => sum + q * UNIT_PRICE_MINOR, 0);
    const attainment = `${(Math.floor((actual * 10_000) / PLAN_THIS_MONTH_MINOR) / 100).toFixed(2)}%`;
    expect(await company.locator(`[data-period="${month}"] title`).allTextContents()).toContainEqual(
      expect.stringContaining(`(${attainment})`),
    );
    await screenshot(company, '04-plan-vs-actual');
    await go(company, 'budget');
    await company.getByTestId('budget-bar').waitFor(WAIT);
    const segments = await company.locator('[data-segment]').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-segment')));
    expect(segments).toEqual(['company', 'distributor', 'settled', 'committed', 'balance']);
    expect(await company.getByTestId(`budget-${POLICY_ID}`).textContent()).toMatch(/settled: PLN\s2,500\.00/); // the trade fair settled at 250 000 minor units
    await screenshot(company, '05-promotion-budget');
  }, 60_000);

  it('lets the distributor claim the company’s client: the dispute appears live in the company’s list', async () => {
    await go(company, 'disputes');
    await company.getByTestId('dispute-list').waitFor(WAIT);
    expect(await company.locator('[data-dispute]').count()).toBe(0);
    await liveFeedOpen(company);

    await go(acme, `clients/${BAKERY.clientId}`);
    await acme.getByTestId('claim').click();
    const outcome = acme.getByTestId('claim-outcome');
    await outcome.getByRole('link').waitFor(WAIT);
    expect(await outcome.textContent()).toContain('Your claim found the company owning this client and opened dispute');
    disputeId = (await outcome.getByRole('link').textContent())!.trim();
    await screenshot(acme, '06-client-claim-contested');

    // No reload and no navigation: the list was loaded before the claim, and the feed brings the dispute.
    await company.locator(`[data-dispute="${disputeId}"]`).waitFor(WAIT);
    expect(await company.locator(`[data-dispute="${disputeId}"]`).textContent()).toContain('open');
    await company.locator('[data-testid="live"] [data-type="DisputeOpened"]').waitFor(WAIT);
    await screenshot(company, '07-disputes-live');
  }, 60_000);

  it('lets compliance read the dispute’s timeline and resolve it for the distributor', async () => {
    compliance = await openPage();
    await signInByPasting(compliance, tokens.compliance);
    await go(compliance, `disputes/${disputeId}`);
    await compliance.getByTestId('resolve-form').waitFor(WAIT);
    expect(await compliance.locator('[data-testid="dispute-timeline"] li').first().getAttribute('data-kind')).toBe('opened');
    await compliance.locator('#decision').fill('acme served the bakery first; the hand-over was for one order only');
    await compliance.locator('#owner').selectOption('distributor:acme');
    await compliance.getByRole('button', { name: 'Resolve' }).click();
    await compliance.getByTestId('dispute-resolution').waitFor(WAIT);
    expect(await compliance.getByTestId('dispute-resolution').textContent()).toContain('the client goes to distributor acme');
    await compliance.locator('[data-testid="dispute-timeline"] [data-kind="resolved"]').waitFor(WAIT);
    await screenshot(compliance, '08-dispute-resolved');
  }, 60_000);

  it('shows compliance the claims register with filters, and exports it as CSV with the token', async () => {
    await go(compliance, 'claims');
    await compliance.getByTestId('claims-table').waitFor(WAIT);
    await compliance.locator('select[name="outcome"]').selectOption('disputed');
    await compliance.getByRole('button', { name: 'Filter' }).click();
    await compliance.locator('[data-claim]').first().waitFor(WAIT);
    await waitUntil(async () => (await compliance.locator('[data-claim]').count()) === 1);
    expect(await compliance.locator('[data-claim]').textContent()).toContain('disputed');
    await screenshot(compliance, '09-claims-register');
    const [download] = await Promise.all([compliance.waitForEvent('download'), compliance.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('claims.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^id,clientId,clientLegalName,at,claimant,outcome,/);
    expect(csv.filter((line) => line.includes(disputeId))).toHaveLength(1);
  }, 60_000);

  it('tells the client’s ownership story: claimed, handed over, contested, disputed, resolved, moved back', async () => {
    await go(acme, `clients/${BAKERY.clientId}`);
    const timeline = acme.getByTestId('ownership-timeline');
    await timeline.locator('[data-kind="dispute-settled"]').waitFor(WAIT);
    const kinds = await timeline.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds).toEqual([
      'claimed',
      'transferred',
      'claim-contested',
      'dispute-opened',
      'dispute-resolved',
      'transferred',
      'dispute-settled',
    ]);
    expect(await acme.getByTestId('client-owner').textContent()).toContain('Owner: distributor acme');
    expect(
      await acme.locator('[data-testid="ownership-lane"] [data-owner]').evaluateAll((r) => r.map((x) => x.getAttribute('data-owner'))),
    ).toEqual(['distributor:acme', 'company', 'distributor:acme']);
    await screenshot(acme, '10-client-ownership');
  }, 60_000);

  it('ran every view without a script error or a CSP violation', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** Polls a condition the page reaches asynchronously (a list reloaded after a filter). */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
