// Who a signed-in account is. Declared once here; the server's users table, the CLI, the
// document-type writers and the procedure editor all read these lists.
export const ROLES = ['nurse', 'charge', 'admin', 'interface', 'recovery'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The people of the wards and of the crisis cell: who writes clinical and reference documents,
 * and who a downtime procedure is written for. `interface` (the HIS feed) and `recovery` (the
 * back-entry team) write only what their own document types allow.
 */
export const CARE_ROLES = ['nurse', 'charge', 'admin'] as const satisfies readonly Role[];
export type CareRole = (typeof CARE_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
