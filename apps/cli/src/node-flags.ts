/**
 * The V8 flags `npm run cli` runs with (package.json's `cli` script; `node-flags.spec.ts` checks the two
 * agree, and the rebuild benchmark starts its child with them). A V8 heap flag must be given on the
 * command line: set from inside the process (`v8.setFlagsFromString`) it no longer sizes the heap.
 *
 * A 32 MB young generation (semi-space; 16 MB by default): a rebuild allocates an object graph per event
 * and per document, and with more room fewer of them survive into a scavenge. At 1M events it took 9%
 * less CPU and 4% less time, at ~50 MB more peak RSS (docs/benchmarks.md, 2026-11-28). Not given to the
 * API: under request load its ratios gained ~4% but the p99 at half of saturation doubled in one of two
 * runs (longer scavenge pauses), against a 20 ms goal.
 */
export const CLI_NODE_FLAGS = ['--max-semi-space-size=32'] as const;
