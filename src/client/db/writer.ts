// Who is writing on this tablet: ONE answer, the keyring's current person, the one the header
// shows. A switch of nurse sets her there before the tablet opens; a copy kept elsewhere (the
// meta's old `currentUserId`) changed a moment later, and a save, a session banner or a pull in
// between was judged for the nurse before her. Every reader asks here.
import { currentPerson } from './keyring/keyring';
import type { ReleveDb } from './schema';

export function writerId(db: ReleveDb): Promise<string | null> {
  return currentPerson(db.keyring);
}
