// FHIRPath for SDC expressions, through the reference implementation (`fhirpath`, with its R4
// model) and UCUM units through `@lhncbc/ucum-lhc`. Both are pure JavaScript, so the tablet and
// the server run the same code; but together they weigh about a megabyte, so they are loaded on
// demand (a dynamic import: its own chunk on the tablet) and handed to the engine as a FormsEngine.
// Forms without expressions or units never load them.
import type { Questionnaire } from './types';
import { EXPRESSION_EXTENSIONS, EXT } from './extensions';
import { walkItems } from './walk';

export type Env = Record<string, unknown>;

export interface FormsEngine {
  /**
   * Evaluates a FHIRPath expression on `base` with the given %variables; `basePath` is the FHIR
   * path of `base` when it is part of a resource (e.g. 'QuestionnaireResponse.item'), so that
   * value[x] resolves. Throws on a bad expression.
   */
  evaluate(base: unknown, expression: string, env: Env, basePath?: string): unknown[];
  /** Throws with the reason when the expression does not parse or names an unknown function. */
  compile(expression: string): void;
  /** True when `code` is a valid UCUM unit code. */
  isUcum(code: string): boolean;
}

let loading: Promise<FormsEngine> | null = null;

/** The engine, loaded once per process or page. */
export function loadFormsEngine(): Promise<FormsEngine> {
  loading ??= (async () => {
    const [fp, r4, ucum] = await Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4'), import('@lhncbc/ucum-lhc')]);
    // CommonJS under Node, ES modules in the bundle: take the default export where there is one.
    const fhirpath = ((fp as unknown as { default?: typeof fp }).default ?? fp);
    const model = ((r4 as unknown as { default?: unknown }).default ?? r4) as Parameters<typeof fhirpath.evaluate>[3];
    const ucumPkg = ((ucum as unknown as { default?: typeof ucum }).default ?? ucum);
    const utils = ucumPkg.UcumLhcUtils.getInstance();
    const compiled = new Map<string, ReturnType<typeof fhirpath.compile>>();
    const compile = (expression: string, basePath?: string) => {
      const key = `${basePath ?? ''}\u0000${expression}`;
      let fn = compiled.get(key);
      if (!fn) {
        fn = fhirpath.compile(basePath ? { base: basePath, expression } : expression, model);
        compiled.set(key, fn);
      }
      return fn;
    };
    return {
      evaluate: (base, expression, env, basePath) => compile(expression, basePath)(base as object, env as never) as unknown[],
      compile: (expression) => void compile(expression),
      isUcum: (code) => utils.validateUnitString(code).status === 'valid',
    };
  })();
  return loading;
}

/** Does this template need the engine (expressions, scores in expressions, or units to check)? */
export function needsEngine(q: Pick<Questionnaire, 'item' | 'extension'>): boolean {
  if ((q.extension ?? []).some((e) => e.url === EXT.variable)) return true;
  let found = false;
  walkItems(q.item, (item) => {
    if ((item.extension ?? []).some((e) => EXPRESSION_EXTENSIONS.includes(e.url))) found = true;
    return !found;
  });
  return found;
}

/** The FHIRPath text of an Expression extension, when it is FHIRPath. */
export function fhirpathOf(e: { valueExpression?: { language: string; expression?: string } }): string | undefined {
  const x = e.valueExpression;
  return x && x.language === 'text/fhirpath' && x.expression ? x.expression : undefined;
}
