// MCP resources: documents a client can attach to a conversation without a tool call. For now
// `cartograph://learnings` (attocode's `attocode://learnings` too): the active learnings grouped by type.
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Project } from '../engine/project.js';
import { LEARNING_TYPES } from '../engine/memory/learnings.js';

/** JSON-RPC error code MCP assigns to an unknown resource. */
const RESOURCE_NOT_FOUND = -32002;
/** Active learnings shown at most; the rest stay reachable through list_learnings. */
const MAX_LEARNINGS = 1000;

interface Resource { uri: string; aliases: string[]; name: string; title: string; description: string; mimeType: string; read(project: Project): string }

const RESOURCES: Resource[] = [{
  uri: 'cartograph://learnings',
  aliases: ['attocode://learnings'],
  name: 'learnings',
  title: 'Project learnings',
  description: 'Active learnings (patterns, gotchas, conventions …) recorded for this project, grouped by type, most confident first.',
  mimeType: 'text/markdown',
  read: learningsDocument,
}];

function learningsDocument(project: Project): string {
  const { learnings, total } = project.memory().learnings.list({ status: 'active', type: '', scope: '', limit: MAX_LEARNINGS });
  if (!total) return '# Project learnings\n\nNo active learnings recorded yet (record_learning adds one).';
  const lines = [`# Project learnings (${total} active)`];
  for (const type of LEARNING_TYPES) {
    const group = learnings.filter((l) => l.type === type);
    if (!group.length) continue;
    lines.push('', `## ${type} (${group.length})`, '');
    for (const l of group) {
      lines.push(`- #${l.id} (${Math.round(l.effective_confidence * 100)}%, ${l.scope || 'global'}) ${l.description}`);
      if (l.details) lines.push(`  _${l.details.replace(/\n/g, '\n  ')}_`);
    }
  }
  if (total > learnings.length) lines.push('', `… ${total - learnings.length} more; use list_learnings to page through them.`);
  return lines.join('\n');
}

export function listResources(): Array<Omit<Resource, 'aliases' | 'read'>> {
  return RESOURCES.map(({ uri, name, title, description, mimeType }) => ({ uri, name, title, description, mimeType }));
}

export function readResource(project: Project, uri: string): { contents: Array<{ uri: string; mimeType: string; text: string }> } {
  const resource = RESOURCES.find((r) => r.uri === uri || r.aliases.includes(uri));
  if (!resource) throw new McpError(RESOURCE_NOT_FOUND, `Resource ${uri} not found.`, { uri });
  return { contents: [{ uri, mimeType: resource.mimeType, text: resource.read(project) }] };
}
