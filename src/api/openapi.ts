/**
 * The OpenAPI 3.1 document of the shared innovation API, generated from the same zod
 * schemas that the widgets and the reference server use (JSON Schema 2020-12 is the
 * dialect of OpenAPI 3.1, and zod 4 writes it).
 *
 * Kept out of the widgets' bundle: only the server and tooling import this module.
 */
import * as z from 'zod/mini';
import * as s from './schemas.js';

type JsonObject = Record<string, unknown>;

const components: Record<string, z.ZodMiniType> = {
  Helix: s.Helix,
  InnovationStage: s.InnovationStage,
  InnovationType: s.InnovationType,
  IdeaStatus: s.IdeaStatus,
  ProgramKind: s.ProgramKind,
  ProgramStatus: s.ProgramStatus,
  LocalizedLabel: s.LocalizedLabel,
  Term: s.Term,
  Taxonomy: s.Taxonomy,
  Image: s.Image,
  StakeholderRef: s.StakeholderRef,
  InnovationSummary: s.InnovationSummary,
  Innovation: s.Innovation,
  InnovationPage: s.Page(s.InnovationSummary),
  IdeaSubmission: s.IdeaSubmission,
  IdeaReceipt: s.IdeaReceipt,
  IdeaStatusView: s.IdeaStatusView,
  AdminIdea: s.AdminIdea,
  AdminIdeaPage: s.Page(s.AdminIdea),
  AdminIdeaPatch: s.AdminIdeaPatch,
  Upload: s.Upload,
  Program: s.Program,
  ProgramPage: s.Page(s.Program),
  ProgramDetail: s.ProgramDetail,
  Event: s.Event,
  EventList: s.EventList,
  Stakeholder: s.Stakeholder,
  Collaboration: s.Collaboration,
  StakeholderGraph: s.StakeholderGraph,
  StakeholderDetail: s.StakeholderDetail,
  Problem: s.Problem,
};

const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  // OpenAPI components must not carry their own $schema / $id.
  for (const schema of Object.values(out.schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return out.schemas;
}

function queryParameters(schema: z.ZodMiniObject, required: readonly string[] = []): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodMiniType, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonObject;
    delete json.$schema;
    return { name, in: 'query', required: required.includes(name), schema: json };
  });
}

const pathParameter = (name: string, description: string) => ({
  name, in: 'path', required: true, description, schema: { type: 'string' },
});

const json = (schema: JsonObject, description: string) => ({
  description,
  headers: {
    ETag: { description: 'Entity tag; send it back in If-None-Match.', schema: { type: 'string' } },
    'Cache-Control': { schema: { type: 'string' } },
  },
  content: { 'application/json': { schema } },
});

const problem = (description: string, headers?: JsonObject) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const notModified = { description: 'Not modified (If-None-Match matched).' };
const retryAfter = { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } };

const bearer = [{ bearerAuth: [] }];
const adminErrors = {
  401: problem('No bearer token.'),
  403: problem('Wrong bearer token (or admin disabled on this server).'),
};

/** Builds the OpenAPI 3.1 document. `serverUrl` is the API root, e.g. `/api/v1`. */
export function buildOpenApi(serverUrl = '/api/v1'): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shared innovation API',
      version: '1.0.0',
      description:
        'The contract between inno-widgets and any server a city or partner runs. ' +
        'Errors are RFC 9457 problem details; GET responses carry ETag and Cache-Control.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: serverUrl }],
    paths: {
      '/taxonomy': {
        get: {
          operationId: 'getTaxonomy', summary: 'Sectors, event categories and helixes with labels in both languages.',
          responses: { 200: json(ref('Taxonomy'), 'The taxonomy.'), 304: notModified },
        },
      },
      '/innovations': {
        get: {
          operationId: 'listInnovations', summary: 'Accepted innovations; q matches title, summary and owner name, case- and accent-insensitive.',
          parameters: queryParameters(s.InnovationQuery),
          responses: { 200: json(ref('InnovationPage'), 'A page of innovations.'), 304: notModified, 400: problem('Bad query parameter.') },
        },
      },
      '/innovations/{id}': {
        get: {
          operationId: 'getInnovation', parameters: [pathParameter('id', 'Innovation id.')],
          responses: { 200: json(ref('Innovation'), 'The innovation.'), 304: notModified, 404: problem('No such innovation.') },
        },
      },
      '/ideas': {
        post: {
          operationId: 'submitIdea', summary: 'Propose an idea. Idempotent by Idempotency-Key.',
          parameters: [{
            name: 'Idempotency-Key', in: 'header', required: true,
            description: 'A UUID chosen by the client; the same key and body replays the first answer.',
            schema: { type: 'string', format: 'uuid' },
          }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('IdeaSubmission') } } },
          responses: {
            201: { description: 'Received.', content: { 'application/json': { schema: ref('IdeaReceipt') } } },
            400: problem('No Idempotency-Key (idempotency-key-missing), one that is not a UUID (idempotency-key-invalid), or malformed JSON.'),
            409: problem('A request with this key is still in progress.'),
            413: problem('Body over 64 KiB.'),
            415: problem('Not application/json.'),
            422: problem('Invalid fields (see errors), or the key was used with another body.'),
            429: problem('Too many ideas from this address.', retryAfter),
          },
        },
      },
      '/ideas/{trackingCode}': {
        get: {
          operationId: 'getIdeaStatus', summary: 'Status of an idea. Never any personal data.',
          parameters: [pathParameter('trackingCode', 'The tracking code from the receipt.')],
          responses: { 200: json(ref('IdeaStatusView'), 'The status.'), 304: notModified, 404: problem('No such tracking code.') },
        },
      },
      '/uploads': {
        post: {
          operationId: 'upload', summary: 'Attach a file (PNG, JPEG, WebP or PDF; type checked by content).',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } } },
              },
            },
          },
          responses: {
            201: { description: 'Stored.', content: { 'application/json': { schema: ref('Upload') } } },
            400: problem('No file part.'),
            413: problem('Over 5 MiB.'),
            415: problem('Not a PNG, JPEG, WebP or PDF.'),
            429: problem('Too many uploads from this address.', retryAfter),
          },
        },
      },
      '/programs': {
        get: {
          operationId: 'listPrograms', summary: 'Programs: open first, then upcoming, then closed.',
          parameters: queryParameters(s.ProgramQuery),
          responses: { 200: json(ref('ProgramPage'), 'A page of programs.'), 304: notModified, 400: problem('Bad query parameter.') },
        },
      },
      '/programs/{id}': {
        get: {
          operationId: 'getProgram', parameters: [pathParameter('id', 'Program id.')],
          responses: { 200: json(ref('ProgramDetail'), 'The program.'), 304: notModified, 404: problem('No such program.') },
        },
      },
      '/events': {
        get: {
          operationId: 'listEvents', summary: 'Occurrences overlapping [from, to), recurring series expanded; at most 366 days.',
          parameters: queryParameters(s.EventQuery, ['from', 'to']),
          responses: { 200: json(ref('EventList'), 'The occurrences.'), 304: notModified, 400: problem('Missing or too wide range.') },
        },
      },
      '/events/{id}': {
        get: {
          operationId: 'getEvent', parameters: [pathParameter('id', 'Event (occurrence) id.')],
          responses: { 200: json(ref('Event'), 'The event.'), 304: notModified, 404: problem('No such event.') },
        },
      },
      '/events.ics': {
        get: {
          operationId: 'getEventsFeed', summary: 'RFC 5545 feed of upcoming events.',
          parameters: queryParameters(s.IcsQuery),
          responses: {
            200: { description: 'The calendar.', content: { 'text/calendar': { schema: { type: 'string' } } } },
            304: notModified,
            400: problem('Bad query parameter.'),
          },
        },
      },
      '/stakeholders': {
        get: {
          operationId: 'listStakeholders', summary: 'Stakeholders and the collaborations between them; around/depth give a neighbourhood.',
          parameters: queryParameters(s.StakeholderQuery),
          responses: { 200: json(ref('StakeholderGraph'), 'The graph.'), 304: notModified, 400: problem('Bad query parameter.'), 404: problem('No such stakeholder for around.') },
        },
      },
      '/stakeholders/{id}': {
        get: {
          operationId: 'getStakeholder', parameters: [pathParameter('id', 'Stakeholder id.')],
          responses: { 200: json(ref('StakeholderDetail'), 'The stakeholder.'), 304: notModified, 404: problem('No such stakeholder.') },
        },
      },
      '/admin/ideas': {
        get: {
          operationId: 'listAdminIdeas', summary: 'Moderation list, with personal data.', security: bearer,
          parameters: queryParameters(s.AdminIdeaQuery),
          responses: { 200: json(ref('AdminIdeaPage'), 'A page of ideas.'), 400: problem('Bad query parameter.'), ...adminErrors },
        },
      },
      '/admin/ideas/{id}': {
        patch: {
          operationId: 'updateAdminIdea', summary: 'Change the status of an idea; each change is recorded.', security: bearer,
          parameters: [pathParameter('id', 'Idea id.')],
          requestBody: { required: true, content: { 'application/json': { schema: ref('AdminIdeaPatch') } } },
          responses: {
            200: { description: 'The updated idea.', content: { 'application/json': { schema: ref('AdminIdea') } } },
            404: problem('No such idea.'),
            422: problem('Invalid fields.'),
            ...adminErrors,
          },
        },
        delete: {
          operationId: 'eraseAdminIdea',
          summary: 'Erase an idea at its sender\'s request: the idea, its status history and the uploads only it names ' +
            '(files included). Its tracking code then answers 404; the same Idempotency-Key replays the receipt and stores nothing; ' +
            'the erasure is recorded outside the database, so a restored backup does not bring the idea back.',
          security: bearer,
          parameters: [pathParameter('id', 'Idea id.')],
          responses: {
            204: { description: 'Erased.' },
            404: problem('No such idea (or it was already erased).'),
            ...adminErrors,
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi', summary: 'This document.',
          responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };
}
