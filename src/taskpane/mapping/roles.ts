/**
 * The columns each analysis needs ("roles"), what kind of values each must hold, and the header
 * names that suggest it. A mapping assigns one column of the user's table to each role.
 */
export type ColumnKind = 'id' | 'date' | 'number' | 'label';

export interface Role {
  key: string;
  label: string;
  kind: ColumnKind;
  /** Header patterns that suggest this role, best first. */
  hints: RegExp[];
  /** What the column must hold, as in "Amount must be a number, the purchase value". */
  help: string;
}

/** role key → column name (null: not chosen). */
export type Mapping = Record<string, string | null>;

/** A transaction log: one row per purchase (RFM, ABC, k-means, lifetime value). */
export const TRANSACTION_ROLES: readonly Role[] = [
  {
    key: 'customer',
    label: 'Customer',
    kind: 'id',
    hints: [/^customer.?(id|no|number|code)?$/i, /^(client|account|buyer|member)/i, /cust/i, /^id$/i],
    help: 'an id or a name per customer',
  },
  {
    key: 'date',
    label: 'Date',
    kind: 'date',
    hints: [/^(order|purchase|transaction|invoice)?.?date$/i, /date|day|time/i],
    help: 'a date (an Excel date, yyyy-mm-dd or yyyymmdd)',
  },
  {
    key: 'amount',
    label: 'Amount',
    kind: 'number',
    hints: [/^(amount|revenue|sales|spend|value|total)$/i, /amount|revenue|sales|spend|value|total|price|\$/i],
    help: 'a number, the purchase value',
  },
];

/** Gale's value map: one row per offer with its relative quality and relative price. */
export const VALUE_MAP_ROLES: readonly Role[] = [
  { key: 'offer', label: 'Offer', kind: 'label', hints: [/^(offer|brand|product|company|name)$/i, /offer|brand|product|name/i], help: 'the brand or product name' },
  { key: 'quality', label: 'Relative quality', kind: 'number', hints: [/quality/i], help: 'a number, the market-perceived quality (100 = market average)' },
  { key: 'price', label: 'Relative price', kind: 'number', hints: [/price/i, /cost/i], help: 'a number, the market-perceived price (100 = market average)' },
];
