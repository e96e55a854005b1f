import { startFeedServer } from './tests/server/mllp-harness';
import { admit, merge, movement, changeIpp } from './tests/server/hl7-fixtures';
const f = await startFeedServer({ RELEVE_LOG_LEVEL: 'error' });
const temp = { ipp: 'TMP-0A1B-0001', birthName: 'INCONNU', given: 'Femme', birth: '19500101', sex: 'F' };
console.log(await f.mllp.send(admit(temp, { ward: 'MED', room: '130' })));
console.log((await f.mllp.send(merge({ ipp: '900003', birthName: 'PETIT', given: 'Louise', birth: '19520506', sex: 'F' }, 'TMP-0A1B-0001'))).replace(/\r/g, '\n'));
console.log((await f.mllp.send(movement('A02', 'ADT_A02', temp, { ward: 'CHIR', room: '204', bed: 'A' }, { at: '20260302120000' }))).replace(/\r/g, '\n'));
await f.close();
