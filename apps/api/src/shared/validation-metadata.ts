/**
 * class-validator finds a class's constraints anew on every validation of every object in a body: it
 * walks every decorated class of the app (`instanceof` each, for inherited constraints) and filters
 * their constraints. They change only while classes are being decorated, at load, so the answer is
 * kept per class and options until a constraint is added. Roughly halves what validating a sale costs.
 */
import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];

const patched = new WeakSet<Storage>();

export function keepTargetMetadata(storage: Storage = getMetadataStorage()): void {
  if (patched.has(storage)) return;
  patched.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let kept = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    kept = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups); // not used here: not kept
    const options = `${schema}\u0000${always}\u0000${strictGroups}`;
    let forTarget = kept.get(target);
    if (!forTarget) kept.set(target, (forTarget = new Map()));
    let found = forTarget.get(options);
    if (!found) forTarget.set(options, (found = Object.freeze(lookup(target, schema, always, strictGroups, groups)) as ValidationMetadata[]));
    return found;
  };
}
