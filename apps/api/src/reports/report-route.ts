/**
 * What every report route has in common: it lives under /reports, answers the company, distributors
 * and compliance, and gives the same rows as JSON or, on `Accept: text/csv`, as CSV — described as
 * both in the OpenAPI document.
 */
import { applyDecorators, Controller, createParamDecorator, type ExecutionContext, Get, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../shared/auth/access';
import { csvOpenApi, negotiated, type CsvColumn } from '../shared/csv';

/** The controller of one report: under /reports, with its JSON answer among the document's schemas. */
export const ReportController = (model: Type) => applyDecorators(ApiTags('reports'), Controller('reports'), ApiExtraModels(model));

export interface ReportRouteOptions {
  path: string;
  /** The JSON answer. */
  model: Type;
  columns: readonly CsvColumn<never>[];
  description: string;
  /** The 404 the route answers, if any. */
  notFound?: string;
  /** The 422 the route answers. */
  invalid?: string;
}

const INVALID_PARAMETER = 'REQUEST.VALIDATION_FAILED: a parameter is invalid or unknown';

/** GET /reports/<path>, described as JSON or CSV. */
export function ReportRoute(o: ReportRouteOptions) {
  const decorators = [
    Get(o.path),
    AllowParties('company', 'distributor', 'compliance'),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({
      description: o.description,
      content: { 'application/json': { schema: { $ref: getSchemaPath(o.model) } }, 'text/csv': csvOpenApi(o.columns) },
    }),
    ...(o.notFound ? [ApiNotFoundResponse({ description: o.notFound })] : []),
    ApiUnprocessableEntityResponse({ description: o.invalid ?? INVALID_PARAMETER }),
  ];
  // Stacked decorators apply bottom-up; applying them in that order keeps the document as it was written.
  return applyDecorators(...decorators.reverse());
}

/** Answers a report as JSON, or its rows as CSV when the caller prefers it (see `negotiated`). */
export type Negotiate = <T, J>(json: J, csv: { columns: readonly CsvColumn<T>[]; rows: readonly T[] }) => J | string;

/**
 * The negotiation of the current request. It sets headers on the response but leaves sending it to
 * Nest, as `@Res({ passthrough: true })` would.
 */
export const Negotiation = createParamDecorator((_: unknown, ctx: ExecutionContext): Negotiate => {
  const http = ctx.switchToHttp();
  const req = http.getRequest<Request>();
  const res = http.getResponse<Response>();
  return (json, csv) => negotiated(req, res, json, csv);
});
