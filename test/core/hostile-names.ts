/**
 * Names that are members of every plain object: as column, construct, segment or group names
 * they must work like any other (names are data).
 */
export const HOSTILE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** An object with these own properties (an object literal's `__proto__: x` would set the prototype). */
export const withOwn = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries);
