// The forms engine (FHIRPath + UCUM) for a template that needs it: loaded on demand, in its own
// chunk, so forms without calculations never pay for it. The same engine the server runs.
import { useEffect, useState } from 'react';
import {
  checkForm, computeForm, formWarnings, loadFormsEngine, needsEngine, startValues, type Env, type FormProblem, type FormsEngine,
  type FormValues, type Questionnaire,
} from '../../../domain/questionnaire';

export interface FormsEngineState {
  /** False while a needed engine is still loading: the form waits rather than show wrong totals. */
  ready: boolean;
  engine: FormsEngine | undefined;
  /** The values with every calculated item recomputed. */
  recompute: (values: FormValues) => FormValues;
  /** The calculations; and for a new form, initialExpression values first. */
  start: (values: FormValues, fresh: boolean) => FormValues;
  /** What blocks the save. */
  check: (values: FormValues) => FormProblem[];
  /** Rules of severity warning the values break: shown, never blocking. */
  warnings: (values: FormValues) => FormProblem[];
}

/** `launch` holds %patient (the same variables the save and the server use). */
export function useFormsEngine(template: Questionnaire, launch: Env = {}): FormsEngineState {
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
  const recompute = (values: FormValues) => (engine ? computeForm(template, values, engine, launch).values : values);
  const opts = engine ? { engine, env: launch } : {};
  return {
    ready: !needed || engine !== undefined,
    engine,
    recompute,
    start: (values, fresh) => (engine ? recompute(fresh ? startValues(template, values, engine, launch) : values) : values),
    check: (values) => checkForm(template, values, opts),
    warnings: (values) => formWarnings(template, values, opts),
  };
}
