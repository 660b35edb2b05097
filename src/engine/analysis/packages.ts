// The project's tech stack from what its code really imports: external packages resolved by the
// import resolvers of every language, counted by importing files, standard libraries left out,
// well-known frameworks named. Manifest dependencies are secondary evidence (a framework declared
// but imported nowhere, such as a test runner driven by config).
import { builtinModules } from 'node:module';
import type { Project } from '../project.js';
import { manifestsOf } from './manifests.js';

export interface StackEntry {
  /** Framework name when recognised, else the package name. */
  name: string;
  package: string;
  /** Files importing the package (0 when only a manifest declares it). */
  files: number;
  framework: boolean;
  source: 'imports' | 'manifest';
}

/** Package (or Go/JVM import-path prefix) → framework name. */
const FRAMEWORKS: Record<string, string> = {
  react: 'React', 'react-dom': 'React DOM', next: 'Next.js', vue: 'Vue', nuxt: 'Nuxt', svelte: 'Svelte',
  '@sveltejs/kit': 'SvelteKit', '@angular/core': 'Angular', 'solid-js': 'Solid', preact: 'Preact', express: 'Express',
  fastify: 'Fastify', koa: 'Koa', hono: 'Hono', '@nestjs/core': 'NestJS', electron: 'Electron', 'react-native': 'React Native',
  '@modelcontextprotocol/sdk': 'MCP SDK', zod: 'Zod', prisma: 'Prisma', '@prisma/client': 'Prisma', typeorm: 'TypeORM',
  'drizzle-orm': 'Drizzle', mongoose: 'Mongoose', graphql: 'GraphQL', '@apollo/server': 'Apollo Server',
  'socket.io': 'Socket.IO', rxjs: 'RxJS', redux: 'Redux', '@reduxjs/toolkit': 'Redux Toolkit', tailwindcss: 'Tailwind CSS',
  vitest: 'Vitest', jest: 'Jest', '@jest/globals': 'Jest', mocha: 'Mocha', '@playwright/test': 'Playwright', cypress: 'Cypress',
  django: 'Django', flask: 'Flask', fastapi: 'FastAPI', starlette: 'Starlette', tornado: 'Tornado', aiohttp: 'aiohttp',
  pydantic: 'Pydantic', sqlalchemy: 'SQLAlchemy', celery: 'Celery', numpy: 'NumPy', pandas: 'pandas', scipy: 'SciPy',
  torch: 'PyTorch', tensorflow: 'TensorFlow', jax: 'JAX', sklearn: 'scikit-learn', transformers: 'Transformers',
  requests: 'Requests', httpx: 'HTTPX', click: 'Click', typer: 'Typer', pytest: 'pytest', scrapy: 'Scrapy',
  streamlit: 'Streamlit', langchain: 'LangChain', matplotlib: 'Matplotlib',
  tokio: 'Tokio', 'async-std': 'async-std', actix_web: 'Actix Web', axum: 'Axum', rocket: 'Rocket', warp: 'Warp',
  serde: 'Serde', serde_json: 'Serde JSON', clap: 'Clap', diesel: 'Diesel', sqlx: 'SQLx', tauri: 'Tauri', bevy: 'Bevy',
  'github.com/gin-gonic/gin': 'Gin', 'github.com/labstack/echo': 'Echo', 'github.com/gofiber/fiber': 'Fiber',
  'github.com/go-chi/chi': 'chi', 'github.com/gorilla/mux': 'Gorilla Mux', 'github.com/spf13/cobra': 'Cobra',
  'gorm.io/gorm': 'GORM', 'google.golang.org/grpc': 'gRPC', 'github.com/stretchr/testify': 'testify',
  'org.springframework': 'Spring', 'io.micronaut': 'Micronaut', 'io.quarkus': 'Quarkus', 'org.junit': 'JUnit',
  'org.hibernate': 'Hibernate', 'io.ktor': 'Ktor', 'akka.actor': 'Akka',
  rails: 'Rails', sinatra: 'Sinatra', rspec: 'RSpec', 'Illuminate\\Support': 'Laravel', 'Symfony\\Component': 'Symfony',
  SwiftUI: 'SwiftUI', UIKit: 'UIKit', Vapor: 'Vapor', 'Microsoft.AspNetCore': 'ASP.NET Core', 'Microsoft.EntityFrameworkCore': 'Entity Framework',
  Xunit: 'xUnit', NUnit: 'NUnit',
};

/** Python's standard library, top-level modules (imports of these are not part of a stack). */
const PYTHON_STDLIB = new Set(`__future__ abc argparse array ast asyncio atexit base64 bisect builtins bz2 calendar cmath cmd
codecs collections colorsys concurrent configparser contextlib contextvars copy copyreg csv ctypes curses dataclasses datetime
dbm decimal difflib dis doctest email encodings enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib
functools gc getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http imaplib importlib inspect io
ipaddress itertools json keyword linecache locale logging lzma mailbox math mimetypes mmap multiprocessing netrc numbers
operator optparse os pathlib pdb pickle pkgutil platform plistlib poplib posix pprint profile pstats pty pwd py_compile
queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil
signal site smtplib socket socketserver sqlite3 ssl stat statistics string stringprep struct subprocess symtable sys
sysconfig syslog tarfile tempfile termios textwrap threading time timeit tkinter token tokenize tomllib trace traceback
tracemalloc tty turtle types typing unicodedata unittest urllib uuid venv warnings wave weakref webbrowser winreg
wsgiref xml xmlrpc zipapp zipfile zipimport zlib zoneinfo _thread`.split(/\s+/));

const NODE_BUILTINS = new Set(builtinModules);
const RUST_PLATFORM = new Set(['std', 'core', 'alloc', 'proc_macro', 'test']);
const JVM_PLATFORM = /^(java|javax|kotlin|scala|jdk|sun)(\.|$)/;

/** True for imports of a language's own standard library or platform (`os`, `node:fs`, `fmt`, `java.util`, `<stdio.h>`). */
export function isPlatformPackage(language: string | null, pkg: string): boolean {
  switch (language) {
    case 'typescript': case 'tsx': case 'javascript':
      return pkg.startsWith('node:') || pkg.startsWith('bun:') || NODE_BUILTINS.has(pkg);
    case 'python': return PYTHON_STDLIB.has(pkg);
    case 'go': return !pkg.split('/')[0]!.includes('.');
    case 'rust': return RUST_PLATFORM.has(pkg) || pkg === 'crate' || pkg === 'self' || pkg === 'super';
    case 'java': case 'kotlin': case 'scala': return JVM_PLATFORM.test(pkg);
    case 'c': case 'cpp': return !pkg.includes('/');
    case 'csharp': return pkg === 'System' || pkg.startsWith('System.');
    default: return false;
  }
}

/** Framework name of a package, matching Go/JVM/C# import paths by prefix. */
export function frameworkOf(pkg: string): string | undefined {
  const exact = FRAMEWORKS[pkg];
  if (exact) return exact;
  for (const [key, name] of Object.entries(FRAMEWORKS)) {
    if (pkg.startsWith(`${key}/`) || pkg.startsWith(`${key}.`)) return name;
  }
  return undefined;
}

/** The stack key of an external import: C/C++ headers group by their top folder (`boost/asio.hpp` → boost). */
const stackKey = (language: string | null, pkg: string): string =>
  language === 'c' || language === 'cpp' ? pkg.split('/')[0]! : pkg;

/** path → external (non-platform) packages it imports, for every file that imports one. */
export function externalImports(project: Project): Map<string, string[]> {
  return project.derived('analysis.external-imports', () => {
    const out = new Map<string, string[]>();
    for (const row of project.store.externalImporters()) {
      if (isPlatformPackage(row.language, row.package)) continue;
      const list = out.get(row.path) ?? [];
      const key = stackKey(row.language, row.package);
      if (!list.includes(key)) list.push(key);
      out.set(row.path, list);
    }
    return out;
  });
}

/** Imported packages by importing files (frameworks first among equals), then declared-only frameworks. */
export function techStack(project: Project): StackEntry[] {
  return project.derived('analysis.tech-stack', () => {
    const counts = new Map<string, number>();
    for (const pkgs of externalImports(project).values()) for (const p of pkgs) counts.set(p, (counts.get(p) ?? 0) + 1);
    const imported: StackEntry[] = [...counts].map(([pkg, files]) => {
      const fw = frameworkOf(pkg);
      return { name: fw ?? pkg, package: pkg, files, framework: fw !== undefined, source: 'imports' as const };
    });
    imported.sort((a, b) => b.files - a.files || Number(b.framework) - Number(a.framework) || (a.package < b.package ? -1 : 1));
    const seen = new Set(imported.map((e) => e.name));
    const declared: StackEntry[] = [];
    for (const dep of manifestsOf(project).dependencies) {
      const fw = frameworkOf(dep.name);
      if (!fw || seen.has(fw) || counts.has(dep.name)) continue;
      seen.add(fw);
      declared.push({ name: fw, package: dep.name, files: 0, framework: true, source: 'manifest' });
    }
    return [...imported, ...declared.sort((a, b) => (a.name < b.name ? -1 : 1))];
  });
}
