import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildOpenApi } from '../../src/api/openapi.js';

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
type Doc = { paths: Record<string, Record<string, Operation>> };

/** `| `GET /innovations?q&sector` | …` rows of the API.md resource table. */
function apiMdRoutes(): { method: string; path: string; query: string[] }[] {
  const md = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
  return [...md.matchAll(/^\| `(GET|POST|PATCH|PUT|DELETE) ([^`?]+)(?:\?([^`]*))?` \|/gm)].map((m) => ({
    method: m[1]!.toLowerCase(),
    path: m[2]!,
    query: m[3] ? m[3].split('&') : [],
  }));
}

describe('OpenAPI document', () => {
  const doc = buildOpenApi() as unknown as Doc;

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    assert.equal(validator.version, '3.1');
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
  });

  it('has every path, method and query parameter of API.md', () => {
    const routes = apiMdRoutes();
    assert.ok(routes.length >= 16, `read ${routes.length} routes from API.md`);
    for (const { method, path, query } of routes) {
      const operation = doc.paths[path]?.[method];
      assert.ok(operation, `${method.toUpperCase()} ${path} is missing`);
      const names = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const name of query) assert.ok(names.includes(name), `${method.toUpperCase()} ${path}: parameter ${name} is missing`);
    }
  });

  it('describes request bodies and the error responses of API.md', () => {
    const ideas = doc.paths['/ideas']!.post!;
    assert.ok(ideas.requestBody);
    for (const status of ['201', '400', '413', '422', '429']) assert.ok(ideas.responses[status], `POST /ideas ${status}`);
    assert.ok(ideas.parameters!.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'));
    for (const status of ['201', '413', '415']) assert.ok(doc.paths['/uploads']!.post!.responses[status]);
    for (const status of ['401', '403']) assert.ok(doc.paths['/admin/ideas']!.get!.responses[status]);
    assert.ok(doc.paths['/innovations/{id}']!.get!.responses['404']);
    assert.ok(doc.paths['/events']!.get!.responses['400']);
  });

  it('keeps request schemas closed and URL fields http(s)-only', () => {
    const schemas = (buildOpenApi() as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas;
    assert.equal(schemas.IdeaSubmission!.additionalProperties, false);
    const website = (schemas.Innovation!.properties as Record<string, { pattern?: string }>).website!;
    assert.ok(website.pattern && new RegExp(website.pattern).test('https://a.example') && !new RegExp(website.pattern).test('javascript:x'));
  });
});
