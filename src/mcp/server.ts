// The MCP server, generated from the operation registry. Tools are answered through the SDK's
// low-level handlers so that arguments are validated once, by the registry, with typed errors
// (McpServer.registerTool would validate first and answer with its own untyped text).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema, ListResourcesRequestSchema, ListToolsRequestSchema, ReadResourceRequestSchema, type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { Project } from '../engine/project.js';
import { invoke, refusedWhenReadOnly } from '../operations/execute.js';
import { inputJsonSchema, outputJsonSchema } from '../operations/json-schema.js';
import { OPERATIONS, operationNamed } from '../operations/registry.js';
import { VERSION } from '../version.js';
import { listResources, readResource } from './resources.js';

export function createMcpServer(project: Project): Server {
  const server = new Server(
    { name: 'cartograph', title: 'Cartograph', version: VERSION },
    {
      capabilities: { tools: {}, resources: {} },
      instructions: 'Cartograph indexes this repository: use search_symbols and cross_references to find code, '
        + `dependencies/impact_analysis/dependency_graph for structure${project.settings.read_only ? '' : ', and notify_file_changed after editing files'}. `
        + 'Lines and columns are 1-based.',
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: OPERATIONS.filter((op) => !refusedWhenReadOnly(op, project)).map((op) => ({
      name: op.name,
      title: op.title,
      description: op.description,
      inputSchema: inputJsonSchema(op) as { type: 'object' },
      outputSchema: outputJsonSchema(op) as { type: 'object' },
      annotations: { title: op.title, ...op.annotations, openWorldHint: false },
    })),
  }));

  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: listResources() }));
  server.setRequestHandler(ReadResourceRequestSchema, (req) => readResource(project, req.params.uri));

  server.setRequestHandler(CallToolRequestSchema, async (req, extra): Promise<CallToolResult> => {
    const op = operationNamed(req.params.name);
    if (!op) {
      return errorResult({ code: 'invalid_argument', message: `Unknown tool '${req.params.name}'.`, details: { tool: req.params.name } });
    }
    const res = await invoke(op, project, req.params.arguments ?? {}, { signal: extra.signal });
    if (res.ok) return { content: [{ type: 'text', text: res.text }], structuredContent: res.output };
    return errorResult(res.error.toBody());
  });

  return server;
}

function errorResult(body: { code: string; message: string; details?: Record<string, unknown> }): CallToolResult {
  return {
    isError: true,
    content: [{ type: 'text', text: `Error [${body.code}]: ${body.message}` }],
    _meta: { 'cartograph/error': { error: body, request_id: null } },
  };
}
