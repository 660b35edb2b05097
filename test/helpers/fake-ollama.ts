// A stand-in Ollama server for tests: a real HTTP server on 127.0.0.1 speaking the wire protocol
// of /api/embed, /api/tags and /api/show, with switchable misbehaviour (errors, 404, stalls,
// wrong dimensions) and request counts, so timeouts, retries and batching are tested for real.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeModel { dimension: number; digest: string }

export type FakeBehaviour =
  | { kind: 'ok' }
  /** `times` answers with `status` (a JSON error body, or plain text with `plain`), then ok again. */
  | { kind: 'error'; status: number; times: number; plain?: boolean }
  /** Accepts the request and never answers. */
  | { kind: 'stall' }
  /** Closes the connection without an answer (a server going away). */
  | { kind: 'hang_up' }
  /** A 500 for an embed request with an input containing `text`; everything else ok. */
  | { kind: 'reject_text'; text: string }
  /** Embeddings of this length instead of the model's. */
  | { kind: 'wrong_dimension'; dimension: number }
  /** A null in every vector (what a NaN would become on some servers). */
  | { kind: 'non_finite' };

/**
 * Deterministic hashed bag of words: each lower-cased word (identifiers split at case changes and
 * underscores too) adds 1 to a hashed coordinate; the vector is L2-normalised. Texts sharing words
 * are close; a text with no word gets a fixed unit vector.
 */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const v = new Array<number>(dimension).fill(0);
  const words = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  for (const w of words) {
    const h = createHash('sha1').update(w).digest();
    v[h.readUInt32BE(0) % dimension]! += h[4]! & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...v);
  if (!norm) { v[0] = 1; return v; }
  return v.map((x) => x / norm);
}

export class FakeOllama {
  behaviour: FakeBehaviour = { kind: 'ok' };
  /** Requests per endpoint (`embed`, `tags`, `show`). */
  readonly requests = { embed: 0, tags: 0, show: 0 };
  /** Number of inputs of each /api/embed request, in order. */
  readonly batches: number[] = [];
  /** Arrival time (ms) of each /api/embed request. */
  readonly embedTimes: number[] = [];
  /** Every text embedded, in order. */
  readonly inputs: string[] = [];

  private constructor(private readonly server: Server, readonly models: Map<string, FakeModel>) {}

  static async start(models: Record<string, FakeModel> = { 'fake-embed:latest': { dimension: 8, digest: 'sha256:aaaa1111' } }): Promise<FakeOllama> {
    const fake: { self?: FakeOllama } = {};
    const server = createServer((req, res) => { void fake.self!.handle(req, res); });
    fake.self = new FakeOllama(server, new Map(Object.entries(models)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake.self;
  }

  get host(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private model(name: unknown): FakeModel | undefined {
    const n = String(name);
    return this.models.get(n.includes(':') ? n : `${n}:latest`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const endpoint = req.url?.replace(/^\/api\//, '') ?? '';
    if (endpoint === 'embed' || endpoint === 'tags' || endpoint === 'show') this.requests[endpoint]++;
    if (endpoint === 'embed') {
      const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      this.batches.push(input.length);
      this.embedTimes.push(Date.now());
      this.inputs.push(...input);
    }
    const b = this.behaviour;
    if (b.kind === 'stall') return; // the socket stays open until close()
    if (b.kind === 'hang_up') { req.socket.destroy(); return; }
    if (b.kind === 'reject_text' && endpoint === 'embed' && this.inputs.slice(-this.batches.at(-1)!).some((t) => t.includes(b.text))) {
      send(res, 500, { error: 'failed to encode response: json: unsupported value: NaN' });
      return;
    }
    if (b.kind === 'error' && b.times > 0) {
      b.times--;
      if (b.plain) res.writeHead(b.status, { 'content-type': 'text/plain' }).end(`fake failure ${b.status}`);
      else send(res, b.status, { error: `fake failure ${b.status}` });
      return;
    }
    switch (endpoint) {
      case 'tags':
        send(res, 200, { models: [...this.models].map(([name, m]) => ({ name, model: name, digest: m.digest, size: 1, modified_at: '2026-01-01T00:00:00Z', details: {} })) });
        return;
      case 'show': {
        const m = this.model(body.model);
        if (!m) send(res, 404, { error: `model '${String(body.model)}' not found` });
        else send(res, 200, { details: { family: 'fake' }, model_info: { 'fake.embedding_length': m.dimension }, capabilities: ['embedding'] });
        return;
      }
      case 'embed': {
        const m = this.model(body.model);
        if (!m) { send(res, 404, { error: `model "${String(body.model)}" not found, try pulling it first` }); return; }
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        const dimension = b.kind === 'wrong_dimension' ? b.dimension : m.dimension;
        const embeddings = input.map((t) => {
          const v: Array<number | null> = fakeEmbedding(t, dimension);
          if (b.kind === 'non_finite') v[0] = null;
          return v;
        });
        send(res, 200, { model: body.model, embeddings, total_duration: 1, load_duration: 0, prompt_eval_count: input.length });
        return;
      }
      default:
        send(res, 404, { error: 'not found' });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A loopback URL nobody listens on (a port just bound and released): connections are refused. */
export async function refusedHost(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
