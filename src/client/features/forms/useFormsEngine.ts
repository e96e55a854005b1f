// The forms engine (FHIRPath + UCUM) for a template that needs it: loaded on demand, in its own
// chunk, so forms without calculations never pay for it. The same engine the server runs.
import { useEffect, useState } from 'react';
import {
  checkForm, computeForm, loadFormsEngine, needsEngine, startValues, type FormProblem, type FormsEngine, type FormValues,
  type Questionnaire,
} from '../../../domain/questionnaire';

export interface FormsEngineState {
  /** False while a needed engine is still loading: the form waits rather than show wrong totals. */
  ready: boolean;
  engine: FormsEngine | undefined;
  /** The values with every calculated item recomputed. */
  recompute: (values: FormValues) => FormValues;
  /** The calculations; and for a new form (given its launch context), initialExpression values first. */
  start: (values: FormValues, launch?: Record<string, unknown>) => FormValues;
  check: (values: FormValues) => FormProblem[];
}

export function useFormsEngine(template: Questionnaire): FormsEngineState {
  const needed = needsEngine(template);
  const [engine, setEngine] = useState<FormsEngine | undefined>(undefined);
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void loadFormsEngine().then((e) => live && setEngine(() => e));
    return () => {
      live = false;
    };
  }, [needed]);
  const recompute = (values: FormValues) => (engine ? computeForm(template, values, engine).values : values);
  return {
    ready: !needed || engine !== undefined,
    engine,
    recompute,
    start: (values, launch) => (engine ? recompute(launch ? startValues(template, values, engine, launch) : values) : values),
    check: (values) => checkForm(template, values, engine ? { engine } : {}),
  };
}
