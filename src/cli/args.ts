// Command-line parsing shared by every subcommand: `--key value`, `--key=value`, repeated keys
// become lists, `--no-key` is false, dashes in keys become underscores. Settings flags are split
// from operation parameters using the Settings schema's keys.
import { Settings } from '../config.js';

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  settings: Record<string, unknown>;
  params: Record<string, string | string[] | boolean>;
  json: boolean;
  help: boolean;
}

const SETTING_KEYS = new Set(Object.keys(Settings.shape));
const BOOLEAN_FLAGS = new Set(['json', 'help', 'watch', 'read_only', 'write', 'npx', 'forward']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { command: undefined, positionals: [], settings: {}, params: {}, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') { out.help = true; continue; }
    if (!arg.startsWith('--')) {
      if (out.command === undefined) out.command = arg;
      else out.positionals.push(arg);
      continue;
    }
    let key = arg.slice(2);
    let value: string | boolean | undefined;
    const eq = key.indexOf('=');
    if (eq >= 0) { value = key.slice(eq + 1); key = key.slice(0, eq); }
    key = key.replace(/-/g, '_');
    if (value === undefined) {
      if (key.startsWith('no_') && BOOLEAN_FLAGS.has(key.slice(3))) { key = key.slice(3); value = false; }
      else if (BOOLEAN_FLAGS.has(key)) value = true;
      // A flag followed by another flag has no value (`setup cursor --http --write`).
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i]!;
      else value = true;
    }
    if (key === 'json') out.json = value !== false;
    else if (key === 'help') out.help = value !== false;
    else if (SETTING_KEYS.has(key)) out.settings[key] = value;
    else {
      const prev = out.params[key];
      out.params[key] = prev === undefined ? (value as string) : [...(Array.isArray(prev) ? prev : [String(prev)]), String(value)];
    }
  }
  return out;
}
