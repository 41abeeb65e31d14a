import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, MetadataStorage, Min, registerDecorator, validate } from 'class-validator';
import { keepTargetMetadata } from './validation-metadata';

class Base {
  @IsString()
  id!: string;
}
class Child extends Base {
  @IsInt()
  @Min(1)
  quantity!: number;
}

/** A storage of its own, filled as decorators fill the global one, so the global one is not touched. */
function storageWith(...targets: Function[]): MetadataStorage {
  const own = new MetadataStorage();
  for (const t of targets) for (const m of metadataOf(t)) own.addValidationMetadata(m);
  return own;
}
const metadataOf = (target: Function) =>
  (getMetadataStorage() as unknown as { validationMetadatas: Map<Function, never[]> }).validationMetadatas.get(target) ?? [];

describe('keepTargetMetadata', () => {
  it("gives what class-validator's own lookup gives, inherited constraints included", () => {
    const plain = storageWith(Base, Child);
    const kept = storageWith(Base, Child);
    keepTargetMetadata(kept);
    for (const target of [Base, Child]) {
      for (const [always, strictGroups] of [[false, false], [true, false], [false, true]]) {
        const expected = plain.getTargetValidationMetadatas(target, '', always, strictGroups);
        expect(kept.getTargetValidationMetadatas(target, '', always, strictGroups)).toEqual(expected);
        expect(kept.getTargetValidationMetadatas(target, '', always, strictGroups)).toEqual(expected); // from the kept answer
      }
    }
    expect(kept.getTargetValidationMetadatas(Child, '', false, false).map((m) => m.propertyName).sort()).toEqual(['id', 'quantity', 'quantity']);
  });

  it('finds a constraint added after a class was looked up', () => {
    const kept = storageWith(Base);
    keepTargetMetadata(kept);
    expect(kept.getTargetValidationMetadatas(Base, '', false, false)).toHaveLength(1);
    for (const m of metadataOf(Child)) kept.addValidationMetadata(m);
    expect(kept.getTargetValidationMetadatas(Child, '', false, false)).toHaveLength(3);
  });

  it('validates as before once installed on the global storage (the API installs it at load)', async () => {
    keepTargetMetadata();
    keepTargetMetadata(); // twice is once
    const wrong = Object.assign(new Child(), { id: 7, quantity: 0 });
    const errors = await validate(wrong);
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([
      ['quantity', ['min']],
      ['id', ['isString']],
    ]);
    // a class looked up before it had constraints is validated with those it gets later
    class Later {
      name!: string;
    }
    expect((await validate(new Later()))[0].constraints).toHaveProperty('unknownValue');
    registerDecorator({ name: 'isNamed', target: Later, propertyName: 'name', validator: { validate: (v: unknown) => v === 'ok' } });
    expect(await validate(Object.assign(new Later(), { name: 'no' }))).toHaveLength(1);
    expect(await validate(Object.assign(new Later(), { name: 'ok' }))).toHaveLength(0);
  });
});
