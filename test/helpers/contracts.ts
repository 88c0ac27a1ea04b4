// A small clean contract for tests that need one to evaluate: one availability objective on
// the metric `up`, target 90% per calendar month, in UTC.
export function shopContract(title?: string): string {
  return `sla Shop${title === undefined ? '' : ` "${title}"`} {
  version "3"
  provider "P"
  customer "C"
  timezone "UTC"
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 90% window calendar month }
  reporting monthly
  review yearly
}
`;
}
