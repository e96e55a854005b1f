// Whether a body is a flowsheet row, apart from the row's schema: the projection asks it of every
// entry, on the tablet's first screen too, which does not load zod.
import type { QuestionnaireResponse } from '../questionnaire/types';

export interface FlowsheetRowBody {
  flowsheetRow: QuestionnaireResponse;
}

/** A body is a row when it says so: the projection sorts entries by this, whatever their kind. */
export function isFlowsheetRow(body: unknown): body is FlowsheetRowBody {
  return typeof body === 'object' && body !== null && 'flowsheetRow' in body;
}
