// The ONNX provider on a hand-written tiny model folder (real transformers.js and onnxruntime, no
// network): exact pooled vectors, prefixes, digest of the weights, health, and the missing-folder
// and broken-model errors.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { CartographError } from '../../src/errors.js';
import { embeddingConfig } from '../../src/engine/embed/config.js';
import { OnnxProvider } from '../../src/engine/embed/onnx.js';
import { createProvider } from '../../src/engine/embed/provider.js';
import { writeTinyModel } from '../helpers/tiny-onnx.js';

const providers: OnnxProvider[] = [];
afterEach(async () => { await Promise.all(providers.splice(0).map((p) => p.close())); });

function provider(modelDir: string, flags: Record<string, unknown> = {}): OnnxProvider {
  const settings = loadSettings({ project: tmpdir(), embedding_provider: 'onnx', embedding_model: 'tiny', embedding_model_dir: modelDir, ...flags }, {});
  const p = createProvider(settings);
  expect(p).toBeInstanceOf(OnnxProvider);
  providers.push(p as OnnxProvider);
  return p as OnnxProvider;
}

const unit = (v: number[]) => { const n = Math.hypot(...v); return Float32Array.from(v.map((x) => x / n)); };

async function failure(p: Promise<unknown>): Promise<CartographError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(CartographError);
  expect((err as CartographError).code).toBe('unavailable');
  return err as CartographError;
}

describe('OnnxProvider', () => {
  it('embeds with mean pooling and normalisation, in batches, padding excluded', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cartograph-onnx-'));
    writeTinyModel(root);
    const p = provider(root, { embedding_batch_size: 2 });
    const vectors = await p.embed(['alpha beta', 'Gamma', 'alpha zzz alpha'], { purpose: 'document' });
    expect(vectors).toHaveLength(3);
    expect(vectors[0]![0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(vectors[0]![1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(Array.from(vectors[1]!)).toEqual([0, 0, 1, 0]);
    // [UNK] is (0.5, 0.5, 0, 0): 2 × alpha + unk = (2.5, 0.5, 0, 0).
    Array.from(unit([2.5, 0.5, 0, 0])).forEach((x, i) => expect(vectors[2]![i]).toBeCloseTo(x, 6));
    expect(await p.dimension()).toBe(4);
  });

  it('applies the query and document prefixes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cartograph-onnx-'));
    writeTinyModel(root);
    const p = provider(root, { embedding_query_prefix: 'delta ', embedding_document_prefix: 'beta ' });
    const [q] = await p.embed(['alpha'], { purpose: 'query' });
    const [d] = await p.embed(['alpha'], { purpose: 'document' });
    Array.from(unit([1, 0, 0, 1])).forEach((x, i) => expect(q![i]).toBeCloseTo(x, 6));
    Array.from(unit([1, 1, 0, 0])).forEach((x, i) => expect(d![i]).toBeCloseTo(x, 6));
  });

  it('digests the weights file and reports health', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cartograph-onnx-'));
    const dir = writeTinyModel(root);
    const sha = createHash('sha256').update(readFileSync(join(dir, 'onnx', 'model.onnx'))).digest('hex');
    const p = provider(root);
    expect(await p.digest()).toBe(`sha256:${sha}`);
    expect(await p.health()).toMatchObject({ reachable: true, model_present: true, dimension_ok: true, dimension: 4, digest: `sha256:${sha}` });
  });

  it('names the expected files when the model folder is missing or incomplete', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cartograph-onnx-'));
    const folder = join(root, 'tiny');
    const expected = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'].map((f) => join(folder, f));
    const err = await failure(provider(root).embed(['x'], { purpose: 'document' }));
    expect(err.details).toEqual({ reason: 'model_missing', model_dir: root, model: 'tiny', expected, missing: expected });
    expect(err.message).toBe(`The ONNX model folder ${folder} lacks config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx.`);

    writeTinyModel(root);
    rmSync(join(folder, 'tokenizer.json'));
    const p = provider(root);
    expect((await failure(p.digest())).details).toMatchObject({ reason: 'model_missing', missing: [join(folder, 'tokenizer.json')] });
    expect(await p.health()).toMatchObject({ reachable: true, model_present: false, dimension_ok: false });
  });

  it('reports a model file the runtime cannot load as bad_response, and loads once it is fixed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cartograph-onnx-'));
    const dir = writeTinyModel(root);
    const good = readFileSync(join(dir, 'onnx', 'model.onnx'));
    writeFileSync(join(dir, 'onnx', 'model.onnx'), 'not a protobuf');
    const p = provider(root);
    const err = await failure(p.embed(['alpha'], { purpose: 'document' }));
    expect(err.details).toEqual({ reason: 'bad_response', model_dir: root, model: 'tiny' });
    expect(err.message).toMatch(/^The ONNX model in .* could not be loaded: /);
    writeFileSync(join(dir, 'onnx', 'model.onnx'), good);
    expect(Array.from((await p.embed(['alpha'], { purpose: 'document' }))[0]!)).toEqual([1, 0, 0, 0]);
  });

  it('resolves a relative model folder against the project', () => {
    const project = mkdtempSync(join(tmpdir(), 'cartograph-onnx-project-'));
    const c = embeddingConfig(loadSettings({ project, embedding_provider: 'onnx', embedding_model: 'tiny', embedding_model_dir: 'models' }, {}));
    expect(c.model_dir).toBe(join(project, 'models'));
  });
});
