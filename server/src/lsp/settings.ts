// The server's settings: `sla.*` from the client's configuration (workspace/configuration
// when the client supports it, else the didChangeConfiguration payload), with defaults.
// `initializationOptions.validateDelayMs` overrides the on-type debounce (the benchmark
// sets 0).

export interface ServerSettings {
  validate: {
    /** Publish diagnostics while typing (debounced); on save they are always published. */
    onType: boolean;
    /** Debounce of on-type validation in milliseconds. */
    delayMs: number;
  };
}

export const DEFAULT_SETTINGS: ServerSettings = { validate: { onType: true, delayMs: 200 } };

/** Reads the `sla` section as sent by a client; anything malformed falls back to the default. */
export function readSettings(section: unknown, delayOverride?: number): ServerSettings {
  const sla = isObject(section) ? section : {};
  const validate = isObject(sla.validate) ? sla.validate : {};
  const onType = typeof validate.onType === 'boolean' ? validate.onType : DEFAULT_SETTINGS.validate.onType;
  let delayMs = DEFAULT_SETTINGS.validate.delayMs;
  if (typeof validate.delay === 'number' && validate.delay >= 0) delayMs = validate.delay;
  if (delayOverride !== undefined && delayOverride >= 0) delayMs = delayOverride;
  return { validate: { onType, delayMs } };
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
