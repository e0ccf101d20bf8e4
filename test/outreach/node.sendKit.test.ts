/** The Outreach node on SendKit: each intent as the SendKit node sends it (see same-requests.ts). */
import { runNode } from "../../sandbox/engine";
import {
  SENDKIT_SEED,
  startSendKitMock,
  type SendKitMock,
} from "../../sandbox/providers/sendkit";
import { useProviderMock } from "../harness/provider-env";
import { campaign, sameRequestsAsProviderNode } from "./same-requests";

const sendKit = useProviderMock<SendKitMock>(
  async () => await startSendKitMock(),
);
const credentials = () => ({
  sendKitOutreachApi: {
    apiKey: sendKit.mock.workspaceKey,
    baseUrl: sendKit.mock.url,
    maxRequestsPerSecond: 10,
  },
});

const {
  campaignId,
  campaignLeadId,
  interestedLeadId,
  leadEmail,
  pausedCampaignId,
  readyDraftCampaignId,
} = SENDKIT_SEED;

/** A lead intent that names the lead the same way in both nodes. */
const leadIntent = (
  title: string,
  operation: string,
  lead: string,
  item: Record<string, unknown>,
  own: Record<string, unknown> = {},
) => ({
  title,
  own: {
    resource: "campaignLead",
    operation,
    campaignId: campaign(campaignId),
    campaignLeadId: lead,
    ...own,
  },
  outreach: {
    resource: "lead",
    operation,
    campaignId: campaign(campaignId),
    lead,
  },
  item: { provider: "sendKit", campaignId, ...item },
});

const campaignIntent = (operation: string, id: string) => ({
  title: `${operation} a campaign`,
  own: { resource: "campaign", operation, campaignId: campaign(id) },
  outreach: { resource: "campaign", operation, campaignId: campaign(id) },
  item: { provider: "sendKit", campaignId: id },
});

sameRequestsAsProviderNode({
  provider: "sendKit",
  type: "n8n-nodes-outreach.sendKit",
  mock: () => sendKit.mock,
  credentials,
  intents: [
    leadIntent("get a lead by email", "get", leadEmail, {
      leadId: campaignLeadId,
      email: leadEmail,
      firstName: "Ada",
      lastName: "Lovelace",
      companyName: "Analytical Engines",
      status: "active",
      providerStatus: "active",
    }),
    leadIntent("get a lead tagged Interested, by ID", "get", interestedLeadId, {
      leadId: interestedLeadId,
      status: "interested",
      providerStatus: "active",
    }),
    {
      title: "list the paused leads",
      own: {
        resource: "campaignLead",
        operation: "getAll",
        campaignId: campaign(campaignId),
        returnAll: true,
        filters: { status: "paused" },
      },
      outreach: {
        resource: "lead",
        operation: "getAll",
        campaignId: campaign(campaignId),
        returnAll: true,
        filters: { status: "paused" },
      },
      item: { provider: "sendKit", status: "paused", providerStatus: "paused" },
    },
    {
      title: "list some leads without a filter",
      own: {
        resource: "campaignLead",
        operation: "getAll",
        campaignId: campaign(campaignId),
        returnAll: false,
        limit: 5,
      },
      outreach: {
        resource: "lead",
        operation: "getAll",
        campaignId: campaign(campaignId),
        returnAll: false,
        limit: 5,
      },
      item: { provider: "sendKit", campaignId },
    },
    leadIntent("pause a lead", "pause", campaignLeadId, {
      leadId: campaignLeadId,
      status: "paused",
      providerStatus: "paused",
    }),
    leadIntent("resume a lead found by email", "resume", leadEmail, {
      leadId: campaignLeadId,
      status: "active",
    }),
    leadIntent("unsubscribe a lead", "unsubscribe", campaignLeadId, {
      leadId: campaignLeadId,
      email: leadEmail,
      status: "unsubscribed",
    }),
    leadIntent(
      "mark a lead interested, found by email",
      "markInterested",
      leadEmail,
      { leadId: campaignLeadId, status: "interested" },
      { operation: "update", updateFields: { aiTag: "Interested" } },
    ),
    leadIntent(
      "mark a lead not interested",
      "markNotInterested",
      interestedLeadId,
      { leadId: interestedLeadId, status: "notInterested" },
      { operation: "update", updateFields: { aiTag: "Not Interested" } },
    ),
    leadIntent("remove a lead by email", "remove", leadEmail, {
      leadId: campaignLeadId,
      email: leadEmail,
    }),
    {
      title: "add a lead with fields and a custom field",
      own: {
        resource: "campaignLead",
        operation: "add",
        campaignId: campaign(campaignId),
        email: "eve@example.org",
        additionalFields: {
          firstName: "Eve",
          companyName: "Cipher Co",
          website: "https://cipher.example",
          linkedinUrl: "https://www.linkedin.com/in/eve",
        },
        customFields: { field: [{ name: "plan", value: "pro" }] },
      },
      outreach: {
        resource: "lead",
        operation: "add",
        campaignId: campaign(campaignId),
        email: "eve@example.org",
        fields: {
          firstName: "Eve",
          companyName: "Cipher Co",
          website: "https://cipher.example",
          linkedinUrl: "https://www.linkedin.com/in/eve",
          customFields: { field: [{ name: "plan", value: "pro" }] },
        },
      },
      item: {
        provider: "sendKit",
        campaignId,
        email: "eve@example.org",
        firstName: "Eve",
        companyName: "Cipher Co",
        status: "active",
        providerStatus: "added",
      },
    },
    campaignIntent("get", campaignId),
    {
      title: "list campaigns",
      own: {
        resource: "campaign",
        operation: "getAll",
        returnAll: false,
        limit: 3,
      },
      outreach: {
        resource: "campaign",
        operation: "getAll",
        returnAll: false,
        limit: 3,
      },
      item: { provider: "sendKit" },
    },
    campaignIntent("start", readyDraftCampaignId),
    campaignIntent("pause", campaignId),
    campaignIntent("resume", pausedCampaignId),
  ],
});

describe("Outreach node on SendKit: what SendKit cannot do", () => {
  const outreach = async (parameters: Record<string, unknown>) =>
    await runNode({
      type: "n8n-nodes-outreach.outreach",
      credentials: credentials(),
      parameters: { provider: "sendKit", ...parameters },
    });

  it.each(["interested", "notInterested"])(
    "listing leads by the status %s fails before any request: SendKit lists by status, not by AI tag",
    async (status) => {
      const run = await outreach({
        resource: "lead",
        operation: "getAll",
        campaignId: campaign(campaignId),
        returnAll: true,
        filters: { status },
      });
      expect(run.error?.message).toContain(
        `SendKit cannot list leads by the status "${status}"`,
      );
      expect(sendKit.mock.requests).toHaveLength(0);
    },
  );

  it("Update is not offered: SendKit's campaign-lead update changes only the status and AI tag", async () => {
    const run = await outreach({
      resource: "lead",
      operation: "update",
      campaignId: campaign(campaignId),
      lead: campaignLeadId,
      fields: { firstName: "Ada" },
    });
    expect(run.error?.message).toContain('"update" of "lead" is not supported');
    expect(sendKit.mock.requests).toHaveLength(0);
  });

  it("a workspace without the Interested AI tag: the item fails with SendKit's message", async () => {
    sendKit.mock.state.tags.set(SENDKIT_SEED.workspaceIds[0], ["Hot", "Cold"]);
    const run = await outreach({
      resource: "lead",
      operation: "markInterested",
      campaignId: campaign(campaignId),
      lead: campaignLeadId,
    });
    expect(run.error?.message).toContain(
      'aiTag "Interested" does not match any AI tagging label',
    );
  });
});
