// The body of a `template` document: a FHIR R4 Questionnaire within the supported subset
// (DESIGN.md, "Forms"). Shape by zod, then the engine's own rules (templateProblems). A failed
// rule is reported as "[code] linkId" so the import screen can word it.
import { z } from 'zod';
import { ENABLE_OPERATORS, ITEM_TYPES, type Questionnaire, type QuestionnaireItem } from '../questionnaire/types';
import { templateProblems } from '../questionnaire/template-problems';
import { EXT } from '../questionnaire/extensions';

const short = z.string().min(1).max(500);

const quantity = z.strictObject({
  value: z.number().optional(),
  unit: z.string().max(100).optional(),
  system: z.string().max(300).optional(),
  code: z.string().max(100).optional(),
});

const expression = z.strictObject({
  language: z.string().min(1).max(100),
  expression: z.string().max(4000).optional(),
  name: z.string().max(100).optional(),
  description: z.string().max(1000).optional(),
});

/** The extensions a template keeps (extensions.ts lists them): limits, units, expressions, scores. */
const extension: z.ZodType<unknown> = z.strictObject({
  url: short,
  valueCode: z.string().max(100).optional(),
  valueId: z.string().max(100).optional(),
  valueString: z.string().max(4000).optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueDecimal: z.number().optional(),
  valueDate: z.string().max(30).optional(),
  valueDateTime: z.string().max(40).optional(),
  get valueCoding() {
    return codingSchema.optional();
  },
  valueExpression: expression.optional(),
  valueQuantity: quantity.optional(),
  get extension() {
    return z.array(extension).max(10).optional();
  },
});
const translatable = z.strictObject({ extension: z.array(extension).max(20).optional() });

const codingSchema = z.strictObject({
  system: short.optional(),
  code: z.string().min(1).max(200).optional(),
  display: z.string().max(500).optional(),
  _display: translatable.optional(),
});

/** FHIR's value[x] of an answer, shared by a template's initial values and a form's answers.
 *  Only the longest text differs: a typed answer may be far longer than a preset one. */
export function answerValueFields(stringMax: number) {
  return {
    valueBoolean: z.boolean().optional(),
    valueDecimal: z.number().optional(),
    valueInteger: z.number().int().optional(),
    valueDate: z.string().max(30).optional(),
    valueDateTime: z.string().max(40).optional(),
    valueTime: z.string().max(20).optional(),
    valueString: z.string().max(stringMax).optional(),
    valueCoding: codingSchema.optional(),
    valueQuantity: quantity.optional(),
  };
}

const answerValues = answerValueFields(4000);

const enableWhen = z.strictObject({
  question: z.string().min(1).max(100),
  operator: z.enum(ENABLE_OPERATORS),
  answerBoolean: z.boolean().optional(),
  answerDecimal: z.number().optional(),
  answerInteger: z.number().int().optional(),
  answerDate: z.string().max(30).optional(),
  answerDateTime: z.string().max(40).optional(),
  answerTime: z.string().max(20).optional(),
  answerString: z.string().max(1000).optional(),
  answerCoding: codingSchema.optional(),
});

/** An option's Coding may name the contained value set it came from (import-value-sets.ts). */
const optionCoding = codingSchema.extend({
  extension: z.array(z.strictObject({ url: z.literal(EXT.valueSetReference), valueUri: z.string().regex(/^#[A-Za-z0-9.-]{1,64}$/) })).max(1).optional(),
});

const answerOption = z.strictObject({
  valueCoding: optionCoding.optional(),
  valueString: z.string().min(1).max(500).optional(),
  valueInteger: z.number().int().optional(),
  valueDate: z.string().max(30).optional(),
  valueTime: z.string().max(20).optional(),
  initialSelected: z.boolean().optional(),
  extension: z.array(extension).max(5).optional(),
});

/** A value set the options came from, kept with the template (import-value-sets.ts). */
const containedValueSet = z.strictObject({
  resourceType: z.literal('ValueSet'),
  id: z.string().max(64).optional(),
  url: z.string().max(300).optional(),
  status: z.string().max(20).optional(),
  compose: z.strictObject({
    include: z.array(z.strictObject({
      system: z.string().max(300).optional(),
      concept: z.array(z.strictObject({ code: z.string().min(1).max(200), display: z.string().max(500).optional() })).max(500),
    })).max(20),
  }).optional(),
});

const item: z.ZodType<QuestionnaireItem> = z.strictObject({
  linkId: z.string().min(1).max(100),
  type: z.enum(ITEM_TYPES),
  code: z.array(codingSchema).max(20).optional(),
  prefix: z.string().max(20).optional(),
  text: z.string().max(2000).optional(),
  _text: translatable.optional(),
  required: z.boolean().optional(),
  repeats: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  maxLength: z.number().int().positive().max(100_000).optional(),
  enableWhen: z.array(enableWhen).min(1).max(20).optional(),
  enableBehavior: z.enum(['all', 'any']).optional(),
  answerOption: z.array(answerOption).min(1).max(200).optional(),
  initial: z.array(z.strictObject(answerValues)).min(1).max(50).optional(),
  extension: z.array(extension).max(30).optional(),
  get item() {
    return z.array(item).min(1).max(300).optional();
  },
}) as z.ZodType<QuestionnaireItem>;

export const templateBody = z
  .strictObject({
    resourceType: z.literal('Questionnaire'),
    id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/).optional(),
    url: z.string().min(1).max(300),
    version: z.string().min(1).max(50).regex(/^[^|]+$/, 'a version cannot contain |'),
    name: z.string().max(200).optional(),
    title: z.string().min(1).max(300),
    _title: translatable.optional(),
    status: z.enum(['draft', 'active', 'retired', 'unknown']),
    date: z.string().max(40).optional(),
    publisher: z.string().max(300).optional(),
    description: z.string().max(4000).optional(),
    language: z.string().max(20).optional(),
    code: z.array(codingSchema).max(20).optional(),
    subjectType: z.array(z.string().max(50)).max(5).optional(),
    extension: z.array(extension).max(30).optional(),
    contained: z.array(containedValueSet).max(30).optional(),
    item: z.array(item).min(1).max(300),
  })
  .superRefine((q, ctx) => {
    for (const p of templateProblems(q as Questionnaire)) {
      ctx.addIssue({ code: 'custom', message: `[${p.code}]${p.linkId ? ` ${p.linkId}` : ''}`, path: ['item'] });
    }
  });