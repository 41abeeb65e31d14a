/**
 * Reads the routes out of the app's own OpenAPI document, so the security specs cover every route
 * without anyone listing them, and derives a valid request body from each request schema.
 */
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { buildOpenApi } from '../bootstrap';
import type { AccessRule } from '../shared/auth/access';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
export const WRITE_METHODS: readonly HttpMethod[] = ['post', 'put', 'patch', 'delete'];

/** The part of an OpenAPI 3.0 schema object that the derivation below understands. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface RouteParam {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema?: Schema;
}

export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/distributors/{id}/name`. */
  path: string;
  /** `PUT /distributors/{id}/name`: how the route is named in failures and in the override maps. */
  label: string;
  access?: AccessRule;
  params: RouteParam[];
  /** The application/json request schema, $refs resolved at the top level. */
  body?: Schema;
}

export interface OpenApiDoc {
  paths: Record<string, Partial<Record<string, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Operation {
  parameters?: RouteParam[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-access'?: AccessRule;
}

export function openApiOf(app: INestApplication): OpenApiDoc {
  return buildOpenApi(app) as unknown as OpenApiDoc;
}

export function listRoutes(doc: OpenApiDoc): RouteSpec[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => routeOf(doc, path, method, item[method]!)),
  );
}

function routeOf(doc: OpenApiDoc, path: string, method: HttpMethod, op: Operation): RouteSpec {
  const body = op.requestBody?.content?.['application/json']?.schema;
  return {
    method,
    path,
    label: `${method.toUpperCase()} ${path}`,
    access: op['x-access'],
    params: (op.parameters ?? []).map((p) => ({ ...p, required: p.required === true })),
    body: body ? resolve(doc, body) : undefined,
  };
}

export function isWrite(route: RouteSpec): boolean {
  return WRITE_METHODS.includes(route.method);
}

export function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`OpenAPI $ref ${schema.$ref} does not resolve`);
  return resolve(doc, target);
}

/** The example value for a schema, or undefined when it cannot be derived (the caller then needs an override). */
export function deriveExample(doc: OpenApiDoc, raw: Schema): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const variant = schema.allOf ? mergeAllOf(doc, schema.allOf) : (schema.oneOf ?? schema.anyOf)?.[0];
  if (variant) return deriveExample(doc, variant);
  if (schema.properties || schema.type === 'object') return deriveObject(doc, schema);
  if (schema.type === 'array') return deriveArray(doc, schema);
  return deriveScalar(schema);
}

function mergeAllOf(doc: OpenApiDoc, parts: Schema[]): Schema {
  const resolved = parts.map((p) => resolve(doc, p));
  return {
    type: 'object',
    properties: Object.assign({}, ...resolved.map((p) => p.properties ?? {})),
    required: resolved.flatMap((p) => p.required ?? []),
  };
}

/** Required properties always; optional ones only when they carry an example (a guess could make the body invalid). */
function deriveObject(doc: OpenApiDoc, schema: Schema): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) ?? false;
    if (!required && resolve(doc, property).example === undefined) continue;
    const value = deriveExample(doc, property);
    if (value === undefined) return undefined;
    out[name] = value;
  }
  return out;
}

function deriveArray(doc: OpenApiDoc, schema: Schema): unknown[] | undefined {
  const item = schema.items ? deriveExample(doc, schema.items) : undefined;
  return item === undefined ? undefined : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
}

function deriveScalar(schema: Schema): unknown {
  switch (schema.type) {
    case 'string':
      return deriveString(schema);
    case 'number':
    case 'integer':
      return schema.minimum ?? Math.min(1, schema.maximum ?? 1);
    case 'boolean':
      return true;
    default:
      return undefined;
  }
}

function deriveString(schema: Schema): string | undefined {
  if (schema.format === 'date-time') return '2026-01-01T00:00:00.000Z';
  if (schema.format === 'date') return '2026-01-01';
  if (schema.pattern) return sampleMatching(schema.pattern, schema.minLength ?? 0, schema.maxLength ?? Infinity);
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** A fixed-seed sample of fast-check's regex generator, so a derived body is the same on every run. */
function sampleMatching(pattern: string, min: number, max: number): string | undefined {
  const samples = fc.sample(fc.stringMatching(new RegExp(pattern)), { seed: 42, numRuns: 50 });
  return samples.find((s) => s.length >= min && s.length <= max);
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every `METHOD /template` Express actually serves, read from its router (Express 5 internals, test
 * use only): a route left out of the OpenAPI document would otherwise escape the security specs.
 * The docs UI and Nest's catch-all 404 handler are not API routes.
 */
export function servedRoutes(app: INestApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } }).router;
  return router.stack.flatMap(({ route }) => {
    if (!route || route.path.startsWith('/docs') || route.path.includes('*')) return [];
    const template = route.path.replace(/:(\w+)/g, '{$1}');
    return Object.keys(route.methods)
      .filter((m): m is HttpMethod => (METHODS as readonly string[]).includes(m))
      .map((m) => `${m.toUpperCase()} ${template}`);
  });
}
