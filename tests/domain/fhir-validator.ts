// The official FHIR R4 JSON schema, through a real validator (not our own types): what every
// template and response the tests build must pass.
import { createRequire } from 'node:module';

// The validator is CommonJS; it compiles the whole R4 schema once.
const JSONSchemaValidator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate(resource: unknown, verbose?: boolean): { dataPath: string; message: string; params?: unknown }[];
};
const validator = new JSONSchemaValidator();
export const fhirErrors = (resource: unknown) =>
  validator.validate(resource, true).filter((e) => e.message !== 'should match exactly one schema in oneOf' || e.dataPath !== '');
