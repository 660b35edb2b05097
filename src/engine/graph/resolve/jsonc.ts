// Reads JSON-with-comments manifests (tsconfig.json, package.json, composer.json,
// compile_commands.json); unreadable documents read as undefined.
import { parse } from 'jsonc-parser';
import type { ProjectView } from './types.js';

export type JsonObject = Record<string, unknown>;

export function readJson(view: ProjectView, path: string): unknown {
  const text = view.readText(path);
  return text === undefined ? undefined : parse(text, [], { allowTrailingComma: true, disallowComments: false });
}

export function readJsonObject(view: ProjectView, path: string): JsonObject | undefined {
  return asObject(readJson(view, path));
}

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
