// Every language with a parser, in one list; detection and workers look specs up here.
import type { LanguageSpec } from '../spec.js';
import { bash } from './bash.js';
import { c } from './c.js';
import { cpp } from './cpp.js';
import { csharp } from './csharp.js';
import { go } from './go.js';
import { java } from './java.js';
import { javascript } from './javascript.js';
import { kotlin } from './kotlin.js';
import { lua } from './lua.js';
import { php } from './php.js';
import { python } from './python.js';
import { ruby } from './ruby.js';
import { rust } from './rust.js';
import { scala } from './scala.js';
import { swift } from './swift.js';
import { tsx, typescript } from './typescript.js';

export const LANGUAGE_SPECS: readonly LanguageSpec[] = [
  typescript, tsx, javascript, python, go, rust, java, kotlin, scala, c, cpp, csharp, ruby, php, swift, lua, bash,
];

const byId = new Map(LANGUAGE_SPECS.map((s) => [s.id, s]));
export const specFor = (id: string): LanguageSpec | undefined => byId.get(id);
