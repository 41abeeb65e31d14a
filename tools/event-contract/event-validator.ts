/** Validates event data against the published contract (ajv, strict), one compiled schema per type and version. */
import Ajv, { type ValidateFunction } from 'ajv';
import type { EventSchemaDocument } from '../../libs/domain/event-contract';

export interface EventLike {
  type: string;
  schemaVersion: number;
  data: unknown;
}

export class EventValidator {
  private readonly ajv = new Ajv({ strict: true, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: EventSchemaDocument) {}

  /** What is wrong with the event against the schema of its type and version; [] when it conforms. */
  problems(event: EventLike): string[] {
    const validate = this.validatorFor(event.type, event.schemaVersion);
    if (!validate) return [`no published schema for ${event.type} v${event.schemaVersion}`];
    if (validate(event.data)) return [];
    return (validate.errors ?? []).map((e) => `${event.type} v${event.schemaVersion} data${e.instancePath} ${e.message}${extra(e.params)}`);
  }

  private validatorFor(type: string, version: number): ValidateFunction | undefined {
    const key = `${type}.v${version}`;
    const schema = this.document.types[type]?.versions[String(version)];
    if (!schema) return undefined;
    let validate = this.compiled.get(key);
    if (!validate) this.compiled.set(key, (validate = this.ajv.compile(schema)));
    return validate;
  }
}

/** The offending property, for the errors whose message does not name it. */
function extra(params: Record<string, unknown>): string {
  if (typeof params.additionalProperty === 'string') return ` (${params.additionalProperty})`;
  return '';
}
