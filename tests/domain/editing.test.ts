// The editing rules: an editor warns the nurse when the versions she started from are no longer
// the document's heads (the write itself names them: tests/client/edit-from-seen.test.ts).
import { describe, it, expect } from 'vitest';
import { sameHeads } from '../../src/domain/editing';

describe('sameHeads', () => {
  it('compares sets of ids, in any order', () => {
    expect(sameHeads(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(sameHeads(['a'], ['a', 'b'])).toBe(false);
    expect(sameHeads(['a', 'c'], ['a', 'b'])).toBe(false);
    expect(sameHeads([], [])).toBe(true);
  });
});
