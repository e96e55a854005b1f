// The answers read before the first render (data/first-answers.ts) serve that render only: a
// screen mounted later, or a read that finished after the first screen was drawn, must never
// hand a screen data from the start of the shift.
import { describe, it, expect } from 'vitest';
import { firstAnswer, firstScreenIsDrawn, forgetFirstAnswers, keepFirstAnswer, wardAnswerKey } from '../../src/client/data/first-answers';

describe('answers read before the first screen', () => {
  it('are there until the first screen is drawn, then gone, and a late one is not kept', () => {
    const rows = [{ patientId: 'p1' }];
    keepFirstAnswer(wardAnswerKey('MED'), rows);
    expect(firstScreenIsDrawn()).toBe(false);
    expect(firstAnswer(wardAnswerKey('MED'))).toBe(rows);
    expect(firstAnswer(wardAnswerKey('CHIR'))).toBeUndefined();

    forgetFirstAnswers();
    expect(firstScreenIsDrawn()).toBe(true);
    expect(firstAnswer(wardAnswerKey('MED'))).toBeUndefined();
    keepFirstAnswer(wardAnswerKey('MED'), rows); // a slow read, finished after the first render
    expect(firstAnswer(wardAnswerKey('MED'))).toBeUndefined();
  });
});
