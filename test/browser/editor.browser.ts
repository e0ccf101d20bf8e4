import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

import { ensureChromium } from './chromium';
import { examplesDir } from '../../sandbox/examples';
import { freePort, N8nInstance, root, SANDBOX_OWNER, type N8nServer } from '../../sandbox/n8n';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';

/**
 * What a person does in n8n's editor, in a real Chromium, through the UI only: against a real
 * `n8n start` with the pack, the sandbox credentials and the examples loaded (what `npm start`
 * sets up). Every step checks the text on screen and saves a screenshot to .cache/screenshots;
 * with UPDATE_SCREENSHOTS=1 (`npm run screenshots`) the README's pictures in docs/ are replaced.
 */
const shotsDir = join(root, '.cache', 'screenshots');
const docsDir = join(root, 'docs');
/** Screenshots the README shows, by step name. */
const README_SHOTS = ['node-picker', 'lemlist-campaign-update', 'credential-dialog'];

let sandbox: Sandbox;
let n8n: N8nInstance;
let server: N8nServer;
let browser: Browser;
let page: Page;

async function shot(name: string) {
	mkdirSync(shotsDir, { recursive: true });
	const file = join(shotsDir, `${name}.png`);
	await page.screenshot({ path: file });
	if (process.env.UPDATE_SCREENSHOTS && README_SHOTS.includes(name)) {
		mkdirSync(docsDir, { recursive: true });
		copyFileSync(file, join(docsDir, `${name}.png`));
	}
}

const byTestId = (id: string) => page.getByTestId(id);
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
/** An option of the dropdown that is open. */
const option = (text: string) => page.locator('.el-select-dropdown__item:visible').filter({ hasText: exactly(text) });

/** A new workflow with a manual trigger, the node picker open on the trigger's "+". */
async function newWorkflow() {
	await page.goto(`${server.base}/workflow/new`);
	await byTestId('canvas-plus-button').click();
	await byTestId('node-creator-search-bar').fill('manual');
	await byTestId('node-creator-item-name').filter({ hasText: 'Manual Trigger' }).click();
	await byTestId('canvas-handle-plus').click();
}

/** Searches the node picker, opens a node and picks one of its actions. */
async function addAction(search: string, node: string, action: string) {
	await byTestId('node-creator-search-bar').fill(search);
	await byTestId('node-creator-item-name').filter({ hasText: exactly(node) }).click();
	await byTestId('node-creator-item-name').filter({ hasText: exactly(action) }).click();
	await expectVisible(byTestId('ndv'));
}

/** Picks a campaign from the node's list by typing part of its name. */
async function pickCampaign(search: string, name: string) {
	await byTestId('resource-locator-campaignId').getByTestId('rlc-input').click();
	await byTestId('rlc-search').fill(search);
	await byTestId('rlc-item').filter({ hasText: exactly(name) }).click();
}

/** Adds a field of a collection (`which`-th "Add …" button of the node) and returns its input. */
async function addField(which: number, label: string, parameter: string): Promise<Locator> {
	await byTestId('collection-parameter-add').filter({ visible: true }).nth(which).click();
	await option(label).click();
	return byTestId(`parameter-input-${parameter}`).filter({ visible: true });
}

/** Types into a text field, then leaves it (its hint popover would cover the next button). */
async function type(field: Locator, value: string) {
	await field.locator('input').fill(value);
	await page.keyboard.press('Tab');
}

/** What the providers were asked to change (the pickers' reads left out). */
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));

/** Runs the open node, waits for `expected` in its output panel and answers the panel's text. */
async function executeStep(expected: string): Promise<string> {
	await byTestId('node-execute-button').filter({ visible: true }).click();
	const output = byTestId('output-panel').filter({ visible: true });
	await output.getByText(expected).first().waitFor();
	return await output.innerText();
}

/** Waits for a locator to show; a step whose panel never shows fails on the page's timeout. */
const expectVisible = async (locator: Locator) => await locator.waitFor({ state: 'visible' });

beforeAll(async () => {
	const executablePath = ensureChromium((line) => process.stdout.write(`${line}\n`));
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	await n8n.importCredentials(sandbox.credentials());
	await n8n.importWorkflowFolder(examplesDir);
	server = n8n.startServer(await freePort(), { quiet: true });
	await server.ready();
	selectors.setTestIdAttribute('data-test-id');
	browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	// The editor's own pace: a busy machine may take a while to render a panel.
	page.setDefaultTimeout(60_000);
	await page.goto(`${server.base}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(SANDBOX_OWNER.email);
	await page.locator('input[name="password"]').fill(SANDBOX_OWNER.password);
	await byTestId('form-submit-button').click();
	await page.waitForURL(/\/home/);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	n8n?.dispose();
	await sandbox?.close();
});

beforeEach(() => {
	sandbox.requests.length = 0;
});

describe('the editor in a real browser', () => {
	it('finds both lemlist nodes in the node picker, tells them apart, and adds Lemlist Outreach → Campaign → Update', async () => {
		await newWorkflow();
		await byTestId('node-creator-search-bar').fill('lemlist');
		const names = byTestId('node-creator-item-name');
		await names.filter({ hasText: exactly('Lemlist Outreach') }).waitFor();
		expect(await names.allInnerTexts()).toEqual(['Lemlist', 'Lemlist Outreach']);
		await shot('node-picker');
		await names.filter({ hasText: exactly('Lemlist Outreach') }).click();
		const actions = await names.allInnerTexts();
		expect(actions).toEqual(expect.arrayContaining(['Update a campaign', 'Get many campaign leads', 'Mark a campaign lead as interested']));
		await shot('lemlist-actions');
		await names.filter({ hasText: exactly('Update a campaign') }).click();
		await expectVisible(byTestId('ndv'));
		expect(await byTestId('node-credentials-select').locator('input').inputValue()).toBe('lemlist (sandbox)');
	});

	it('picks the campaign by name, sets its name and a tracking setting, runs the step and shows lemlist\'s answer', async () => {
		await pickCampaign('founders', 'Founders EU (paused)');
		await type(await addField(0, 'Name', 'name'), 'Founders EU (autumn)');
		await addField(2, 'Track Opens', 'trackOpens');
		const output = await executeStep('Founders EU (autumn)');
		expect(output).toContain('trackOpens');
		await shot('lemlist-campaign-update');
		expect(writes()).toEqual([
			{ method: 'PATCH', path: '/api/campaigns/cam_B2', body: { name: 'Founders EU (autumn)', tracking: { trackOpens: true } } },
		]);
	});

	it('shows the credential dialog with the Base URL and the key hidden', async () => {
		await byTestId('credential-edit-button').click();
		const dialog = page.getByRole('dialog').filter({ hasText: 'lemlist (sandbox)' });
		await expectVisible(dialog);
		const text = await dialog.innerText();
		expect(text).toContain('API Key');
		expect(text).toContain('Base URL');
		expect(await page.content()).not.toContain(sandbox.apiKey('lemlist'));
		await shot('credential-dialog');
		await dialog.getByRole('button', { name: 'Close' }).first().click();
		await dialog.waitFor({ state: 'hidden' });
		await byTestId('ndv-close-button').filter({ visible: true }).click();
	});

	it('Smartlead: updates a campaign\'s sending window', async () => {
		await newWorkflow();
		await addAction('smartlead', 'Smartlead Outreach', 'Update a campaign schedule');
		await pickCampaign('q4', 'Q4 Outbound (ACTIVE)');
		await type(await addField(0, 'Timezone', 'timezone'), 'Europe/Berlin');
		await type(await addField(0, 'Start Hour', 'start_hour'), '08:30');
		await type(await addField(0, 'End Hour', 'end_hour'), '17:00');
		const output = await executeStep('campaignId');
		expect(output).toContain('101');
		await shot('smartlead-schedule');
		expect(writes()).toEqual([
			{ method: 'POST', path: '/api/v1/campaigns/101/schedule?api_key=***', body: { timezone: 'Europe/Berlin', start_hour: '08:30', end_hour: '17:00' } },
		]);
		await byTestId('ndv-close-button').filter({ visible: true }).click();
	});

	it('SendKit: tags a campaign lead with an AI tag picked from the workspace\'s dropdown', async () => {
		await newWorkflow();
		await addAction('sendkit', 'SendKit Outreach', 'Update a campaign lead');
		await pickCampaign('Q1 Outreach', 'Q1 Outreach Campaign (active)');
		await type(byTestId('parameter-input-campaignLeadId').filter({ visible: true }), '666a1b2c3d4e5f6a7b8c9d01');
		await addField(0, 'AI Tag Name or ID', 'aiTag');
		// The dropdown holds the workspace's labels, loaded from SendKit. On a busy machine the first
		// click can land while the field is still being drawn and open nothing (the next click closes
		// that empty list, the one after opens it afresh), and a list that opened can close again
		// while n8n redraws the field: open it and pick until the pick is made.
		const aiTag = byTestId('parameter-input-aiTag').filter({ visible: true });
		for (let attempt = 1; ; attempt++) {
			if (!(await option('Interested').isVisible())) await aiTag.click();
			const picked = await option('Interested')
				.waitFor({ timeout: 15_000 })
				.then(async () => {
					for (const tag of ['Interested', 'Meeting Booked', 'Not Interested', 'Out of Office']) await option(tag).waitFor({ timeout: 5_000 });
					await option('Meeting Booked').click({ timeout: 10_000 });
					return true;
				})
				.catch(() => false);
			if (picked) break;
			await shot(`sendkit-ai-tag-try-${attempt}-failed`);
			if (attempt === 4) throw new Error('The AI tag dropdown did not let "Meeting Booked" be picked from the workspace\'s labels after 4 tries');
		}
		await executeStep('Meeting Booked');
		await shot('sendkit-ai-tag');
		expect(writes()).toEqual([{ method: 'PATCH', path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01', body: { aiTag: 'Meeting Booked' } }]);
		await byTestId('ndv-close-button').filter({ visible: true }).click();
	});

	it('Outreach: one node for the three providers; the provider follows the credential picked, SendKit offers no Update, and a lead given by email is paused', async () => {
		await newWorkflow();
		await addAction('outreach', 'Outreach', 'Pause a lead');
		// n8n shows the field the credentials depend on (Provider) as the credential list itself:
		// it offers every provider's credentials, and picking one sets the provider.
		const credential = byTestId('node-credentials-select').filter({ visible: true });
		const operations = async () => {
			await byTestId('parameter-input-operation').filter({ visible: true }).click();
			await page.locator('.el-select-dropdown__item:visible').first().waitFor();
			const texts = await page.locator('.el-select-dropdown__item:visible').allInnerTexts();
			await page.keyboard.press('Escape');
			return texts.map((text) => text.split('\n')[0].trim());
		};
		await credential.click();
		await page.locator('.el-select-dropdown__item:visible').first().waitFor();
		const offered = await page.locator('.el-select-dropdown__item:visible').allInnerTexts();
		expect(offered.map((text) => text.split('\n')[0].trim())).toEqual(expect.arrayContaining(['lemlist (sandbox)', 'Smartlead (sandbox)', 'SendKit (sandbox)']));
		await shot('outreach-credentials');
		await page.locator('.el-select-dropdown__item:visible').filter({ hasText: 'Smartlead (sandbox)' }).first().click();
		expect(await credential.locator('input').inputValue()).toBe('Smartlead (sandbox)');
		expect(await operations()).toContain('Update');
		await credential.click();
		await page.locator('.el-select-dropdown__item:visible').filter({ hasText: 'SendKit (sandbox)' }).first().click();
		expect(await credential.locator('input').inputValue()).toBe('SendKit (sandbox)');
		const sendKitOperations = await operations();
		expect(sendKitOperations).toEqual(expect.arrayContaining(['Pause', 'Mark Interested']));
		expect(sendKitOperations).not.toContain('Update');
		// Switching provider keeps the operation.
		expect(await byTestId('parameter-input-operation').filter({ visible: true }).locator('input').inputValue()).toBe('Pause');
		await pickCampaign('Q1 Outreach', 'Q1 Outreach Campaign (active)');
		await type(byTestId('parameter-input-lead').filter({ visible: true }), 'ada@example.com');
		// Simplify is offered, off in a workflow; on, the item leaves out the provider's whole record.
		const simplify = byTestId('parameter-input-simplify').filter({ visible: true });
		await expectVisible(simplify);
		expect(await simplify.locator('.el-switch.is-checked').count()).toBe(0);
		await simplify.locator('.el-switch').click();
		expect(await simplify.locator('.el-switch.is-checked').count()).toBe(1);
		const output = await executeStep('sendKit');
		expect(output).toContain('paused');
		expect(output).toContain('ada@example.com');
		expect(output).not.toMatch(/\braw\b/);
		await shot('outreach-sendkit-pause');
		expect(writes()).toEqual([{ method: 'PATCH', path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01', body: { status: 'paused' } }]);
		await byTestId('ndv-close-button').filter({ visible: true }).click();
	});

	it('runs the bulk example: the bad row\'s error item is in the output, the other rows went through', async () => {
		await page.goto(`${server.base}/workflow/exBulkLeadUpdate`);
		await byTestId('execute-workflow-button').click();
		await page.getByText(/Workflow executed successfully/).waitFor();
		await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Update Campaign Lead' }).dblclick();
		const output = byTestId('output-panel');
		await output.getByText('lemlist answered 404: Lead not found').first().waitFor();
		expect(await output.innerText()).toContain('3 items');
		await shot('bulk-example-error-item');
		expect(sandbox.requests.map((request) => request.status)).toEqual([200, 404, 200]);
	});
});
