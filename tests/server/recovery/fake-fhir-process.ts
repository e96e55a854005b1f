// A fake FHIR server as its own process, for the export's send test: a real HTTP server on a free
// port that takes transaction Bundles (applyTransaction: conditional create on identifier, PUT by
// id) and answers a transaction-response. It prints `listening <port>` once ready; GET /count says
// how many resources it holds; a Bundle of another type is refused with an OperationOutcome.
import { createServer } from 'node:http';
import type { ExportBundle } from '../../../src/domain/recovery/fhir/bundle';
import { applyTransaction, emptyFhirServer } from './fhir-server';

const fhir = emptyFhirServer();

const server = createServer((req, res) => {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/count') return reply(200, { count: fhir.resources.size });
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    const bundle = JSON.parse(text) as ExportBundle;
    if (bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction') {
      return reply(400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'not a transaction Bundle' }] });
    }
    const { answers } = applyTransaction(fhir, bundle);
    reply(200, { resourceType: 'Bundle', type: 'transaction-response', entry: answers.map((a) => ({ response: a })) });
  });
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
