/** The Outreach node on lemlist: each intent as the lemlist node sends it (see same-requests.ts). */
import {
  startLemlistMock,
  type LemlistMock,
} from "../../sandbox/providers/lemlist";
import { useProviderMock } from "../harness/provider-env";
import { campaign, sameRequestsAsProviderNode } from "./same-requests";

const lemlist = useProviderMock<LemlistMock>(
  async () => await startLemlistMock(),
);

sameRequestsAsProviderNode({
  provider: "lemlist",
  type: "n8n-nodes-outreach.lemlist",
  mock: () => lemlist.mock,
  credentials: () => ({
    lemlistOutreachApi: {
      apiKey: lemlist.mock.apiKey,
      baseUrl: lemlist.mock.url,
    },
  }),
  intents: [
    {
      title: "get a lead by email",
      own: {
        resource: "campaignLead",
        operation: "get",
        campaignId: campaign("cam_A1"),
        leadId: "ada@example.com",
      },
      outreach: {
        resource: "lead",
        operation: "get",
        campaignId: campaign("cam_A1"),
        lead: "ada@example.com",
      },
      item: { provider: "lemlist", email: "ada@example.com", firstName: "Ada" },
    },
    {
      title: "list the leads that replied",
      own: {
        resource: "campaignLead",
        operation: "getAll",
        campaignId: campaign("cam_B2"),
        returnAll: true,
        filters: { state: ["warmed"] },
      },
      outreach: {
        resource: "lead",
        operation: "getAll",
        campaignId: campaign("cam_B2"),
        returnAll: true,
        filters: { status: "replied" },
      },
      item: { provider: "lemlist", status: "replied" },
    },
    {
      title: "pause a lead",
      own: {
        resource: "campaignLead",
        operation: "pause",
        campaignId: campaign("cam_A1"),
        leadId: "lea_2",
      },
      outreach: {
        resource: "lead",
        operation: "pause",
        campaignId: campaign("cam_A1"),
        lead: "lea_2",
      },
      item: {
        provider: "lemlist",
        leadId: "lea_2",
        campaignId: "cam_A1",
        status: "paused",
      },
    },
    {
      title: "resume a lead",
      own: {
        resource: "campaignLead",
        operation: "resume",
        campaignId: campaign("cam_A1"),
        leadId: "lea_2",
      },
      outreach: {
        resource: "lead",
        operation: "resume",
        campaignId: campaign("cam_A1"),
        lead: "lea_2",
      },
      item: { provider: "lemlist", leadId: "lea_2", status: "active" },
    },
    {
      title: "mark a lead interested, found by email",
      own: {
        resource: "campaignLead",
        operation: "markInterested",
        campaignId: campaign("cam_A1"),
        leadId: "alan@example.com",
      },
      outreach: {
        resource: "lead",
        operation: "markInterested",
        campaignId: campaign("cam_A1"),
        lead: "alan@example.com",
      },
      item: { provider: "lemlist", leadId: "lea_2", status: "interested" },
    },
    {
      title: "mark a lead not interested",
      own: {
        resource: "campaignLead",
        operation: "markNotInterested",
        campaignId: campaign("cam_A1"),
        leadId: "lea_2",
      },
      outreach: {
        resource: "lead",
        operation: "markNotInterested",
        campaignId: campaign("cam_A1"),
        lead: "lea_2",
      },
      item: { provider: "lemlist", leadId: "lea_2", status: "notInterested" },
    },
    {
      title: "update a lead",
      own: {
        resource: "campaignLead",
        operation: "update",
        campaignId: campaign("cam_A1"),
        leadId: "ada@example.com",
        updateFields: { jobTitle: "CTO", companyName: "Engines" },
      },
      outreach: {
        resource: "lead",
        operation: "update",
        campaignId: campaign("cam_A1"),
        lead: "ada@example.com",
        fields: { jobTitle: "CTO", companyName: "Engines" },
      },
      item: { provider: "lemlist", leadId: "lea_1", companyName: "Engines" },
    },
    {
      title: "add a lead with fields and a custom field",
      own: {
        resource: "campaignLead",
        operation: "add",
        campaignId: campaign("cam_A1"),
        email: "eve@example.org",
        additionalFields: { firstName: "Eve", phone: "+33 1 23 45 67 89" },
        customVariables: { variable: [{ name: "plan", value: "pro" }] },
      },
      outreach: {
        resource: "lead",
        operation: "add",
        campaignId: campaign("cam_A1"),
        email: "eve@example.org",
        fields: {
          firstName: "Eve",
          phone: "+33 1 23 45 67 89",
          customFields: { field: [{ name: "plan", value: "pro" }] },
        },
      },
      item: { provider: "lemlist", email: "eve@example.org", firstName: "Eve" },
    },
    {
      title: "unsubscribe a lead",
      own: {
        resource: "campaignLead",
        operation: "unsubscribe",
        campaignId: campaign("cam_A1"),
        leadId: "lea_2",
      },
      outreach: {
        resource: "lead",
        operation: "unsubscribe",
        campaignId: campaign("cam_A1"),
        lead: "lea_2",
      },
      item: { provider: "lemlist", leadId: "lea_2", status: "unsubscribed" },
    },
    {
      title: "remove a lead by email",
      own: {
        resource: "campaignLead",
        operation: "remove",
        campaignId: campaign("cam_A1"),
        leadId: "ada@example.com",
      },
      outreach: {
        resource: "lead",
        operation: "remove",
        campaignId: campaign("cam_A1"),
        lead: "ada@example.com",
      },
      item: { provider: "lemlist", leadId: "lea_1" },
    },
    {
      title: "get a campaign",
      own: {
        resource: "campaign",
        operation: "get",
        campaignId: campaign("cam_A1"),
      },
      outreach: {
        resource: "campaign",
        operation: "get",
        campaignId: campaign("cam_A1"),
      },
      item: { provider: "lemlist", campaignId: "cam_A1" },
    },
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
      item: { provider: "lemlist" },
    },
    {
      title: "start a campaign",
      own: {
        resource: "campaign",
        operation: "start",
        campaignId: campaign("cam_B2"),
      },
      outreach: {
        resource: "campaign",
        operation: "start",
        campaignId: campaign("cam_B2"),
      },
      item: { provider: "lemlist", campaignId: "cam_B2" },
    },
    {
      title: "pause a campaign",
      own: {
        resource: "campaign",
        operation: "pause",
        campaignId: campaign("cam_B2"),
      },
      outreach: {
        resource: "campaign",
        operation: "pause",
        campaignId: campaign("cam_B2"),
      },
      item: { provider: "lemlist", campaignId: "cam_B2" },
    },
  ],
});
