// IANA time zone names, as the platform's Intl data knows them (the evaluator reads zone
// rules from the same data).

let knownZones: readonly string[] | undefined;

/** The canonical zone names, plus `UTC`, for suggestions. */
export function zoneNames(): readonly string[] {
  knownZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return knownZones;
}

/**
 * Whether `name` is an IANA zone. Intl accepts every IANA name and alias, in any letter
 * case; it also accepts fixed offsets such as `+08:00`, which are not zones.
 */
export function isKnownTimeZone(name: string): boolean {
  let known = checked.get(name);
  if (known === undefined) {
    // A canonical name (what contracts write) is known without asking for a formatter: the
    // first Intl.DateTimeFormat of a process costs about 10 ms of ICU set-up, a tenth of a
    // small `sla check`. Aliases, other letter cases and mistakes still go to Intl.
    canonicalZones ??= new Set(zoneNames());
    known = canonicalZones.has(name) || (name !== '' && !/^[+-]\d/.test(name) && acceptedByIntl(name));
    if (checked.size > 1000) checked.clear();
    checked.set(name, known);
  }
  return known;
}

let canonicalZones: ReadonlySet<string> | undefined;

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

/** Formatters by zone name: building one costs about half a millisecond. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date of an instant (epoch ms) in an IANA zone, from the platform's Intl data
 * (what the evaluator reads through luxon); undefined for a zone Intl does not know.
 */
export function localDateIn(zone: string, instant: number): { year: number; month: number; day: number } | undefined {
  if (!isKnownTimeZone(zone)) return undefined;
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', era: 'short' });
    if (dateFormats.size > 100) dateFormats.clear();
    dateFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  return { year: parts.era === 'BC' ? 1 - year : year, month: Number(parts.month), day: Number(parts.day) };
}
