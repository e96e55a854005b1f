// The name a byline shows. An entry of a provisional account (domain/provisional.ts) shows both
// names, hers and her enroller's, on screen and on paper: "Marie Relief, inscrite hors ligne par
// Claire Chef".
import type { TFunction } from 'i18next';
import type { Author } from '../../domain/entry';

export function authorName(t: TFunction, author: Pick<Author, 'name' | 'enrolledBy'>): string {
  return author.enrolledBy ? t('enrol.byline', { name: author.name, by: author.enrolledBy.name }) : author.name;
}
