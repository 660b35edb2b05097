import { it } from 'vitest';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { copyFixture, openIndexed } from '../helpers/fixture.js';

it('dump', async () => {
  const root = copyFixture('polyglot');
  const project = await openIndexed(root);
  for (const level of ['symbol', 'file', 'module']) {
    const r = await invoke(operationNamed('dead_code')!, project, { level, min_confidence: 0.5, top_n: 200 });
    console.log(r.ok ? r.text : r.error);
  }
  await project.close();
});
