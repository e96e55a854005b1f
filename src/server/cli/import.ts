// `import <file> [--as <interface username>]`: a FHIR R4 Bundle (.json) or a CSV census (.csv,
// format in server/interface/census-csv.ts), written through the same journal and write path
// as the live feed, as the interface account. Importing the same file again changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readCensusCsv } from '../interface/census-csv';
import { HisRefusal } from '../interface/events';
import { FeedQueue } from '../interface/feed-queue';
import { readBundle } from '../interface/fhir/read-bundle';
import { interfaceWriter } from '../interface/start';
import { stringOption, UsageError, type Command } from './command';

export const importFile: Command = {
  name: 'import',
  usage: '<bundle.json | census.csv> [--as <interface username>]',
  summary: 'imports a FHIR Bundle or a CSV census as the HIS interface account',
  options: { as: { type: 'string' } },
  positionals: 1,
  async run({ store, values, positionals }) {
    const file = positionals[0];
    if (!file) throw new UsageError('usage: import <bundle.json | census.csv>');
    const raw = readFileSync(file, 'utf8');
    const now = new Date().toISOString();
    const csv = file.toLowerCase().endsWith('.csv');
    let events;
    try {
      events = csv ? readCensusCsv(raw, now) : readBundle(JSON.parse(raw) as unknown, now).events;
    } catch (err) {
      if (err instanceof HisRefusal || err instanceof SyntaxError) throw new UsageError(`${file} refused, nothing imported: ${err.message}`);
      throw err;
    }
    const writer = await interfaceWriter(store, 'his-import', stringOption(values, 'as'));
    const controlId = `file:sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const r = await new FeedQueue(store, writer).submit({ controlId, messageType: csv ? 'CSV census' : 'FHIR Bundle', source: 'file', raw, events });
    if (r.ack !== 'AA') throw new UsageError(`${file} refused, nothing imported: ${r.text}`);
    return r.status === 'duplicate' ? `${file} was already imported: nothing changed` : `${file} imported (${r.status}): ${r.text}`;
  },
};
