/**
 * The evolution rule, checked where a schema changes (`npm run schemas`): a published version may only
 * change additively — new optional fields, wider types. Removing or renaming a field, changing its
 * type, or adding a required one breaks consumers that validate or read that version: it needs a new
 * version of the type and an upcaster (docs/events.md). Checked on the properties of each event's data
 * and of each definition it uses, by name. Inline union members (anyOf) are not compared: a change
 * to one still shows in the regenerated file's diff, for review.
 */
import type { EventSchemaDocument, JsonSchema } from '../../libs/domain/event-contract';

/** The breaking changes `next` makes to the versions `published` already has. */
export function breakingChanges(published: EventSchemaDocument, next: EventSchemaDocument): string[] {
  const found: string[] = [];
  for (const [type, before] of Object.entries(published.types)) {
    const after = next.types[type];
    if (!after) {
      found.push(`${type}: the type was removed`);
      continue;
    }
    for (const [version, schema] of Object.entries(before.versions)) {
      const nextSchema = after.versions[version];
      if (!nextSchema) found.push(`${type} v${version}: the version was removed`);
      else found.push(...objectChanges(`${type} v${version}`, schema, nextSchema));
    }
  }
  return found;
}

type Properties = Record<string, JsonSchema>;

function objectChanges(where: string, before: JsonSchema, after: JsonSchema): string[] {
  const found: string[] = droppedValues(where, before, after);
  const was = (before.properties ?? {}) as Properties;
  const is = (after.properties ?? {}) as Properties;
  const wasRequired = new Set((before.required ?? []) as string[]);
  for (const name of Object.keys(was)) {
    if (!(name in is)) found.push(`${where}: ${name} was removed`);
    else if (shapeOf(was[name]) !== shapeOf(is[name]))
      found.push(`${where}: ${name} changed from ${shapeOf(was[name])} to ${shapeOf(is[name])}`);
    else found.push(...droppedValues(`${where}: ${name}`, was[name], is[name]));
  }
  for (const name of (after.required ?? []) as string[]) {
    if (!wasRequired.has(name)) found.push(`${where}: ${name} is newly required`);
  }
  const defsBefore = (before.definitions ?? {}) as Properties;
  const defsAfter = (after.definitions ?? {}) as Properties;
  for (const name of Object.keys(defsBefore)) {
    if (defsAfter[name]) found.push(...objectChanges(`${where} ${name}`, defsBefore[name], defsAfter[name]));
  }
  return found;
}

/** The part of a property's schema a reader depends on: its type, reference and constant (values: droppedValues). */
function shapeOf(schema: JsonSchema): string {
  const { type, $ref, const: constant, items } = schema;
  return JSON.stringify({ type, $ref, const: constant, items: items ? shapeOf(items as JsonSchema) : undefined });
}

/** A value an enum no longer allows breaks the events that carry it; a new value is additive. */
function droppedValues(where: string, before: JsonSchema, after: JsonSchema): string[] {
  const was = (before.enum ?? []) as unknown[];
  const is = new Set((after.enum ?? was) as unknown[]);
  return was.filter((v) => !is.has(v)).map((v) => `${where} no longer allows ${JSON.stringify(v)}`);
}
