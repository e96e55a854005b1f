// The keys `t` accepts, computed from the French catalog (the reference one): a key that no
// catalog has fails the type check. A plural is asked for by its bare key with `count`
// ('board.pending', { count }), or by one of its forms.
import type { Catalog } from './fr';

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Bare<K extends string> = K extends `${infer B}_${PluralForm}` ? B : K;

type Paths<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` | `${P}${Bare<K>}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type TranslationKey = Paths<Catalog, ''>;

/** What the screens call to read a string (the shape of i18next's, so callers did not change). */
export type TFunction = (key: TranslationKey, params?: Record<string, unknown>) => string;
