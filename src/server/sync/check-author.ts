// An entry's byline is what every screen and printout shows: it must be the account's own name
// and role. Either the current ones, or ones the account had until after the entry was written,
// so a rename or a promotion during an outage does not turn old entries away.
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import type { ReleveDatabase } from '../store/schema';
import type { Writer } from './check-entry';
import type { Verdict } from './entry-checks';
import { provisionalAuthorVerdict } from './check-provisional';

export async function authorNameProblem(db: Kysely<ReleveDatabase>, e: Entry, w: Writer): Promise<Verdict> {
  if (e.author.enrolledBy) return provisionalAuthorVerdict(db, e);
  const { name, role } = e.author;
  if (name === w.user.name && role === w.user.role) return null;
  const earlier = await db
    .selectFrom('user_history')
    .select('until')
    .where('user_id', '=', w.user.id)
    .where('name', '=', name)
    .where('role', '=', role)
    .where('until', '>=', new Date(Date.parse(e.createdAt)).toISOString())
    .executeTakeFirst();
  if (earlier) return null;
  return { reject: `author name and role (${name}, ${role}) are not those of account ${w.user.id} (${w.user.name}, ${w.user.role})` };
}
