// Fixed lookup data of the fake tenant: brands, priorities, statuses, categories, sources, groups, agents,
// API keys and ticket views. Ids are deliberately not 1..n everywhere so a client that mixes them up fails.
import type { FakeAgentRecord, FakeBrand, FakeGroup, FakeNamed, FakePriority, FakeStatus, FakeView } from './model';

export const BRANDS: FakeBrand[] = [
  { brandId: 1, brandName: 'Acme Cloud', isDefault: true },
  { brandId: 2, brandName: 'Acme Mobile', isDefault: false },
  { brandId: 3, brandName: 'Bold Sign', isDefault: false },
];

/** KB #21245: 1 = Low, 2 = Medium, etc. */
export const PRIORITIES: FakePriority[] = [
  { id: 1, name: 'Low', textColor: '#FFFFFF', backgroundColor: '#808080' },
  { id: 2, name: 'Medium', textColor: '#FFFFFF', backgroundColor: '#2E86C1' },
  { id: 3, name: 'High', textColor: '#FFFFFF', backgroundColor: '#E67E22' },
  { id: 4, name: 'Urgent', textColor: '#FFFFFF', backgroundColor: '#C0392B' },
];

const OPEN = { id: 1, name: 'Open' };
const PENDING = { id: 2, name: 'Pending' };
const SOLVED = { id: 3, name: 'Solved' };
const CLOSED = { id: 4, name: 'Closed' };

/** Open, In Progress, Waiting on customer and On hold are "open-ish"; Resolved and Closed are in Solved/Closed. */
export const STATUSES: FakeStatus[] = [
  { id: 1, name: 'Open', colorCode: '#dffcd8', textColor: '#1B5E20', backgroundColor: '#dffcd8', category: OPEN, isClosed: false },
  { id: 2, name: 'In Progress', colorCode: '#d8e9fc', textColor: '#0D47A1', backgroundColor: '#d8e9fc', category: OPEN, isClosed: false },
  { id: 3, name: 'Waiting on customer', colorCode: '#fcf3d8', textColor: '#7F6000', backgroundColor: '#fcf3d8', category: PENDING, isClosed: false },
  { id: 4, name: 'On hold', colorCode: '#f0d8fc', textColor: '#4A148C', backgroundColor: '#f0d8fc', category: PENDING, isClosed: false },
  { id: 5, name: 'Resolved', colorCode: '#e0e0e0', textColor: '#FFFFFF', backgroundColor: '#808000', category: SOLVED, isClosed: true },
  { id: 6, name: 'Closed', colorCode: '#bdbdbd', textColor: '#FFFFFF', backgroundColor: '#616161', category: CLOSED, isClosed: true },
];
export const OPEN_STATUS_IDS = STATUSES.filter((s) => !s.isClosed).map((s) => s.id);

export const CATEGORIES: FakeNamed[] = [
  { id: 21, name: 'General' },
  { id: 22, name: 'Billing' },
  { id: 23, name: 'Technical Issue' },
  { id: 24, name: 'Feature Request' },
  { id: 25, name: 'Account & Access' },
];

export const SOURCES: FakeNamed[] = [
  { id: 1, name: 'Email' },
  { id: 2, name: 'Agent Portal' },
  { id: 3, name: 'Customer Portal' },
  { id: 4, name: 'Phone' },
  { id: 5, name: 'Chat' },
  { id: 8, name: 'API' },
];
export const API_SOURCE_ID = 8;

export const GROUPS: FakeGroup[] = [
  { groupId: 31, groupName: 'Tier 1 Support', description: 'First line' },
  { groupId: 32, groupName: 'Billing Team', description: 'Invoices and refunds' },
  { groupId: 33, groupName: 'Engineering', description: 'Escalations' },
];

const ADMIN = { roleId: 1, roleName: 'Admin' };
const AGENT = { roleId: 2, roleName: 'Agent' };

function agent(userId: number, name: string, email: string, colorCode: string, groupIds: number[], admin = false): FakeAgentRecord {
  const parts = name.split(' ');
  const shortCode = (parts[0][0] + (parts[1]?.[0] ?? '')).toUpperCase();
  return { userId, name, email, displayName: parts[0], shortCode, colorCode, roles: [admin ? ADMIN : AGENT], groupIds, createdOn: Date.UTC(2023, 0, userId) };
}

export const AGENTS: FakeAgentRecord[] = [
  agent(11, 'Ana Agent', 'ana@example.com', '#61704E', [31, 33], true),
  agent(12, 'API Bot', 'apibot@example.com', '#455A64', [31]),
  agent(13, 'Ben Builder', 'ben@example.com', '#6A1B9A', [33]),
  agent(14, 'Chloe Chen', 'chloe@example.com', '#00838F', [31]),
  agent(15, 'Diego Díaz', 'diego@example.com', '#EF6C00', [32]),
  agent(16, 'Emma Evans', 'emma@example.com', '#AD1457', [31, 32]),
  agent(17, 'Farid Haddad', 'farid@example.com', '#2E7D32', [33]),
  agent(18, 'Grace Kim', 'grace@example.com', '#1565C0', [31]),
];

/** keys[0] is the demo key. Keys are fixed strings so the demo and e2e runs can print/use them. */
export const KEY_SPECS: { key: string; agentUserId: number; label: string }[] = [
  { key: 'bdk-demo-ana-7f3c9a1e5b2d4f60', agentUserId: 11, label: 'demo' },
  { key: 'bdk-apibot-0c8e2b7d91a4f35e', agentUserId: 12, label: 'API Bot' },
  { key: 'bdk-ben-5d1a9c3e7b2f6084', agentUserId: 13, label: 'Ben laptop' },
];

/** `{me}` is replaced by the requesting key owner's userId when the view is used as FilterId. */
export const VIEWS: FakeView[] = [
  { id: 1, filterId: '1', name: 'My Pending Tickets', conditions: ['agents:[{me}]', `status:[${OPEN_STATUS_IDS.join(',')}]`], ownerId: 11, isDefault: true },
  { id: 2, filterId: '2', name: 'Urgent tickets', conditions: ['priority:[4]', `status:[${OPEN_STATUS_IDS.join(',')}]`], ownerId: 11, isDefault: false },
  { id: 3, filterId: '3', name: 'Waiting on customer', conditions: ['status:[3]'], ownerId: 11, isDefault: false },
  { id: 4, filterId: '4', name: 'Unassigned tickets', conditions: ['agents:[0]', `status:[${OPEN_STATUS_IDS.join(',')}]`], ownerId: 11, isDefault: false },
  { id: 5, filterId: '5', name: 'All tickets', conditions: [], ownerId: 11, isDefault: false },
];
