// The import resolvers by language id: one resolver per language family (TS/JS, JVM and C/C++
// share one), the manifests whose change invalidates them, and each family's rule for naming an
// external package.
import { bashPackageName, createBashResolver } from './bash.js';
import { cPackageName, createCFamilyResolver } from './cfamily.js';
import { createCSharpResolver, csharpPackageName } from './csharp.js';
import { createGoResolver, goPackageName } from './go.js';
import { createJvmResolver, jvmPackageName } from './jvm.js';
import { createLuaResolver, luaPackageName } from './lua.js';
import { createPhpResolver, phpPackageName } from './php.js';
import { createPythonResolver, pythonPackageName } from './python.js';
import { createRubyResolver, rubyPackageName } from './ruby.js';
import { createRustResolver, rustPackageName } from './rust.js';
import { createSwiftResolver, swiftPackageName } from './swift.js';
import { createTypeScriptResolver, tsPackageName } from './typescript.js';
import type { LanguageResolver } from './types.js';

interface Family {
  ids: readonly string[];
  create: () => LanguageResolver;
  packageName: (specifier: string) => string;
  /** Resolution consults type names (a change to who defines a type re-resolves its users). */
  byTypeNames?: boolean;
}

const FAMILIES: readonly Family[] = [
  { ids: ['typescript', 'tsx', 'javascript'], create: createTypeScriptResolver, packageName: tsPackageName },
  { ids: ['python'], create: createPythonResolver, packageName: pythonPackageName },
  { ids: ['go'], create: createGoResolver, packageName: goPackageName },
  { ids: ['java', 'kotlin', 'scala'], create: createJvmResolver, packageName: jvmPackageName, byTypeNames: true },
  { ids: ['rust'], create: createRustResolver, packageName: rustPackageName },
  { ids: ['c', 'cpp'], create: createCFamilyResolver, packageName: cPackageName },
  { ids: ['csharp'], create: createCSharpResolver, packageName: csharpPackageName, byTypeNames: true },
  { ids: ['ruby'], create: createRubyResolver, packageName: rubyPackageName },
  { ids: ['php'], create: createPhpResolver, packageName: phpPackageName, byTypeNames: true },
  { ids: ['swift'], create: createSwiftResolver, packageName: swiftPackageName, byTypeNames: true },
  { ids: ['lua'], create: createLuaResolver, packageName: luaPackageName },
  { ids: ['bash'], create: createBashResolver, packageName: bashPackageName },
];

const familyOf = new Map(FAMILIES.flatMap((f) => f.ids.map((id) => [id, f] as const)));
const INPUTS: ReadonlySet<string> = new Set(FAMILIES.flatMap((f) => f.create().inputs));

/** Resolvers by language id; languages of one family share one resolver (and its caches). */
export function createResolvers(): (languageId: string) => LanguageResolver | undefined {
  const made = new Map<Family, LanguageResolver>();
  return (languageId) => {
    const family = familyOf.get(languageId);
    if (!family) return undefined;
    let resolver = made.get(family);
    if (!resolver) made.set(family, (resolver = family.create()));
    return resolver;
  };
}

/** A new resolver for one language (undefined for languages without imports to resolve). */
export function resolverFor(languageId: string): LanguageResolver | undefined {
  return familyOf.get(languageId)?.create();
}

/** Union of every resolver's `inputs`: manifest basenames whose change re-resolves imports. */
export function resolverInputs(): ReadonlySet<string> {
  return INPUTS;
}

/** True for languages whose resolution depends on which files define which type names. */
export function isClassLikeLanguage(languageId: string): boolean {
  return familyOf.get(languageId)?.byTypeNames === true;
}

/** The external package an import specifier names, by the same rule the language's resolver uses. */
export function externalPackageName(languageId: string, specifier: string): string {
  return familyOf.get(languageId)?.packageName(specifier) ?? specifier;
}
