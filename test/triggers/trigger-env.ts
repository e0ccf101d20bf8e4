import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import { runHookMethod, runWebhook, triggerWebhookUrl } from '../../sandbox/engine';
import { useProviderMock } from '../harness/provider-env';
import type { HttpMock } from '../../sandbox/providers/http-mock';
import type { HookStore, Outgoing } from '../../sandbox/providers/hooks';

/** What one delivery did in the trigger: the status n8n answers with, and the execution's items. */
export interface Outcome {
	status: number;
	/** The items of the execution the delivery started; undefined when it started none. */
	items?: IDataObject[];
}

/**
 * One trigger node in one workflow, as n8n runs its lifecycle: `activate` calls `checkExists` and
 * `create` when it answers false; `deactivate` calls `delete`. The provider stand-in's deliveries
 * reach the trigger's `webhook` method through n8n-core's WebhookContext (no HTTP in between).
 */
export function useTrigger<Mock extends HttpMock & { hooks: HookStore }>(
	type: string,
	start: () => Promise<Mock>,
	credentialsOf: (mock: Mock) => Record<string, ICredentialDataDecryptedObject>,
) {
	const env = useProviderMock(start);
	const outcomes: Outcome[] = [];

	/** `webhookOrigin`: where n8n serves webhooks (its WEBHOOK_URL), for a move of n8n's address. */
	const trigger = (parameters: INode['parameters'], staticData: IDataObject = {}, isTest = false, webhookOrigin?: string) => {
		const setup = () => ({ type, credentials: credentialsOf(env.mock), parameters, staticData, isTest, webhookOrigin });
		const sendToTrigger = async ({ url, rawBody, headers = {} }: Outgoing) => {
			const query = Object.fromEntries(new URL(url).searchParams);
			const { result, response } = await runWebhook({ ...setup(), delivery: { body: JSON.parse(rawBody) as IDataObject, rawBody, headers, query } });
			const items = result.workflowData?.[0]?.map((item) => item.json);
			const outcome = { status: response.status ?? 200, items };
			outcomes.push(outcome);
			return { status: outcome.status, answer: JSON.stringify(response.body ?? result.webhookResponse ?? {}) };
		};
		return {
			staticData,
			url: () => triggerWebhookUrl(setup()),
			/** The provider's deliveries reach this node, with its static data (`activate` does this too). */
			listen() {
				env.mock.hooks.send = sendToTrigger;
			},
			async activate() {
				this.listen();
				if (await runHookMethod({ ...setup(), method: 'checkExists' })) return 'kept';
				await runHookMethod({ ...setup(), method: 'create' });
				return 'created';
			},
			async deactivate() {
				return await runHookMethod({ ...setup(), method: 'delete' });
			},
			/** Hands a hand-made delivery to the trigger (a forgery, a replay). */
			async receive(outgoing: Outgoing): Promise<Outcome> {
				await sendToTrigger(outgoing);
				return outcomes[outcomes.length - 1];
			},
		};
	};

	beforeEach(() => {
		outcomes.length = 0;
	});
	return { env, trigger, outcomes };
}
