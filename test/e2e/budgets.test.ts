// Token budgets, across every operation that takes `max_tokens`: the text an MCP client receives
// (rendering, freshness line and notes) never exceeds the budget, and the same call gives the
// same text twice. Checked through the official SDK client over Streamable HTTP.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { estimateTokens } from '../../src/operations/define.js';
import { inputJsonSchema } from '../../src/operations/json-schema.js';
import { OPERATIONS, operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { startHttp, type RunningServer } from '../helpers/server.js';

/** Extra arguments an operation needs besides its budget. */
const EXTRA: Record<string, Record<string, unknown>> = {
  relevant_context: { files: ['src/core/engine.ts'], depth: 2 },
  distill: { files: ['src/core/engine.ts'], depth: 2 },
  bootstrap: { task_hint: 'change how the engine schedules jobs' },
};

const BUDGETS = [200, 350, 700, 1000, 1500, 4000];

let root: string;
let project: Project;
let http: RunningServer;
let client: Client;

/** A repository big enough that every budget above cuts something. */
function repo(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'budgets', main: 'src/index.ts', dependencies: { express: '^4.0.0' } }, null, 2),
    'src/index.ts': "import { Engine } from './core/engine.js';\nexport const engine = new Engine();\n",
    'src/core/engine.ts': [
      "import { Job } from './job.js';",
      '/** Runs jobs in order. */',
      'export class Engine {',
      ...Array.from({ length: 12 }, (_, i) => `  /** Step ${i}. */\n  step${i}(job: Job, attempt: number): boolean { return job.id > ${i} && attempt > 0; }`),
      '}',
      '',
    ].join('\n'),
    'src/core/job.ts': 'export interface Job { id: number; name: string }\n',
  };
  for (let m = 0; m < 6; m++) {
    for (let f = 0; f < 8; f++) {
      files[`src/module${m}/handler_${f}.ts`] = [
        "import { Engine } from '../core/engine.js';",
        "import type { Job } from '../core/job.js';",
        ...Array.from({ length: 6 }, (_, i) => `export function handle${m}x${f}x${i}(e: Engine, job: Job): boolean {\n  return e.step${i}(job, ${i});\n}`),
        '',
      ].join('\n');
    }
  }
  return files;
}

beforeAll(async () => {
  root = makeRepo(repo(), { git: true });
  project = await openIndexed(root);
  http = await startHttp(project);
  client = new Client({ name: 'budgets', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)));
});

afterAll(async () => {
  await client.close();
  await http.close();
  await project.close();
  removeDir(root);
});

const budgeted = OPERATIONS.filter((op) => 'max_tokens' in op.input.shape).map((op) => op.name);

async function textOf(name: string, maxTokens: number): Promise<string> {
  const res = await client.callTool({ name, arguments: { ...EXTRA[name], max_tokens: maxTokens } });
  expect(res.isError, JSON.stringify(res.content)).toBeFalsy();
  return (res.content as Array<{ type: string; text: string }>)[0]!.text;
}

describe('token budgets', () => {
  it('covers the operations that take max_tokens', () => {
    expect(budgeted.sort()).toEqual(['bootstrap', 'distill', 'project_summary', 'relevant_context', 'repo_map']);
  });

  it.each(budgeted)('%s stays within every budget, deterministically', async (name) => {
    const sizes: number[] = [];
    const minimum = (inputJsonSchema(operationNamed(name)!).properties as Record<string, { minimum: number }>).max_tokens!.minimum;
    for (const budget of BUDGETS.filter((b) => b >= minimum)) {
      const text = await textOf(name, budget);
      expect(estimateTokens(text), `${name} at max_tokens=${budget}:\n${text}`).toBeLessThanOrEqual(budget);
      expect(await textOf(name, budget)).toBe(text);
      sizes.push(estimateTokens(text));
    }
    // A larger budget never shows less.
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });
});
