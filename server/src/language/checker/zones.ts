// IANA time zone names, as the platform's Intl data knows them (the evaluator reads zone
// rules from the same data).

let knownZones: readonly string[] | undefined;

/** The canonical zone names, plus `UTC`, for suggestions. */
export function zoneNames(): readonly string[] {
  knownZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')];
  return knownZones;
}

/**
 * Whether `name` is an IANA zone. Intl accepts every IANA name and alias, in any letter
 * case; it also accepts fixed offsets such as `+08:00`, which are not zones.
 */
export function isKnownTimeZone(name: string): boolean {
  let known = checked.get(name);
  if (known === undefined) {
    known = name !== '' && !/^[+-]\d/.test(name) && acceptedByIntl(name);
    if (checked.size > 1000) checked.clear();
    checked.set(name, known);
  }
  return known;
}

/** Answers per name: building an Intl.DateTimeFormat costs about half a millisecond. */
const checked = new Map<string, boolean>();

function acceptedByIntl(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
