// `ward-map [--his REA --unit MED]`: the HIS's ward codes (PV1-3.1) to Relève's units. With no
// option, lists the table and the messages kept for wards it does not map yet. Mapping a ward
// replays the messages kept for it (interface/replay.ts).
import { UNIT_CODE } from '../../domain/his/unmapped';
import { listHisWards } from '../interface/store/wards';
import { unmappedMessages } from '../interface/store/journal';
import { mapWardAndReplay } from '../interface/replay';
import { stringOption, UsageError, type Command } from './command';

export const wardMap: Command = {
  name: 'ward-map',
  usage: '[--his <HIS ward code> --unit <unit code>]',
  summary: 'maps an HIS ward code to a Relève unit; alone, lists the mapping and the messages of unmapped wards',
  options: { his: { type: 'string' }, unit: { type: 'string' } },
  async run({ store, values }) {
    const his = stringOption(values, 'his')?.trim();
    const unit = stringOption(values, 'unit')?.trim().toUpperCase();
    if (his || unit) {
      if (!his || !unit) throw new UsageError('--his and --unit go together');
      if (!UNIT_CODE.test(unit)) throw new UsageError(`unit code '${unit}' must be 2-16 capitals, digits, - or _`);
      const { replayed, stillKept } = await mapWardAndReplay(store, his, unit);
      return `HIS ward ${his} -> unit ${unit}; kept messages replayed: ${replayed}, still kept: ${stillKept}`;
    }
    const rows = await listHisWards(store.db);
    const kept = await unmappedMessages(store.db);
    const lines = rows.map((r) => `  ${r.hisCode.padEnd(12)} -> ${r.unitCode}`);
    const waiting = kept.map((m) => `  #${m.seq} ${m.receivedAt} ${m.messageType} ${m.controlId}: ${m.detail ?? ''}`);
    return [`ward mapping (${rows.length}):`, ...lines, `messages kept for unmapped wards (${kept.length}):`, ...waiting].join('\n');
  },
};
