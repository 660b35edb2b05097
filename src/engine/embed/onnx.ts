// Embeddings from a local ONNX model folder through @huggingface/transformers, never reaching the
// network. The runtime (about 500 MB with onnxruntime) is imported only when this provider first
// embeds, so configurations without it never pay for it. Vectors are mean-pooled and normalised.
// Inference runs in-process and cannot be interrupted: the caller's signal is honoured between
// batches, and embedding_timeout_ms does not apply.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { EmbeddingConfig } from './config.js';
import { BatchingProvider, providerError } from './base.js';

/** The files transformers.js reads for `dtype: 'fp32'`, relative to the model folder. */
const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', join('onnx', 'model.onnx')];
const ERROR_LOG_LEVEL = 40; // transformers.js LogLevel.ERROR: nothing on stdout

export class OnnxProvider extends BatchingProvider {
  private extractor: Promise<FeatureExtractionPipeline> | undefined;

  constructor(config: EmbeddingConfig) {
    super('onnx', config);
  }

  private get folder(): string { return join(this.config.model_dir, this.model); }

  protected where(): Record<string, unknown> {
    return { model_dir: this.config.model_dir, model: this.model };
  }

  protected async embedBatch(texts: string[]): Promise<unknown> {
    const extractor = await this.load();
    const tensor = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dimension] = tensor.dims as [number, number];
    const data = tensor.data as Float32Array;
    return Array.from({ length: rows }, (_, i) => data.subarray(i * dimension, (i + 1) * dimension));
  }

  /** sha256 of the weights file, streamed: a replaced model.onnx is another model. */
  protected async fetchDigest(): Promise<string> {
    await this.requireFiles();
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(join(this.folder, 'onnx', 'model.onnx'))) hash.update(chunk as Buffer);
    return `sha256:${hash.digest('hex')}`;
  }

  async close(): Promise<void> {
    const extractor = this.extractor;
    this.extractor = undefined;
    if (extractor) await (await extractor.catch(() => undefined))?.dispose();
  }

  private async requireFiles(): Promise<void> {
    const expected = MODEL_FILES.map((f) => join(this.folder, f));
    const missing: string[] = [];
    for (const path of expected) await access(path).catch(() => missing.push(path));
    if (missing.length) {
      throw providerError('model_missing', `The ONNX model folder ${this.folder} lacks ${missing.map((p) => p.slice(this.folder.length + 1)).join(', ')}.`, {
        ...this.where(), expected, missing,
      });
    }
  }

  /** Loads the pipeline once; a failed load is forgotten so a later call can try again. */
  private load(): Promise<FeatureExtractionPipeline> {
    this.extractor ??= this.open().catch((err: unknown) => {
      this.extractor = undefined;
      throw err;
    });
    return this.extractor;
  }

  private async open(): Promise<FeatureExtractionPipeline> {
    await this.requireFiles();
    let transformers: typeof import('@huggingface/transformers');
    try {
      transformers = await import('@huggingface/transformers');
    } catch (err) {
      throw providerError('provider_unreachable', `The ONNX runtime could not be loaded: ${err instanceof Error ? err.message : String(err)}`, this.where());
    }
    const { env, pipeline } = transformers;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = this.config.model_dir.endsWith(sep) ? this.config.model_dir : this.config.model_dir + sep;
    env.logLevel = ERROR_LOG_LEVEL;
    try {
      return await pipeline('feature-extraction', this.model, { dtype: 'fp32', device: 'cpu', local_files_only: true });
    } catch (err) {
      throw providerError('bad_response', `The ONNX model in ${this.folder} could not be loaded: ${err instanceof Error ? err.message : String(err)}`, this.where());
    }
  }
}
