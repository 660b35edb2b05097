// API documentation pages: the OpenAPI document at /openapi.json, Swagger UI at /docs and ReDoc at
// /redoc. Their scripts and styles come from the swagger-ui-dist and redoc npm packages, served
// from node_modules under /docs/assets and /redoc/assets, so the pages work with no network.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { HttpEnv } from './env.js';
import { openApiDocument } from './openapi.js';
import { mountAssets } from './static-files.js';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const REDOC_DIR = dirname(require.resolve('redoc/package.json'));

/**
 * The files each page may load, by the name it is served under. A fixed table: the asset routes
 * never turn a request path into a file-system path.
 */
const ASSETS: Record<'docs' | 'redoc', Record<string, string>> = {
  docs: {
    'swagger-ui.css': join(SWAGGER_DIR, 'swagger-ui.css'),
    'swagger-ui-bundle.js': join(SWAGGER_DIR, 'swagger-ui-bundle.js'),
    'favicon-32x32.png': join(SWAGGER_DIR, 'favicon-32x32.png'),
  },
  redoc: {
    'redoc.standalone.js': join(REDOC_DIR, 'bundles', 'redoc.standalone.js'),
  },
};

// Swagger UI's own defaults would ask validator.swagger.io about the document: switched off.
const SWAGGER_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;

const SWAGGER_PAGE = page('Cartograph API — Swagger UI',
  '<link rel="stylesheet" href="/docs/assets/swagger-ui.css">\n<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">',
  '<div id="swagger-ui"></div>\n<script src="/docs/assets/swagger-ui-bundle.js"></script>\n<script src="/docs/assets/init.js"></script>');

const REDOC_PAGE = page('Cartograph API — ReDoc',
  '<style>body { margin: 0; padding: 0; }</style>',
  '<redoc spec-url="/openapi.json"></redoc>\n<script src="/redoc/assets/redoc.standalone.js"></script>');

export function mountDocs(app: Hono<HttpEnv>): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/docs', (c) => c.html(SWAGGER_PAGE));
  app.get('/redoc', (c) => c.html(REDOC_PAGE));
  app.get('/docs/assets/init.js', (c) => c.body(SWAGGER_INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  for (const [section, files] of Object.entries(ASSETS)) mountAssets(app, `/${section}/assets`, files);
}
