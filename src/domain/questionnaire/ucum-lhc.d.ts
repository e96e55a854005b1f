// @lhncbc/ucum-lhc ships no types; the engine uses one call of it.
declare module '@lhncbc/ucum-lhc' {
  export const UcumLhcUtils: { getInstance(): { validateUnitString(code: string): { status: string } } };
}
