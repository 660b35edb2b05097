// Every setting in one zod schema. Precedence: defaults ← cartograph.json in the project root ←
// CARTOGRAPH_* environment variables ← command-line flags.
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const Settings = z.object({
  /** Repository to index. */
  project: z.string().default('.'),
  /** Where the index lives; default `<project>/.cartograph`. */
  data_dir: z.string().optional(),
  /** Files larger than this many bytes are skipped with reason `too_large`. */
  max_file_size: z.coerce.number().int().positive().default(1_000_000),
  /** Discovery stops after this many files, with a warning in index_status. */
  max_files: z.coerce.number().int().positive().default(200_000),
  /** Parser worker threads; default = number of cores. */
  workers: z.coerce.number().int().min(1).max(64).default(Math.max(1, availableParallelism())),
  /** Re-index files as they change on disk. */
  watch: z.preprocess(parseBool, z.boolean()).default(true),
  /** Debounce for watcher events, in ms. */
  watch_debounce_ms: z.coerce.number().int().min(0).default(500),
  transport: z.enum(['stdio', 'http']).default('http'),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(7345),
  /** How long a call waits for an index layer that is still being built. */
  wait_budget_ms: z.coerce.number().int().min(0).default(10_000),
  /** Per-call deadline. */
  deadline_ms: z.coerce.number().int().min(100).default(60_000),
  /** Discovered source files from which bootstrap treats a repository as large (overview instead of a full map). */
  large_repo_files: z.coerce.number().int().min(1).default(5000),
  log_level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** A language server with no request for this long is shut down (ms). */
  lsp_idle_ms: z.coerce.number().int().min(1000).default(600_000),
  /** A language-server request not answered within this many ms is cancelled. */
  lsp_timeout_ms: z.coerce.number().int().min(100).default(30_000),
  /** Language servers replacing or adding to the built-in table, by id (`typescript`, `python`, `go`, …). */
  lsp_servers: z.preprocess(parseJson, z.record(z.string(), z.object({
    command: z.array(z.string()).min(1),
    extensions: z.array(z.string()).optional(),
    initialization_options: z.record(z.string(), z.unknown()).optional(),
  }))).default({}),
  /** HTTP API key (named `default`); when neither this nor api_keys_file is set the API is open and only loopback binds are allowed. */
  api_key: z.string().min(1).optional(),
  /** JSON or YAML file mapping key names to keys (`{"ci": "…", "alice": "…"}`); the name is logged and rate-limited. */
  api_keys_file: z.string().min(1).optional(),
  /** Paths answered without an API key and never rate-limited (probes, metrics scrapers, docs); `/x/*` covers everything below `/x/`. */
  open_paths: z.preprocess(parseList, z.array(z.string().startsWith('/'))).default(['/health', '/ready', '/metrics', '/api/v1/metrics', '/openapi.json', '/docs', '/docs/*', '/redoc', '/redoc/*', '/graph', '/graph/*']),
  /** Host names accepted in the Host header besides loopback and `host` (`*` accepts any; DNS-rebinding guard). */
  allowed_hosts: z.preprocess(parseList, z.array(z.string().min(1))).default([]),
  /** Browser origins allowed to call the API (with CORS headers); `*` allows any. Same-host origins are always allowed. */
  allowed_origins: z.preprocess(parseList, z.array(z.string().min(1))).default([]),
  /** Largest accepted HTTP request body, in bytes. */
  max_body_bytes: z.coerce.number().int().min(1).default(1_048_576),
  /** A client must send the whole request (headers and body) within this many ms; 0 disables. */
  request_timeout_ms: z.coerce.number().int().min(0).default(30_000),
  /** A client must send the request headers within this many ms (at most request_timeout_ms). */
  headers_timeout_ms: z.coerce.number().int().min(1).default(10_000),
  /** Requests per minute per API key (or client address in open mode); 0 disables. */
  rate_limit_per_min: z.coerce.number().int().min(0).default(600),
  /** Requests per minute on the notify routes, which editors call on every save; 0 disables. */
  rate_limit_notify_per_min: z.coerce.number().int().min(0).default(6000),
  /** Refuse every operation that writes (memory records, notify, ADR import/export) and hide them from MCP clients. */
  read_only: z.preprocess(parseBool, z.boolean()).default(false),
  /** MCP stdio: forward to the HTTP server that serves this project (starting one when none runs), so every client shares one index; false serves in-process. */
  forward: z.preprocess(parseBool, z.boolean()).default(true),
  /** An HTTP server exits after this many ms with no client connected; unset or 0 = never (servers started by forwarding default to 300000). */
  idle_exit_ms: z.coerce.number().int().min(0).optional(),
  /** Embedding provider for the vector leg of semantic_search; `none` keeps search keyword-only. */
  embedding_provider: z.enum(['none', 'ollama', 'onnx']).default('none'),
  /** Ollama model name (default nomic-embed-text), or the model's folder name under embedding_model_dir for onnx. */
  embedding_model: z.string().min(1).optional(),
  /** Ollama server; default OLLAMA_HOST, then http://127.0.0.1:11434. */
  embedding_host: z.string().min(1).optional(),
  /** Folder holding ONNX model folders (`<dir>/<model>/onnx/model.onnx`, tokenizer.json, config.json); relative to the project. */
  embedding_model_dir: z.string().min(1).optional(),
  /** Texts per embedding call. */
  embedding_batch_size: z.coerce.number().int().min(1).max(64).default(32),
  /** One embedding call (one batch) must answer within this many ms. */
  embedding_timeout_ms: z.coerce.number().int().min(50).default(30_000),
  /** Retries of a call that failed on the network or with a 5xx, with exponential backoff from 250 ms. */
  embedding_retries: z.coerce.number().int().min(0).max(10).default(3),
  /** Prepended to queries for asymmetric models; default known per model (nomic-embed-text, e5, …), else none. */
  embedding_query_prefix: z.string().optional(),
  /** Prepended to chunks before embedding, likewise. */
  embedding_document_prefix: z.string().optional(),
  /** Keyword-leg BM25 field boosts, any of name_terms, sig_terms, doc_terms, path_terms, body_terms; unset ones keep the measured defaults. */
  search_field_boosts: z.preprocess(parseJson, z.partialRecord(z.enum(['name_terms', 'sig_terms', 'doc_terms', 'path_terms', 'body_terms']), z.number().min(0).max(100))).default({}),
  /** Weight of the keyword leg in hybrid reciprocal-rank fusion (the vector leg gets the rest). */
  search_keyword_weight: z.coerce.number().min(0).max(1).default(0.6),
});
export type Settings = z.infer<typeof Settings>;

/** Setting name → environment variable, used for docs and parsing alike. */
export const ENV_NAMES: Record<keyof Settings, string> = {
  project: 'CARTOGRAPH_PROJECT',
  data_dir: 'CARTOGRAPH_DATA_DIR',
  max_file_size: 'CARTOGRAPH_MAX_FILE_SIZE',
  max_files: 'CARTOGRAPH_MAX_FILES',
  workers: 'CARTOGRAPH_WORKERS',
  watch: 'CARTOGRAPH_WATCH',
  watch_debounce_ms: 'CARTOGRAPH_WATCH_DEBOUNCE_MS',
  transport: 'CARTOGRAPH_TRANSPORT',
  host: 'CARTOGRAPH_HOST',
  port: 'CARTOGRAPH_PORT',
  wait_budget_ms: 'CARTOGRAPH_WAIT_BUDGET_MS',
  deadline_ms: 'CARTOGRAPH_DEADLINE_MS',
  large_repo_files: 'CARTOGRAPH_LARGE_REPO_FILES',
  log_level: 'CARTOGRAPH_LOG_LEVEL',
  lsp_idle_ms: 'CARTOGRAPH_LSP_IDLE_MS',
  lsp_timeout_ms: 'CARTOGRAPH_LSP_TIMEOUT_MS',
  lsp_servers: 'CARTOGRAPH_LSP_SERVERS',
  api_key: 'CARTOGRAPH_API_KEY',
  api_keys_file: 'CARTOGRAPH_API_KEYS_FILE',
  open_paths: 'CARTOGRAPH_OPEN_PATHS',
  allowed_hosts: 'CARTOGRAPH_ALLOWED_HOSTS',
  allowed_origins: 'CARTOGRAPH_ALLOWED_ORIGINS',
  max_body_bytes: 'CARTOGRAPH_MAX_BODY_BYTES',
  request_timeout_ms: 'CARTOGRAPH_REQUEST_TIMEOUT_MS',
  headers_timeout_ms: 'CARTOGRAPH_HEADERS_TIMEOUT_MS',
  rate_limit_per_min: 'CARTOGRAPH_RATE_LIMIT_PER_MIN',
  rate_limit_notify_per_min: 'CARTOGRAPH_RATE_LIMIT_NOTIFY_PER_MIN',
  read_only: 'CARTOGRAPH_READ_ONLY',
  forward: 'CARTOGRAPH_FORWARD',
  idle_exit_ms: 'CARTOGRAPH_IDLE_EXIT_MS',
  embedding_provider: 'CARTOGRAPH_EMBEDDING_PROVIDER',
  embedding_model: 'CARTOGRAPH_EMBEDDING_MODEL',
  embedding_host: 'CARTOGRAPH_EMBEDDING_HOST',
  embedding_model_dir: 'CARTOGRAPH_EMBEDDING_MODEL_DIR',
  embedding_batch_size: 'CARTOGRAPH_EMBEDDING_BATCH_SIZE',
  embedding_timeout_ms: 'CARTOGRAPH_EMBEDDING_TIMEOUT_MS',
  embedding_retries: 'CARTOGRAPH_EMBEDDING_RETRIES',
  embedding_query_prefix: 'CARTOGRAPH_EMBEDDING_QUERY_PREFIX',
  embedding_document_prefix: 'CARTOGRAPH_EMBEDDING_DOCUMENT_PREFIX',
  search_field_boosts: 'CARTOGRAPH_SEARCH_FIELD_BOOSTS',
  search_keyword_weight: 'CARTOGRAPH_SEARCH_KEYWORD_WEIGHT',
};

function parseBool(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  return v;
}

/** A list setting given as one comma-separated string (environment variable or flag). */
function parseList(v: unknown): unknown {
  return typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v;
}

/** An object setting given as a JSON string (environment variable). */
function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try { return JSON.parse(v) as unknown; } catch { return v; }
}

function fromEnv(env: NodeJS.ProcessEnv): Partial<Record<keyof Settings, string>> {
  const out: Partial<Record<keyof Settings, string>> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as Array<[keyof Settings, string]>) {
    const v = env[name];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}

function fromFile(projectDir: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(projectDir, 'cartograph.json'), 'utf8'));
    return parsed && typeof parsed === 'object' ? flattenSections(parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * `"embedding": {"provider": …}` in cartograph.json reads as `embedding_provider` …: settings stay
 * flat so each has exactly one environment variable and one flag. Flat keys win over the section.
 */
function flattenSections(file: Record<string, unknown>): Record<string, unknown> {
  const { embedding, ...rest } = file;
  if (!embedding || typeof embedding !== 'object' || Array.isArray(embedding)) return file;
  return { ...Object.fromEntries(Object.entries(embedding).map(([k, v]) => [`embedding_${k}`, v])), ...rest };
}

/** Resolves settings; `flags` holds only what the user passed on the command line. */
export function loadSettings(flags: Partial<Record<keyof Settings, unknown>> = {}, env = process.env): Settings {
  const envValues = fromEnv(env);
  const project = resolve(String(flags.project ?? envValues.project ?? '.'));
  // Ollama's own variable (which its JS client ignores) sits just above the default.
  const ollamaHost = env.OLLAMA_HOST ? { embedding_host: env.OLLAMA_HOST } : {};
  const merged = { ...ollamaHost, ...fromFile(project), ...envValues, ...flags, project };
  const result = Settings.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export const dataDirOf = (s: Settings): string => resolve(s.data_dir ?? join(s.project, '.cartograph'));
