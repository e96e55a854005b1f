// The systems a downtime can name, apart from the downtime's schema: the banner on every screen
// names them without loading zod.

/** What the declaring nurse can tick as down. Free text is allowed too: outages are untidy. */
export const DOWN_SYSTEMS = ['records', 'network', 'phones', 'lab', 'imaging', 'pharmacy', 'email', 'power'] as const;
