// One canonical serialisation for the whole code base (hash chain, request fingerprints, terms hashes).
export { canonicalJson } from '@cl/domain/shared/canonical-json';
