// The words of addenda and retractions as every screen, sheet and export reads them: one reader
// each in the domain, so a receiver's synthesis or a body without its field reads the same way
// on the tablet, on paper and in the FHIR export.
import { describe, it, expect } from 'vitest';
import { addendumBody, retractBody } from '../../src/domain/schemas';
import { addendumText, retractReason } from '../../src/domain/schemas/annotation';

describe('addendum and retraction readers', () => {
  it('reads the text of a checked addendum and the reason of a checked retraction', () => {
    expect(addendumText(addendumBody.parse({ text: 'Douleur 2/10 à 14:00' }))).toBe('Douleur 2/10 à 14:00');
    expect(retractReason(retractBody.parse({ reason: 'mauvais patient' }))).toBe('mauvais patient');
  });

  it("reads a receiver's synthesis before any text", () => {
    expect(addendumText({ role: 'receiver', synthesis: 'Repris : surveillance de la plaie', text: 'ignored' })).toBe('Repris : surveillance de la plaie');
  });

  it('reads a body without its field, or no body at all, as empty rather than failing', () => {
    expect(addendumText(null)).toBe('');
    expect(addendumText({})).toBe('');
    expect(retractReason(undefined)).toBe('');
    expect(retractReason({ text: 'not a reason' })).toBe('');
  });
});
